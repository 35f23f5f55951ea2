import type { Random } from './random';

/**
 * Words the synthetic prose may use: letters, digits and the punctuation council text is made of. Anything MDX reads
 * as markup (`<`, `{`, `*`, `_`, `#`, `[`, backslash), addresses and e-mail are left out, so every paragraph built
 * from these words compiles and passes the validator's safety checks.
 */
const SAFE_TOKEN = /^[\p{L}\p{N}£%.,;:'"()/?–—-]+$/u;
const ADDRESS = /:\/\/|^www\.|\.(uk|com|org)\b/i;
/** A sentence may start only with a capitalised word, so no paragraph starts as a list, heading or numbered item. */
const SENTENCE_START = /^\p{Lu}\p{Ll}+$/u;
const SENTENCE_END = /[.?]$/;
const FIGURE = /^(£?)(\d[\d,]*)(\.\d+)?(%?)([.,;:]?)$/;

/** A first-order Markov model of the seed packs' words: generated sentences read like council papers. */
export interface ProseModel {
  /** Words seen after each word, repeated as often as they followed it, so `pick` follows the seed frequencies. */
  next: Map<string, string[]>;
  /** Words that begin a sentence in the seed text. */
  starts: string[];
}

/** Learns the model from the seed packs' extracted text. */
export function learnProse(texts: readonly string[]): ProseModel {
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const text of texts) {
    for (const line of text.split('\n')) {
      let previous: string | undefined;
      for (const token of line.split(/\s+/)) {
        if (!token || !SAFE_TOKEN.test(token) || ADDRESS.test(token)) {
          previous = undefined;
          continue;
        }
        if (SENTENCE_START.test(token) && (previous === undefined || SENTENCE_END.test(previous))) starts.push(token);
        if (previous !== undefined) {
          const list = next.get(previous);
          if (list) list.push(token);
          else next.set(previous, [token]);
        }
        previous = token;
      }
    }
  }
  if (starts.length === 0) throw new Error('The seed text has no sentences to learn from.');
  return { next, starts };
}

/**
 * A figure with its digits redrawn and its shape kept (`£2,268,584` -> `£7,431,902`), so a large corpus has as many
 * distinct figures as a real archive: figures are much of what a search index holds.
 */
export function redrawFigure(token: string, random: Random): string {
  const m = FIGURE.exec(token);
  if (!m) return token;
  const [, pound = '', whole = '', fraction = '', percent = '', stop = ''] = m;
  // Years stay as printed: a plan for 7431/32 would not look like a council paper.
  if (!pound && !fraction && !percent && /^(19|20)\d\d$/.test(whole)) return token;
  const digits = whole.replace(/,/g, '');
  let drawn = String(random.int(digits.length > 1 ? 10 ** (digits.length - 1) : 0, 10 ** digits.length - 1));
  if (whole.includes(',')) drawn = drawn.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction ? `.${String(random.int(0, 10 ** (fraction.length - 1) - 1)).padStart(fraction.length - 1, '0')}` : '';
  return `${pound}${drawn}${decimals}${percent}${stop}`;
}

/** One sentence of `min` to `max` words, ending in a full stop. */
export function sentence(model: ProseModel, random: Random, min = 8, max = 40): string {
  const words: string[] = [];
  let word = random.pick(model.starts);
  for (;;) {
    words.push(random.chance(0.5) ? redrawFigure(word, random) : word);
    if (words.length >= max) break;
    if (words.length >= min && SENTENCE_END.test(word)) break;
    const options = model.next.get(word);
    if (!options) break;
    word = random.pick(options);
  }
  const text = words.join(' ');
  return SENTENCE_END.test(text) ? text : `${text.replace(/[,;:–—-]+$/, '')}.`;
}

/** A paragraph of a few sentences. */
export function paragraph(model: ProseModel, random: Random, sentences = random.int(1, 5)): string {
  return Array.from({ length: sentences }, () => sentence(model, random)).join(' ');
}

const SYLLABLES = ['ash', 'by', 'wig', 'ston', 'mel', 'ton', 'lough', 'bor', 'hinck', 'ley', 'coal', 'ville', 'mark', 'field', 'brad', 'gate', 'thorn', 'wick', 'bur', 'row', 'kib', 'worth', 'lut', 'ter', 'shep', 'shed', 'syst', 'on', 'an', 'stey', 'cos', 'sing', 'ham', 'blaby', 'oad', 'barn', 'well', 'glen', 'cot', 'ford', 'mount', 'sor', 'rel', 'quorn', 'sile', 'birst', 'all'];

/** A made-up place name ("Ashwick", "Thornford"): each pack brings new names, as a real archive does. */
export function placeName(random: Random): string {
  const name = Array.from({ length: random.int(2, 3) }, () => random.pick(SYLLABLES)).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
