/**
 * Which council published a source, and the council and body entries an import creates. Known councils are the files
 * in `content/councils/`; a council the content does not have yet is created with the name the document prints and
 * nothing else: no website, no e-mail address. What the source does not say stays empty and goes on the review list.
 */
import type { Council } from '../../../src/schema';
import { BODY_KINDS } from '../house-style';
import { ImportError } from '../problem';
import { councilNameIn, nameCase } from '../extract/meeting';
import { slug, type EntryOf } from './entry';

/** How the council of a source was decided, for the import report. */
export interface CouncilChoice {
  id: string;
  /** The council's name as the document prints it, when it prints one. */
  name?: string;
  /** Why this council, in words. */
  reason: string;
}

/** A web address's or e-mail address's domain ("leics.gov.uk"). */
const domain = (address: string | undefined) => address?.replace(/^.*?(@|:\/\/(www\.)?)/, '').replace(/\/.*$/, '').toLowerCase();

/** The known council a text names first: by its name, its website's domain or its e-mail domain. */
function knownCouncilIn(text: string, known: ReadonlyMap<string, Council>): { id: string; printed: string } | undefined {
  const flat = text.replace(/\s+/g, ' ').toLowerCase();
  const signs = [...known].flatMap(([id, c]) =>
    [c.name, domain(c.website), domain(c.accessibilityContact.email)].flatMap((s) => (s ? [{ id, sign: s.toLowerCase() }] : [])),
  );
  return signs
    .map((s) => ({ ...s, at: flat.indexOf(s.sign) }))
    .filter((s) => s.at !== -1)
    .sort((a, b) => a.at - b.at)
    .map((s) => ({ id: s.id, printed: s.sign }))[0];
}

/**
 * Decides a source's council: the one remembered in its hints file, else `--council`, else a known council the
 * document's head names (its name, or its website's or e-mail's domain), else the council the document's head names,
 * as a new council. When nothing names one, the import stops and asks for `--council`, listing the known ids.
 */
export function chooseCouncil(options: {
  remembered?: string | undefined;
  flag?: string | undefined;
  /** The first lines of the document, where a council names itself. */
  head: string;
  /** The council name the meeting reader found, if any. */
  printedName?: string | undefined;
  known: ReadonlyMap<string, Council>;
  file: string;
}): CouncilChoice {
  const printedName = options.printedName ?? councilNameIn(options.head);
  const named = printedName ? { name: printedName } : {};
  if (options.remembered) return { id: options.remembered, ...named, reason: 'remembered from the first import (hints file)' };
  if (options.flag) return { id: options.flag, ...named, reason: '--council' };
  const known = knownCouncilIn(options.head, options.known);
  if (known) return { id: known.id, ...named, reason: `the document names "${known.printed}"` };
  if (printedName) return { id: slug(printedName), name: printedName, reason: `the document names "${printedName}"` };
  const ids = [...options.known.keys()].sort();
  throw new ImportError(
    `cannot tell which council published this document: its text does not name one. Run the import again with --council <id>${ids.length ? ` (known councils: ${ids.join(', ')})` : ' (a new id, such as the council\'s name in lower case with hyphens)'}`,
    options.file,
    undefined,
    'no-council',
  );
}

/** A new council's entry: the name the document prints (else the id in words, to be checked), and nothing invented. */
export function councilEntry(choice: CouncilChoice): EntryOf<'councils'> {
  const name = choice.name ?? nameCase(choice.id.replace(/-/g, ' ')).replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase());
  return { collection: 'councils', id: choice.id, data: { name, accessibilityContact: {} } };
}

/** The kind of a body, from its name. */
export const bodyKind = (name: string) => BODY_KINDS.find(([re]) => re.test(name))?.[1] ?? 'committee';

/** A body's entry: its name as printed, its kind from its name, no membership yet. */
export function bodyEntry(council: string, name: string): EntryOf<'bodies'> {
  return { collection: 'bodies', id: `${council}/${slug(name)}`, data: { council, name, kind: bodyKind(name), terms: [] } };
}
