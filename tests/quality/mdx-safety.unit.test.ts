import { describe, expect, test } from 'vitest';
import { mdxSafetyProblems } from '../../src/schema/mdx-safety';

describe('mdxSafetyProblems', () => {
  test.each([
    ['<script>alert(1)</script>', 1, 1, 'HTML element <script> is not allowed'],
    ['Text <img src="x" onerror="alert(1)" /> more', 1, 6, 'HTML element <img> is not allowed'],
    ['<a href="javascript:alert(1)">x</a>', 1, 1, 'HTML element <a> is not allowed'],
    ['See [the plan](javascript:alert(1)).', 1, 5, 'a link to a javascript: address is not allowed'],
    ['See [the plan](JaVaScRiPt:alert(1)).', 1, 5, 'a link to a javascript: address is not allowed'],
    ['![chart](data:text/html,<script>alert(1)</script>)', 1, 1, 'a link to a data: address is not allowed'],
    ['Para.\n\n[plan]: vbscript:x', 3, 1, 'a link to a vbscript: address is not allowed'],
    ['Total {alert(1)} spent', 1, 7, '{alert(1)} is code, not text'],
    ['import x from "node:fs"', 1, 1, 'import and export lines are code'],
    ['<Verbatim text={globalThis.process.exit()} line={1} reason={"x"} />', 1, 1, 'prop text of <Verbatim> must be a JSON value'],
    ['<Verbatim {...props} />', 1, 1, "in a component's props is not allowed"],
  ])('refuses %j', (body, line, column, message) => {
    expect(mdxSafetyProblems(body)).toEqual([expect.objectContaining({ line, column, message: expect.stringContaining(message) })]);
  });

  test('accepts Markdown, safe links and content components with JSON props, as the importer writes them', () => {
    const body = [
      '## 1. Role and purpose',
      '',
      'See [the council](https://www.leics.gov.uk/), [email](mailto:democracy@leics.gov.uk), [item 3](#item-3) and [minutes](/minutes/x/).',
      '',
      'A literal \\{brace\\} and [the webcast](http://www.leics.gov.uk/webcast).',
      '',
      '<DataTable head={[["Ref","Output"]]} rows={[["1","<script>alert(1)</script>"]]} lines={[3, 9]} />',
      '',
      '<Minute number={"181"} title={"Report"}>',
      '',
      'Text with javascript: written as words.',
      '',
      '</Minute>',
    ].join('\n');
    expect(mdxSafetyProblems(body)).toEqual([]);
  });
});
