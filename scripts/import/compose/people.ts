/**
 * People named anywhere in the sources of one council, merged into one entry each, so a councillor has one id and
 * one page across years and styles of printing ("Mr. S. J. Galton CC", "Mr S J Galton"; "Cllr Hayward").
 */
import { mergePeople, nameParts, parsePersonLine, type ParsedPerson } from '../extract/people';
import type { EntryOf, Existing } from './entry';

/** A person named in the content, and how to give the mention its person id once people are resolved. */
export interface Mention {
  mention: ParsedPerson;
  attach: (id: string) => void;
}

/** A printed name as a parsed person: the councils' titled form first, else any name. */
function parsedName(printed: string): ParsedPerson[] {
  const titled = parsePersonLine(printed).people;
  if (titled.length > 0) return titled;
  const parts = nameParts(printed);
  return parts ? [{ printed, parts }] : [];
}

/** People from every source of one council, merged once so each councillor gets one id across sources and years. */
export function resolvePeople(council: string, mentions: readonly Mention[], existing: Existing): Array<EntryOf<'people'>> {
  const known = [...existing.people].filter(([id]) => id.startsWith(`${council}/`)).flatMap(([, p]) => p.printedAs.flatMap(parsedName));
  const merged = mergePeople(council, [...mentions.map((m) => m.mention), ...known]);
  mentions.forEach((m, i) => m.attach(merged.mentions[i]!.person!));
  return merged.people.map((p) => {
    const before = existing.people.get(p.id);
    return {
      collection: 'people',
      id: p.id,
      data: {
        name: p.name,
        ...(p.honorific ? { honorific: p.honorific } : {}),
        printedAs: [...new Set([...(before?.printedAs ?? []), ...p.printedAs])].sort(),
        councils: [council],
        roles: before?.roles ?? [],
      },
    };
  });
}
