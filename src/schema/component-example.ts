import { z } from 'zod';
import { language } from './common';
import { componentProps, type ContentComponent } from './components';

/** An element an example's HTML must hold. */
const expectedElement = z.strictObject({
  /** A CSS selector (html-validate's subset: tags, classes, ids, attributes, combinators) matching at least one element. */
  selector: z.string().min(1),
  /** The text of the first element it matches, white space folded, where the words matter. */
  text: z.string().optional(),
});

/** What an example promises about its rendered HTML: the unit test checks every item. */
const exampleExpectation = z.strictObject({
  /** Words a reader must find in the rendered text, in this order (white space folded). */
  text: z.array(z.string().min(1)).min(1),
  /** Elements that must be there. */
  elements: z.array(expectedElement).default([]),
  /** Selectors that must match nothing: what this variant leaves out. */
  absent: z.array(z.string().min(1)).default([]),
});

/**
 * One example of a content component, as GOV.UK Frontend keeps them: a name, what it shows, the props and children
 * MDX gives it, and what its HTML must hold. One file of these per component drives its unit, HTML and axe tests.
 */
export const componentExample = <C extends ContentComponent>(component: C) =>
  z.strictObject({
    /** Unique among the component's examples; names its tests. */
    name: z.string().min(1),
    /** One line: the variant it shows, and where in the content it comes from. */
    description: z.string().min(1),
    /** The language of the page it stands on: Welsh minutes are pages of their own. */
    lang: language.default('en'),
    /** The props, as an MDX file writes them: checked against the component's own schema. */
    props: componentProps[component],
    /** The MDX children, as the HTML MDX renders them to; absent for a component that takes none. */
    slot: z.string().optional(),
    /** What the rendered HTML must hold. */
    expect: exampleExpectation,
  });

/** A component's examples file, `src/components/content/<Name>.examples.yaml`: data, as GOV.UK Frontend keeps its own. */
export const componentExamplesFile = <C extends ContentComponent>(component: C) =>
  z.strictObject({
    /** The examples, at least one, each with its own name. */
    examples: z
      .array(componentExample(component))
      .min(1)
      .refine((examples) => new Set(examples.map((e) => e.name)).size === examples.length, 'two examples have the same name'),
  });

export type ComponentExample = z.output<ReturnType<typeof componentExample>>;
