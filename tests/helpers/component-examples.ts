import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'yaml';
import { z } from 'zod';
import { contentComponents } from '../../src/components/content';
import { componentExamplesFile, type ComponentExample } from '../../src/schema/component-example';
import type { ContentComponent } from '../../src/schema/components';
import { htmlLang } from '../../src/model/language';

/** Each component's examples sit beside it: src/components/content/<Name>.examples.yaml. */
const DIR = join(import.meta.dirname, '..', '..', 'src', 'components', 'content');
const SUFFIX = '.examples.yaml';

/**
 * Content components with no examples file. KpiChart reads its series from the content collections, which a component
 * rendered alone does not have; the chart tests and the built KPI pages cover it.
 */
const WITHOUT_EXAMPLES: ReadonlySet<ContentComponent> = new Set(['KpiChart']);

/** The content components the site lists (src/components/content/index.ts) that must have examples. */
export const componentsWithExamples = (Object.keys(contentComponents) as ContentComponent[]).filter((c) => !WITHOUT_EXAMPLES.has(c));

/** The components the examples files there are named for. */
export const examplesFileNames = readdirSync(DIR).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length));

/**
 * A component's examples, checked against the schema (props against the component's own) with the defaults filled in;
 * where the file is missing or does not fit, no examples and what is wrong.
 */
export function readExamples(component: ContentComponent): { examples: ComponentExample[]; problem?: string } {
  const file = join(DIR, `${component}${SUFFIX}`);
  if (!existsSync(file)) return { examples: [], problem: `no file ${file}` };
  const result = componentExamplesFile(component).safeParse(parse(readFileSync(file, 'utf8')));
  return result.success ? { examples: result.data.examples } : { examples: [], problem: `${file}:\n${z.prettifyError(result.error)}` };
}

/** Renders one example with Astro's container: the component alone, as a page would have it, and its children. */
export const renderExample = (container: AstroContainer, component: ContentComponent, example: ComponentExample): Promise<string> =>
  container.renderToString(contentComponents[component], { props: example.props, slots: example.slot ? { default: example.slot } : {} });

/** A whole page around an example's HTML, in the example's language, so it can be validated and checked as the site's pages are. */
export function examplePage(title: string, example: ComponentExample, html: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="${htmlLang[example.lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
<main class="wrap">
<h1>${title}</h1>
${html}
</main>
</body>
</html>
`;
}
