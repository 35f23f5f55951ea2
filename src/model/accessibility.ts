/**
 * What the accessibility checks cover. The browser tests (tests/quality/*.browser.test.ts) run exactly these settings,
 * and the accessibility statement page describes them, so the statement cannot claim more than is tested.
 */

export const WCAG_VERSION = '2.2';
export const WCAG_LEVEL = 'AA';

/** axe-core rule tags run on every page: WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds no new level A rules). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** A rule a check switches off, and why. Every one is published in the statement. */
export interface Waiver {
  rule: string;
  reason: string;
}

/** axe-core rules switched off. None: every WCAG A and AA rule axe has is run. */
export const AXE_DISABLED_RULES: readonly Waiver[] = [];

/** An html-validate rule of its recommended set that is switched off or narrowed, and why. */
export interface ValidatorWaiver extends Waiver {
  setting: 'off' | ['error', Record<string, unknown>];
}

/** html-validate rules changed from its `recommended` and `document` presets. */
export const HTML_VALIDATE_WAIVERS: readonly ValidatorWaiver[] = [
  {
    rule: 'valid-id',
    setting: ['error', { relaxed: true }],
    reason:
      'HTML allows an id to start with a digit, and headings printed as "1. Apologies" get ids such as "1-apologies"; only the HTML requirements (not empty, no spaces) are checked',
  },
  {
    rule: 'long-title',
    setting: 'off',
    reason: 'page titles are the councils\' own document titles, which can be long; the 70-character limit is a search-engine display habit, not an HTML or accessibility requirement',
  },
  {
    rule: 'require-sri',
    setting: ['error', { target: 'crossorigin' }],
    reason:
      'subresource integrity protects code loaded from another site; every stylesheet and script here comes from the site itself, and any from elsewhere must still have it',
  },
  {
    rule: 'prefer-native-element',
    setting: ['error', { exclude: ['region'] }],
    reason:
      'a wide table scrolls inside a labelled, focusable box with role="region", the pattern that lets keyboard users scroll it; every other role must still use its native element',
  },
  {
    rule: 'form-dup-name',
    setting: ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    reason:
      'each search filter is a group of checkboxes sharing one name, which is how a form sends several values of one filter (?year=2015&year=2023); any other repeated name is still an error',
  },
];

/** The narrowest screen pages must fit without scrolling sideways (WCAG 1.4.10 Reflow: 320 CSS pixels). */
export const REFLOW_WIDTH = 320;
/** The zoom pages must take on a desktop-width window without text scrolling sideways (WCAG 1.4.4 Resize text). */
export const ZOOM_PERCENT = 200;
/** The desktop window width the zoom check starts from. */
export const DESKTOP_WIDTH = 1280;

/** Journeys walked with the keyboard alone, in a real browser, on every build. */
export const KEYBOARD_JOURNEYS = [
  'from the home page to a meeting, on to its minutes and to one numbered minute',
  'from the list of strategies and plans to a strategy, and on to one of its performance measures (KPIs)',
] as const;
export type KeyboardJourney = (typeof KEYBOARD_JOURNEYS)[number];

/** The statement's dates, as the GOV.UK model statement asks: change `reviewed` whenever the checks above change. */
export const STATEMENT_DATES = { prepared: '2026-11-24', reviewed: '2026-11-24' } as const;

/**
 * How many of the tables in MDX bodies were printed without a header row: `DataTable` with `head={[]}`. They are
 * published as printed, so a screen reader has no column headings to announce for them.
 */
export function tablesWithoutHeaders(bodies: Array<string | undefined>): { tables: number; withoutHeaders: number } {
  let tables = 0;
  let withoutHeaders = 0;
  for (const body of bodies) {
    tables += body?.match(/<DataTable\b/g)?.length ?? 0;
    withoutHeaders += body?.match(/\bhead=\{\[\]\}/g)?.length ?? 0;
  }
  return { tables, withoutHeaders };
}
