/**
 * Figures as printed in a table's cells: "£1,033.00", "(3,054)", "12.5%", "2.3m", superscripts and footnote marks
 * aside; and how finely each was rounded, for checking printed totals.
 */
const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
const NO_NUMBER = new Set(['', '-', '–', '—', 'n/a', 'na', 'nil', 'none', 'tbc', 'tbs', 'tba', 'n/k']);
/** Scale words and suffixes, to pounds or units: "£350K" is 350,000. */
const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
const NUMBER =
  /^(?<bound>[<>≤≥])?(?<open>\()?(?<sign>[-+])?£?(?<sign2>[-+])?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?<frac>\.\d+)?\s?(?<unit>%|k|m|bn|thousand|million|billion)?(?<close>\))?(?<plus>\+)?$/i;

/** The printed figure with footnote markers (superscripts, trailing asterisks) and spacing after "£" removed. */
const cleanFigure = (printed: string) =>
  printed
    .replace(SUPERSCRIPTS, '')
    .replace(/\*+$/, '')
    .replace(/\u2212/g, '-')
    .replace(/£\s+/, '£')
    .trim();

/**
 * The number a printed figure stands for, or null when it is not one figure. Units: "£" and "%" are dropped, so
 * the number is in the printed unit (pounds, percent); a scale word multiplies to whole units ("£1.6 billion" is
 * 1,600,000,000, "£350K" is 350,000, "£6.1m" is 6,100,000). "(123)" is -123. A bound keeps its figure ("<5%" is 5,
 * "85%+" is 85). A column heading's scale ("£000s") is not applied. "n/a", "-", "TBS" and "" are null, and so is
 * anything with words in it ("21% reduction", "7.5 days").
 */
export function parseNumber(printed: string): number | null {
  const text = cleanFigure(printed);
  if (NO_NUMBER.has(text.toLowerCase())) return null;
  const g = NUMBER.exec(text)?.groups;
  if (!g || Boolean(g['open']) !== Boolean(g['close'])) return null;
  const magnitude = Number(`${g['int']!.replace(/,/g, '')}${g['frac'] ?? ''}`);
  const scale = SCALE[(g['unit'] ?? '').toLowerCase()] ?? 1;
  const negative = g['open'] !== undefined || g['sign'] === '-' || g['sign2'] === '-';
  const value = Number((magnitude * scale).toPrecision(15));
  return negative ? -value : value;
}

/** The smallest step a printed figure can show: 1 for "7,598", 0.01 for "1.13", 10,000 for "£13.85m". */
export function printedStep(printed: string): number {
  const g = NUMBER.exec(cleanFigure(printed))?.groups;
  const decimals = (g?.['frac']?.length ?? 1) - 1;
  const scale = SCALE[(g?.['unit'] ?? '').toLowerCase()] ?? 1;
  return Number((10 ** -decimals * scale).toPrecision(15));
}

/** One figure found in a cell, with the text it was printed as. */
export interface CellFigure {
  printed: string;
  value: number;
}

/**
 * The figures a cell holds: one ("£1,024,367"), several side by side where merged cells were printed as one
 * ("£298,303 £265,000 £70,000"), or one followed by a note in brackets ("£10m (Better Care Fund)"). None otherwise.
 */
export function cellFigures(cell: string): CellFigure[] {
  const text = cell.trim();
  const whole = parseNumber(text);
  if (whole !== null) return [{ printed: text, value: whole }];
  const noted = /^(\S+)\s+\([^()]*\)$/.exec(text);
  const first = noted ? parseNumber(noted[1]!) : null;
  if (noted && first !== null) return [{ printed: noted[1]!, value: first }];
  const parts = text.split(/\s+/);
  const values = parts.map(parseNumber);
  if (parts.length < 2 || values.some((v) => v === null)) return [];
  return parts.map((printed, i) => ({ printed, value: values[i]! }));
}

const decimalsOf = (x: number) => Math.min(3, (String(Number(x.toPrecision(10))).split('.')[1] ?? '').length);

/** Writes a sum the way the total was printed: "£", "(...)" for negatives, thousands commas, the same decimals. */
export function formatLike(printed: string, value: number): string {
  const text = cleanFigure(printed);
  const g = NUMBER.exec(text)?.groups ?? {};
  const unit = g['unit'] ?? '';
  const scale = SCALE[unit.toLowerCase()] ?? 1;
  const decimals = Math.max((g['frac']?.length ?? 1) - 1, unit && scale > 1 ? decimalsOf(value / scale) : 0);
  const digits = Math.abs(value / scale).toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: /,/.test(text) || Math.abs(value / scale) >= 1e4,
  });
  const body = `${text.includes('£') ? '£' : ''}${digits}${unit ? (unit.length > 2 ? ` ${unit}` : unit) : ''}`;
  if (value >= 0) return body;
  return g['open'] !== undefined ? `(${body})` : `-${body}`;
}
