import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config';

/**
 * Checks that hold for any content: run on the demo by `npm test`, and on a council's own site by `npm run test:site`
 * (`vitest run --project site`). Every other test pins the demo content or the fixtures, and runs in `demo`.
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

// getViteConfig adds Astro's Vite plugins, so a test can import a .astro component and render it alone (astro/container).
export default getViteConfig({
  test: {
    // Build tests run the real Astro build; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'site', include: SITE_CHECKS } },
      { extends: true, test: { name: 'demo', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SITE_CHECKS] } },
    ],
  },
});
