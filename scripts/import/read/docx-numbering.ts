/**
 * Word's list numbers as Word prints them. Word does not store "2643." or "(b)" in the text: it counts numbered
 * paragraphs as it lays them out. mammoth turns them into `<ol>` lists, which lose the numbers: a list that starts at
 * 2643 reads "1.", items with paragraphs between them all read "1.", and a numbered heading ("Heading 1" linked to a
 * list, as most minutes templates are) loses its number altogether. So before mammoth reads the file, each numbered
 * paragraph gets its printed number written into its text, and its list marking is taken off. Bullets stay lists.
 */
import JSZip from 'jszip';

/** An element's attribute or child value: `<w:start w:val="5"/>` gives "5". */
const val = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}(?=[\\s/>])[^>]*?\\bw:val\\s*=\\s*(["'])(.*?)\\1`).exec(xml)?.[2];
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];

/** Elements that do not nest in themselves: each one's opening tag and content. */
function elements(xml: string, name: string): Array<{ tag: string; body: string }> {
  const found: Array<{ tag: string; body: string }> = [];
  const re = new RegExp(`(<${name}(?=[\\s/>])[^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  for (const m of xml.matchAll(re)) found.push({ tag: m[1]!, body: m[2] ?? '' });
  return found;
}

interface Level {
  start: number;
  format: string;
  text: string | undefined;
  /** "0": never restarts after a higher level. */
  restart: string | undefined;
  legal: boolean;
  suffix: string;
  style: string | undefined;
}

const readLevel = (body: string): Level => ({
  start: Number(val(body, 'w:start') ?? 1),
  format: val(body, 'w:numFmt') ?? 'decimal',
  text: val(body, 'w:lvlText'),
  restart: val(body, 'w:lvlRestart'),
  legal: /<w:isLgl(?=[\s/>])/.test(body) && !['0', 'false', 'off'].includes(val(body, 'w:isLgl') ?? ''),
  suffix: val(body, 'w:suff') ?? 'tab',
  style: val(body, 'w:pStyle'),
});

const levelsOf = (xml: string): Map<number, Level> =>
  new Map(elements(xml, 'w:lvl').map(({ tag, body }) => [Number(attr(tag, 'w:ilvl') ?? 0), readLevel(body)]));

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
const roman = (n: number) => ROMAN.reduce((out, [value, digits]) => { while (n >= value) { out += digits; n -= value; } return out; }, '');
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** A count as a level's format prints it; Word's letters go a…z, then aa…zz. */
function formatted(n: number, format: string): string {
  if (n < 1 && format !== 'decimal' && format !== 'decimalZero') return String(n);
  switch (format) {
    case 'lowerLetter': return LETTERS[(n - 1) % 26]!.repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperLetter': return LETTERS[(n - 1) % 26]!.repeat(Math.floor((n - 1) / 26) + 1).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'ordinal': return ordinal(n);
    case 'none': return '';
    default: return String(n);
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where an element that may nest in itself ends, from the end of its opening tag. */
function closing(xml: string, name: string, from: number): number {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>|</${name}>`, 'g');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('</')) depth--;
    else if (m[1] !== '/') depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return xml.length;
}

/** A package part's path from a relationships file, by the relationship's type. */
async function part(zip: JSZip, rels: string, type: string, fallback: string): Promise<string> {
  const xml = await zip.file(rels)?.async('string');
  const tag = xml?.match(/<Relationship\b[^>]*>/g)?.find((t) => attr(t, 'Type')?.endsWith(`/${type}`));
  const target = tag ? attr(tag, 'Target') : undefined;
  if (!target) return fallback;
  if (target.startsWith('/')) return target.slice(1);
  const base = rels.replace(/_rels\/[^/]*$/, '');
  return `${base}${target}`.replace(/[^/]+\/\.\.\//g, '');
}

/**
 * The .docx with each numbered paragraph's printed number in its text, or the bytes as they are when the file has
 * no numbering (or is not a package this can read; mammoth then says what is wrong with it).
 */
export async function withPrintedNumbers(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  const documentPath = await part(zip, '_rels/.rels', 'officeDocument', 'word/document.xml');
  const documentRels = documentPath.replace(/([^/]*)$/, '_rels/$1.rels');
  const [document, numbering, styles] = await Promise.all([
    zip.file(documentPath)?.async('string'),
    part(zip, documentRels, 'numbering', 'word/numbering.xml').then((p) => zip.file(p)?.async('string')),
    part(zip, documentRels, 'styles', 'word/styles.xml').then((p) => zip.file(p)?.async('string')),
  ]);
  if (!document || !numbering) return bytes;

  // Lists: each w:num points at an abstract definition, and may restart or redefine some of its levels.
  const abstracts = new Map(elements(numbering, 'w:abstractNum').map(({ tag, body }) => [attr(tag, 'w:abstractNumId') ?? '', { levels: levelsOf(body), link: val(body, 'w:numStyleLink') }]));
  const nums = new Map(
    elements(numbering, 'w:num').map(({ tag, body }) => {
      const overrides = new Map(elements(body, 'w:lvlOverride').map(({ tag: t, body: b }) => {
        const start = val(b, 'w:startOverride');
        const level = elements(b, 'w:lvl')[0];
        return [Number(attr(t, 'w:ilvl') ?? 0), { start: start === undefined ? undefined : Number(start), level: level ? readLevel(level.body) : undefined }];
      }));
      return [attr(tag, 'w:numId') ?? '', { abstract: val(body, 'w:abstractNumId') ?? '', overrides }];
    }),
  );
  // Styles: a paragraph style may carry numbering (headings linked to a list), itself or through the style it is based on.
  const styleList = new Map(
    elements(styles ?? '', 'w:style').map(({ tag, body }) => {
      const numPr = elements(body, 'w:numPr')[0]?.body;
      return [attr(tag, 'w:styleId') ?? '', { numId: numPr ? val(numPr, 'w:numId') : undefined, ilvl: numPr ? val(numPr, 'w:ilvl') : undefined, basedOn: val(body, 'w:basedOn') }];
    }),
  );
  const styleNumbering = (id: string | undefined, seen = new Set<string>()): { numId?: string | undefined; ilvl?: string | undefined } => {
    const style = id === undefined || seen.has(id) ? undefined : styleList.get(id);
    if (!style) return {};
    seen.add(id!);
    if (style.numId !== undefined) return { numId: style.numId, ilvl: style.ilvl };
    return styleNumbering(style.basedOn, seen);
  };
  /** The abstract definition a list uses, following a link to a numbering style. */
  const abstractOf = (numId: string, seen = new Set<string>()): string | undefined => {
    const num = nums.get(numId);
    if (!num || seen.has(numId)) return undefined;
    seen.add(numId);
    const link = abstracts.get(num.abstract)?.link;
    const linked = link ? styleNumbering(link).numId : undefined;
    return linked !== undefined ? (abstractOf(linked, seen) ?? num.abstract) : num.abstract;
  };
  const levelOf = (numId: string, ilvl: number): Level | undefined =>
    nums.get(numId)?.overrides.get(ilvl)?.level ?? abstracts.get(abstractOf(numId) ?? '')?.levels.get(ilvl);

  // Word counts per abstract definition: a second w:num of the same list goes on counting unless it restarts a level.
  const counters = new Map<string, Array<number | undefined>>();
  const used = new Set<string>();
  const edits: Array<{ at: number; end: number; text: string }> = [];
  // mammoth reads the fallback of alternate content (a text box drawn two ways), so only that is counted.
  const skipped = [...document.matchAll(/<mc:Choice\b[^>]*>/g)].map((m) => [m.index, closing(document, 'mc:Choice', m.index + m[0].length)] as const);
  for (const open of document.matchAll(/<w:p(?=[\s>/])[^>]*?(\/?)>/g)) {
    if (open[1] === '/' || skipped.some(([from, to]) => open.index > from && open.index < to)) continue;
    const after = open.index + open[0].length;
    const pPr = /^\s*<w:pPr(?=[\s>/])[^>]*?(\/?)>/.exec(document.slice(after, after + 200));
    const pPrEnd = pPr ? (pPr[1] === '/' ? after + pPr[0].length : closing(document, 'w:pPr', after + pPr[0].length)) : after;
    // The paragraph's own properties, not the ones a tracked change replaced.
    const properties = document.slice(after, pPrEnd).replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
    const own = elements(properties, 'w:numPr')[0]?.body;
    const style = val(properties, 'w:pStyle');
    const inherited = styleNumbering(style);
    const numId = (own !== undefined ? val(own, 'w:numId') : undefined) ?? inherited.numId;
    if (numId === undefined || numId === '0' || !nums.has(numId)) continue;
    const abstract = abstractOf(numId) ?? '';
    const linkedLevel = [...(abstracts.get(abstract)?.levels ?? new Map<number, Level>())].find(([, l]) => style !== undefined && l.style === style)?.[0];
    const ilvl = Number((own !== undefined ? val(own, 'w:ilvl') : undefined) ?? inherited.ilvl ?? linkedLevel ?? 0);
    const level = levelOf(numId, ilvl);
    if (!level || level.format === 'bullet') continue;

    const count = counters.get(abstract) ?? [];
    counters.set(abstract, count);
    if (!used.has(numId)) {
      used.add(numId);
      for (const [l, o] of nums.get(numId)!.overrides) if (o.start !== undefined) count[l] = o.start - 1;
    }
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) if (levelOf(numId, deeper)?.restart !== '0') count[deeper] = undefined;
    const label = (level.text ?? `%${ilvl + 1}.`).replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const at = levelOf(numId, l);
      // A "legal" level prints every number in it in digits ("1.1" under "Part I").
      return formatted(count[l] ?? at?.start ?? 1, level.legal ? 'decimal' : (at?.format ?? 'decimal'));
    });
    // A level that prints no number ("none", an empty text) still stops being a list, or it would read "1.".
    const printed = label.trim() === '' ? '' : `<w:r><w:t xml:space="preserve">${escapeXml(label)}${level.suffix === 'nothing' ? '' : ' '}</w:t></w:r>`;
    // The number goes in the text; the paragraph stops being a list item (numId 0 is Word's "not numbered").
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    if (pPr && pPr[1] !== '/') {
      const inner = after + pPr[0].length;
      const body = document.slice(inner, pPrEnd - '</w:pPr>'.length);
      const ownNumPr = /<w:numPr(?=[\s>/])(?:[^>]*?\/>|[\s\S]*?<\/w:numPr>)/;
      const change = body.search(/<w:pPrChange\b/);
      const m = ownNumPr.exec(body);
      const kept = m && (change === -1 || m.index < change) ? body.slice(0, m.index) + body.slice(m.index + m[0].length) : body;
      edits.push({ at: inner, end: pPrEnd, text: `${off}${kept}</w:pPr>${printed}` });
    } else {
      edits.push({ at: after, end: pPrEnd, text: `<w:pPr>${off}</w:pPr>${printed}` });
    }
  }
  if (edits.length === 0) return bytes;
  let out = document;
  for (const e of edits.reverse()) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  zip.file(documentPath, out);
  return zip.generateAsync({ type: 'uint8array' });
}
