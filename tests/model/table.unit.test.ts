import { describe, expect, test } from 'vitest';
import { headerLayout } from '../../src/model/table';

const drawn = (head: string[][], width: number) => headerLayout(head, width).map((row) => row.map((c) => `${c.text || '·'}${c.colspan > 1 ? ` ×${c.colspan}` : ''}${c.rowspan > 1 ? ` ↓${c.rowspan}` : ''}`));

describe('header rows as drawn', () => {
  test('one header row is drawn as printed, blanks included', () => {
    expect(drawn([['', '2014', '2015']], 3)).toEqual([['·', '2014', '2015']]);
  });

  test('over a second row, a heading spans the blanks after it, and the last one runs to the last column', () => {
    // Leicestershire Youth Justice plan 2023, table B8: "Total" is printed without the blank after it.
    const head = [['Ethnicity', 'Managers Strategic', '', 'Practitioners', '', 'Total'], ['', 'M', 'F', 'M', 'F', 'M', 'F']];
    expect(drawn(head, 7)).toEqual([
      ['Ethnicity ↓2', 'Managers Strategic ×2', 'Practitioners ×2', 'Total ×2'],
      ['M', 'F', 'M', 'F', 'M', 'F'],
    ]);
  });

  test('a title row of one cell spans the table', () => {
    expect(drawn([['Pooled Budget'], ['Agency', 'Staffing Costs', 'Total']], 3)).toEqual([['Pooled Budget ×3'], ['Agency', 'Staffing Costs', 'Total']]);
  });

  test('a blank corner over a blank stays two blank cells', () => {
    expect(drawn([['', 'Budget', ''], ['', '2014', '2015']], 3)).toEqual([['·', 'Budget ×2'], ['·', '2014', '2015']]);
  });
});
