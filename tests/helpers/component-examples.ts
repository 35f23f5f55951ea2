import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { contentComponents } from '../../src/components/content';
import { componentExample, type componentExamples } from '../../src/schema/component-example';
import type { ContentComponent } from '../../src/schema/components';
import { htmlLang } from '../../src/model/language';

/**
 * Content components with no examples file. KpiChart reads its series from the content collections, which a component
 * rendered alone does not have; the chart tests and the built KPI pages cover it.
 */
const WITHOUT_EXAMPLES: ReadonlySet<ContentComponent> = new Set(['KpiChart']);

// Each component's examples sit beside it: src/components/content/<Name>.examples.ts.
const files = import.meta.glob<ReturnType<typeof componentExamples>>('../../src/components/content/*.examples.ts', { eager: true, import: 'default' });

/** Every content component the site lists (src/components/content/index.ts), with its examples file if it has one. */
export const exampleFiles = (Object.keys(contentComponents) as ContentComponent[])
  .filter((component) => !WITHOUT_EXAMPLES.has(component))
  .map((component) => ({ component, file: files[`../../src/components/content/${component}.examples.ts`] }));

/** An example checked against its component's schema (props included), with the defaults filled in. */
export const parseExample = (component: ContentComponent, example: unknown) => componentExample(component).parse(example);
export type Example = ReturnType<typeof parseExample>;

/** Renders one example with Astro's container: the component alone, as a page would have it, and its children. */
export async function renderExample(container: AstroContainer, component: ContentComponent, example: Example): Promise<string> {
  return container.renderToString(contentComponents[component], { props: example.props, slots: example.slot ? { default: example.slot } : {} });
}

/** A whole page around an example's HTML, in the example's language, so it can be validated and checked as the site's pages are. */
export function examplePage(title: string, example: Example, html: string, head = ''): string {
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
