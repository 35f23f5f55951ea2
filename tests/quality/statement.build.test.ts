import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { describe, expect, test } from 'vitest';
import { AXE_DISABLED_RULES, AXE_TAGS, HTML_VALIDATE_WAIVERS, KEYBOARD_JOURNEYS, REFLOW_WIDTH, ZOOM_PERCENT } from '../../src/model/accessibility';
import { DIST, sitePages } from '../helpers/dist';

const html = readFileSync(join(DIST, 'accessibility', 'index.html'), 'utf8');
const text = decodeHTML(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

describe('the accessibility statement', () => {
  // The headings of the GOV.UK model statement, which UK public bodies publish.
  test.each([
    'How accessible this website is',
    'Feedback and contact information',
    'Reporting accessibility problems with this website',
    'Enforcement procedure',
    "Technical information about this website's accessibility",
    'Compliance status',
    'Non-accessible content',
    "What we're doing to improve accessibility",
    'Preparation of this accessibility statement',
  ])('has the section "%s"', (heading) => {
    expect(html).toMatch(new RegExp(`<h[23][^>]*>${heading.replace(/'/g, "(?:'|&#39;)")}</h[23]>`));
  });

  test('describes exactly the checks the tests run', () => {
    expect(text).toContain(AXE_TAGS.join(', '));
    expect(text).toContain(`${REFLOW_WIDTH} pixels wide`);
    expect(text).toContain(`${ZOOM_PERCENT}% zoom`);
    for (const journey of KEYBOARD_JOURNEYS) expect(text).toContain(journey);
    for (const waiver of [...AXE_DISABLED_RULES, ...HTML_VALIDATE_WAIVERS]) expect(text).toContain(`${waiver.rule} : ${waiver.reason}`);
  });

  test('gives every council a way to report a problem', () => {
    for (const email of ['committees@leicester.gov.uk', 'democracy@leics.gov.uk']) expect(html).toContain(`href="mailto:${email}"`);
  });

  test('is linked from the footer of every page', () => {
    const missing = sitePages().filter((p) => !/<footer[\s\S]*href="[^"]*accessibility\/"[\s\S]*<\/footer>/.test(readFileSync(p.file, 'utf8')));
    expect(missing.map((p) => p.path)).toEqual([]);
  });
});
