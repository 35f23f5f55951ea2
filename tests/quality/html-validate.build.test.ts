import { describe, expect, test } from 'vitest';
import { HTML_VALIDATE_WAIVERS } from '../../src/model/accessibility';
import { DIST, sitePages } from '../helpers/dist';
import { siteValidator } from '../helpers/html-validate';

const validator = siteValidator();

const pages = sitePages();

describe(`HTML of every page in ${DIST}`, () => {
  test('there are pages to validate', () => {
    console.log(`html-validate: ${pages.length} pages, recommended + document presets, ${HTML_VALIDATE_WAIVERS.length} rules waived`);
    expect(pages.length).toBeGreaterThan(0);
  });

  test.each(pages.map((p) => [p.path, p.file]))('%s is valid', async (_path, file) => {
    const report = await validator.validateFile(file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector})`));
    expect(messages).toEqual([]);
  });
});
