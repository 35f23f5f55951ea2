/** True for a cell that holds a figure ("£1,024", "3.9%", "-45.7"), which reads best aligned right. */
export const isNumericCell = (cell: string): boolean => /^[-–(]?[£$€]?\d[\d,]*(\.\d+)?[%kKm)]?$/.test(cell.trim());

/** A header cell as drawn: its text, and how many columns and header rows it covers. */
export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * A table's header rows as drawn, `width` columns wide. In every row but the last, a heading followed by blank cells
 * spans them ("Managers Strategic" over its M and F columns; a title row of one cell over the whole table), and a
 * heading of one column over blank cells in the rows below spans those rows too ("Ethnicity" beside the M/F row). Blank
 * cells left over stay blank cells, not empty headings.
 */
export function headerLayout(head: ReadonlyArray<readonly string[]>, width: number): HeaderCell[][] {
  const columns = Math.max(width, ...head.map((row) => row.length));
  const text = (r: number, c: number) => head[r]?.[c]?.trim() ?? '';
  const covered = head.map(() => new Array<boolean>(columns).fill(false));
  return head.map((_, r) => {
    const cells: HeaderCell[] = [];
    for (let c = 0; c < columns; c++) {
      if (covered[r]![c]) continue;
      const cell = { text: text(r, c), colspan: 1, rowspan: 1 };
      if (cell.text !== '' && r < head.length - 1) {
        while (c + cell.colspan < columns && text(r, c + cell.colspan) === '' && !covered[r]![c + cell.colspan]) cell.colspan++;
        if (cell.colspan === 1) while (r + cell.rowspan < head.length && text(r + cell.rowspan, c) === '') cell.rowspan++;
      }
      for (let y = r; y < r + cell.rowspan; y++) for (let x = c; x < c + cell.colspan; x++) covered[y]![x] = true;
      cells.push(cell);
    }
    return cells;
  });
}
