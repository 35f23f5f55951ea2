/**
 * People named in a pack: splits printed lines into name mentions, gives each person a stable id, and links the
 * different ways one councillor is printed ("Mr M. Mullaney CC", "Mr. M. T. Mullaney CC"). Pure; no I/O.
 */
import type { Person, PersonMention } from '../../../src/schema';
import { PERSON_TITLES, POST_NOMINALS, ROLES } from '../house-style';
import type { SourceLine } from '../read/line';

/** The parts of a printed name. */
export interface NameParts {
  /** As printed: "Mr.", "Mrs", "Dr.", "Councillor" (list members of "Councillors A, B and C" get "Councillor"). */
  honorific?: string;
  /** Given names and initials as printed, without dots: ["S", "J"], ["Max"]. */
  given: string[];
  /** One capital per given name: ["S", "J"]; "Max" gives ["M"]. */
  initials: string[];
  surname: string;
  /** Letters after the name, in printed order: ["JP", "CC"]. */
  postNominals: string[];
}

/** One person found in a line: the schema's mention, the name's parts, and a scope note such as "for Minute 180". */
export type ParsedPerson = PersonMention & { parts: NameParts; note?: string };

/** What a line holds: the people in printed order, and every fragment that could not be attributed, verbatim. */
export interface PersonLine {
  people: ParsedPerson[];
  rest: string[];
}

/** A person file's fields (content/people/<council>/<slug>.yaml) with the id the file is stored under. */
export type PersonEntry = Pick<Person, 'name' | 'honorific' | 'printedAs'> & { id: string };

const HONORIFICS = ['Councillor', 'Cllr', 'Mrs', 'Miss', 'Mr', 'Ms', 'Dr', 'Prof', 'Sir'];
/** Honorifics that say whether a person is a man or a woman; the merge never links a "Mr" to a "Mrs". */
const SEX_OF: Record<string, 'm' | 'f'> = { mr: 'm', sir: 'm', mrs: 'f', ms: 'f', miss: 'f' };
/** Lower-case words that end a role: the sentence goes on about the person ("…Transport who were present"). */
const ROLE_STOPS = ['who', 'which', 'that', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would'];

// A surname: O'Shea, McDonald, Smith-Jones. Never all capitals, so "CC" and "JP" are not surnames.
const PART = String.raw`[A-Z](?:['’][A-Z])?[a-z]+(?:[A-Z][a-z]+)?`;
const SURNAME = String.raw`${PART}(?:-${PART})?(?![\w'’])`;

/** "Mr. S. J. Galton CC", "Mr S J Galton", "Mr. C.Thomas", "Mr. Max Hunt CC", "Councillor Willmott". */
const NAME = new RegExp(
  String.raw`\b(?<honorific>(?:${HONORIFICS.join('|')})\b\.?)\s+` +
    String.raw`(?<given>(?:[A-Z][a-z]+\s+)?(?:[A-Z](?:\.\s*|\s+))*)` +
    String.raw`(?<surname>${SURNAME})` +
    String.raw`(?<post>(?:\s+(?:${POST_NOMINALS.join('|')})\b)*)`,
  'g',
);

/** Leicester City's shared title: "Councillors Connelly, Dawood, Patel and Westley". */
const LIST = new RegExp(String.raw`\bCouncillors +(?<list>${SURNAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)${SURNAME})*)`, 'g');

/** A role runs from a capital to "(", a comma before a lower-case word, a full stop, or a word in ROLE_STOPS. */
const ROLE = String.raw`[A-Z](?:(?!\s+(?:${ROLE_STOPS.join('|')})\b)(?:[^(),.]|,(?=\s*[A-Z])|\.(?=\S)))*`;

/**
 * What may follow a name: "(Chairman)", ", Cabinet Lead Member for …" or " – Director of …", then "(for Minute 180)".
 * A bracket with digits, "@" or ":" ("(Tel: 0116 305 6226)") is not a role and is left for `rest`.
 */
const TAIL = new RegExp(
  String.raw`^(?:\s*\((?<paren>(?![Ff]or\b)[^()\d@:]*)\))?` +
    String.raw`(?:(?:\s*,\s*|\s+[-–—]\s+)(?<role>${ROLE}))?` +
    String.raw`(?:\s*\((?<note>[Ff]or\b[^()]*)\))?`,
);

/** Separators between two people: commas, "and", "&". Dropped, never reported as `rest`. */
const GLUE_BEFORE_NEXT = /[\s,;]*(?:\band\b|&)?[\s,;]*$/;

interface Hit {
  /** Where the text this person consumes starts (the list's "Councillors" for its first member). */
  from: number;
  /** End of the printed name. */
  to: number;
  person: ParsedPerson;
}

/** Splits a printed line into the people it names, each with role and note, plus whatever else the line says. */
export function parsePersonLine(text: string): PersonLine {
  const hits = [...singleNames(text), ...listNames(text)].sort((a, b) => a.from - b.from);
  const people: ParsedPerson[] = [];
  const rest: string[] = [];
  const keep = (fragment: string) => {
    const t = fragment.replace(/^[\s,;]+|\s+$/g, '');
    if (/[\p{L}\p{N}]/u.test(t)) rest.push(t);
  };
  keep(hits[0] ? text.slice(0, hits[0].from).replace(GLUE_BEFORE_NEXT, '') : text);
  hits.forEach((hit, i) => {
    const next = hits[i + 1];
    let gap = text.slice(hit.to, next?.from ?? text.length);
    if (next) gap = gap.replace(GLUE_BEFORE_NEXT, '');
    const tail = TAIL.exec(gap);
    const role = (tail?.groups?.['paren'] ?? tail?.groups?.['role'])?.trim();
    const note = tail?.groups?.['note']?.trim();
    people.push({ ...hit.person, ...(role ? { role } : {}), ...(note ? { note } : {}) });
    keep(gap.slice(tail?.[0].length ?? 0));
  });
  return { people, rest };
}

function singleNames(text: string): Hit[] {
  return [...text.matchAll(NAME)].map((m) => {
    const g = m.groups ?? {};
    const given = (g['given'] ?? '').split(/[\s.]+/).filter(Boolean);
    const parts: NameParts = {
      ...(g['honorific'] ? { honorific: g['honorific'] } : {}),
      given,
      initials: given.map((name) => name.charAt(0)),
      surname: g['surname'] ?? '',
      postNominals: (g['post'] ?? '').split(/\s+/).filter(Boolean),
    };
    return { from: m.index, to: m.index + m[0].length, person: { printed: m[0], parts } };
  });
}

function listNames(text: string): Hit[] {
  return [...text.matchAll(LIST)].flatMap((m) => {
    const list = m.groups?.['list'] ?? '';
    const listStart = m.index + m[0].length - list.length;
    return [...list.matchAll(new RegExp(SURNAME, 'g'))].map((s, i) => {
      const at = listStart + s.index;
      const parts: NameParts = { honorific: 'Councillor', given: [], initials: [], surname: s[0], postNominals: [] };
      return { from: i === 0 ? m.index : at, to: at + s[0].length, person: { printed: s[0], parts } };
    });
  });
}

const TITLE_WORDS = new Set(PERSON_TITLES.map((t) => t.toLowerCase()).concat(['county', 'district', 'borough', 'town', 'parish', 'community', 'ward']));
const PERSONAL = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd']);
const PARTICLES = new Set(['de', 'van', 'von', 'la', 'le', 'du', 'der', 'den', 'ap', 'di', 'da', 'mac']);

/**
 * The parts of a name as any council prints it: "Graham Dolan", "Cllr Mrs Shewell", "County Cllr Webb", "Cllr Paul
 * Rochford", "D Richardson", "Baker OBE"; a title shared by a list ("Cllrs Hayward, Hoskins") comes as `sharedTitle`.
 * Undefined for what is not a name ("the Clerk", "Police Scotland CPO", "7 members of the public").
 */
export function nameParts(printed: string, sharedTitle?: string): NameParts | undefined {
  const tokens = printed.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const bare = (w: string) => w.replace(/\.$/, '');
  const titles: string[] = [];
  while (tokens.length > 1 && TITLE_WORDS.has(bare(tokens[0]!).toLowerCase())) titles.push(tokens.shift()!);
  const postNominals: string[] = [];
  while (tokens.length > 1 && POST_NOMINALS.includes(bare(tokens[tokens.length - 1]!))) postNominals.unshift(bare(tokens.pop()!));
  // Initials run together ("S.J.") or apart ("S. J.") are one given name each.
  const words = tokens.flatMap((w) => (/^(?:[A-Z]\.)+$/.test(w) ? w.split('.').filter(Boolean) : [bare(w)]));
  if (words.length === 0 || words.length > 4 || ROLES.test(words.join(' ')) && ROLES.exec(words.join(' '))![0].length === words.join(' ').length) return undefined;
  if (!words.every((w) => /^[\p{Lu}][\p{L}'’-]*$/u.test(w) || PARTICLES.has(w.toLowerCase()))) return undefined;
  // A word in capitals that is not an initial is an organisation ("SBC", "CPO"), unless it is the only word after a title.
  if (words.some((w) => /^[A-Z]{2,}$/.test(w)) && !(titles.length > 0 && words.length === 1)) return undefined;
  const surname = words.pop()!;
  const personal = titles.find((t) => PERSONAL.has(bare(t).toLowerCase()));
  const honorific = personal ?? titles[titles.length - 1] ?? sharedTitle;
  return {
    ...(honorific ? { honorific } : {}),
    given: words,
    initials: words.filter((w) => !PARTICLES.has(w.toLowerCase())).map((w) => w.charAt(0)),
    surname,
    postNominals,
  };
}

/** Joins a name list broken across lines ("…, Patel" + "and Westley") into one line numbered as its first line. */
export function joinNameLists(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const continues = /(?:,|\band|&)$/.test(prev?.text ?? '') || /^\s*(?:and|&)\s/.test(line.text);
    if (prev && prev.text.trim() !== '' && line.text.trim() !== '' && continues) {
      out[out.length - 1] = { n: prev.n, text: `${prev.text} ${line.text.trim()}` };
    } else out.push(line);
  }
  return out;
}

/** The name in the people files' normal form: initials with dots, full given names kept ("S. J. Galton", "Max Hunt"). */
export function displayName(parts: NameParts): string {
  return [...parts.given.map((g) => (g.length === 1 ? `${g}.` : g)), parts.surname].join(' ');
}

/** A person's id within a council from initials and surname: "leicestershire/s-j-galton", "leicester/willmott". */
export function personId(council: string, parts: Pick<NameParts, 'initials' | 'surname'>): string {
  return `${council}/${slug([...parts.initials, parts.surname].join(' '))}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface NameKey {
  surname: string;
  initials: string;
  sex: 'm' | 'f' | undefined;
  mentions: ParsedPerson[];
}

/**
 * Gives every mention of one council its person id and builds one entry per person.
 *
 * Merge rule: mentions with the same surname and the same initials are one person ("Mr. S. J. Galton CC" = "Mr S J
 * Galton"; "Max" counts as "M"). A mention with fewer initials (or none) joins a person with more initials when those
 * start with its initials and exactly one such person exists: "Mr M. Mullaney" → "M. T. Mullaney", "Mr. Max Hunt" →
 * "M. J. Hunt", "Mr. Orson" → "J. T. Orson". With two candidates ("J. A. Smith" and "J. B. Smith") "J. Smith" stays a
 * person of its own, as it does when the honorifics disagree ("Mrs. J. Smith" never joins "Mr. J. A. Smith"). The result
 * does not depend on the order of the mentions.
 */
export function mergePeople(
  council: string,
  mentions: readonly ParsedPerson[],
): { people: PersonEntry[]; mentions: ParsedPerson[] } {
  const keys = new Map<string, NameKey>();
  for (const m of mentions) {
    const surname = slug(m.parts.surname);
    const initials = m.parts.initials.join('').toLowerCase();
    const k = keys.get(`${surname}|${initials}`) ?? { surname, initials, sex: undefined, mentions: [] };
    k.sex ??= SEX_OF[(m.parts.honorific ?? '').replace('.', '').toLowerCase()];
    k.mentions.push(m);
    keys.set(`${surname}|${initials}`, k);
  }
  const canonical = new Map<NameKey, NameKey>();
  for (const k of [...keys.values()].sort((a, b) => b.initials.length - a.initials.length)) {
    const targets = new Set(
      [...canonical.keys()]
        .filter((c) => c.surname === k.surname && c.initials.length > k.initials.length)
        .filter((c) => c.initials.startsWith(k.initials) && (!c.sex || !k.sex || c.sex === k.sex))
        .map((c) => canonical.get(c)),
    );
    const [only] = targets;
    canonical.set(k, targets.size === 1 && only ? only : k);
  }
  const people = new Map<NameKey, PersonEntry>();
  const idOf = new Map<ParsedPerson, string>();
  for (const [k, target] of canonical) {
    const best = target.mentions.map((m) => m.parts).sort((a, b) => displayName(b).length - displayName(a).length)[0];
    if (!best) continue;
    const entry = people.get(target) ?? { id: personId(council, best), name: displayName(best), printedAs: [] };
    people.set(target, entry);
    for (const m of k.mentions) idOf.set(m, entry.id);
  }
  for (const entry of people.values()) {
    const own = mentions.filter((m) => idOf.get(m) === entry.id);
    entry.printedAs = [...new Set(own.map((m) => m.printed))];
    const honorific = mostFrequent(own.flatMap((m) => (m.parts.honorific ? [m.parts.honorific] : [])));
    if (honorific) entry.honorific = honorific;
  }
  return {
    people: [...people.values()].sort((a, b) => a.id.localeCompare(b.id)),
    mentions: mentions.map((m) => ({ ...m, person: idOf.get(m) ?? personId(council, m.parts) })),
  };
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].reduce<[string, number] | undefined>((best, c) => (best && best[1] >= c[1] ? best : c), undefined)?.[0];
}
