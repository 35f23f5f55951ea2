/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Checks that hold for any content: run on the demo by `npm test`, and alone on a council's own site by
 * `npm run test:site`. Every other test pins the demo content or the fixtures.
 */
const SITE_CHECKS = [
  'tests/quality/addresses.build.test.ts',
  'tests/quality/axe.browser.test.ts',
  'tests/quality/budgets.build.test.ts',
  'tests/quality/cdn.build.test.ts',
  'tests/quality/hostile-import.build.test.ts',
  'tests/quality/html-validate.build.test.ts',
  'tests/quality/links.build.test.ts',
  'tests/quality/reflow.browser.test.ts',
];

/** `npm run test:site` sets this: each tier runs only its site checks. */
const siteOnly = process.env['CHAMBER_TESTS'] === 'site';

/**
 * A tier of tests, by the kind in the file name: `unit` needs nothing built; `build` and `browser` read `dist/`, so
 * they first check it is there and built from the current source (tests/helpers/fresh-dist.ts).
 */
const tier = (name: 'unit' | 'build' | 'browser') => {
  const suffix = `.${name}.test.ts`;
  return {
    extends: true,
    test: {
      name,
      include: siteOnly ? SITE_CHECKS.filter((file) => file.endsWith(suffix)) : [`tests/**/*${suffix}`],
      globalSetup: name === 'unit' ? [] : ['tests/helpers/fresh-dist.ts'],
    },
  };
};

// getViteConfig adds Astro's Vite plugins, so a test can import a .astro component and render it alone (astro/container).
export default getViteConfig({
  test: {
    // Build tests run the real Astro build; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [tier('unit'), tier('build'), tier('browser')],
  },
});
