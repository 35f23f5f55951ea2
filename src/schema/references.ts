import type { CollectionName } from './index';

/**
 * Which fields point at entries of another collection. A path is dot-separated; `*` walks every element of an array.
 * The build fails when any of these names an entry that does not exist.
 */
export const references: Record<CollectionName, ReadonlyArray<{ path: string; target: CollectionName }>> = {
  councils: [],
  bodies: [
    { path: 'council', target: 'councils' },
    { path: 'terms.*.members.*.person', target: 'people' },
  ],
  people: [
    { path: 'councils.*', target: 'councils' },
    { path: 'roles.*.body', target: 'bodies' },
    { path: 'roles.*.seenAt', target: 'meetings' },
  ],
  sources: [{ path: 'council', target: 'councils' }],
  meetings: [
    { path: 'council', target: 'councils' },
    { path: 'body', target: 'bodies' },
    { path: 'membership.*.person', target: 'people' },
    { path: 'present.*.person', target: 'people' },
    { path: 'inAttendance.*.person', target: 'people' },
    { path: 'apologies.*.person', target: 'people' },
    { path: 'public.*.person', target: 'people' },
    { path: 'agenda.*.documents.*', target: 'documents' },
    { path: 'agenda.*.minutes', target: 'minutes' },
    { path: 'source.pack', target: 'sources' },
  ],
  minutes: [
    { path: 'meeting', target: 'meetings' },
    { path: 'confirmedAt', target: 'meetings' },
    { path: 'items.*.considers.*', target: 'documents' },
    { path: 'declarations.*.person', target: 'people' },
    { path: 'decisions.*.movedBy.person', target: 'people' },
    { path: 'decisions.*.secondedBy.person', target: 'people' },
    { path: 'votes.*.movedBy.person', target: 'people' },
    { path: 'votes.*.secondedBy.person', target: 'people' },
    { path: 'votes.*.named.for.*.person', target: 'people' },
    { path: 'votes.*.named.against.*.person', target: 'people' },
    { path: 'votes.*.named.abstain.*.person', target: 'people' },
    { path: 'actions.*.owner.person', target: 'people' },
    { path: 'translationOf', target: 'minutes' },
    { path: 'source.pack', target: 'sources' },
  ],
  documents: [
    { path: 'council', target: 'councils' },
    { path: 'meeting', target: 'meetings' },
    { path: 'parent', target: 'documents' },
    { path: 'supersedes', target: 'documents' },
    { path: 'versionOf', target: 'documents' },
    { path: 'translationOf', target: 'documents' },
    { path: 'source.pack', target: 'sources' },
    { path: 'plan.parentStrategy', target: 'documents' },
    { path: 'plan.kpis.*', target: 'kpis' },
  ],
  kpis: [
    { path: 'council', target: 'councils' },
    { path: 'editions.*.document', target: 'documents' },
    { path: 'editions.*.source.pack', target: 'sources' },
  ],
  workshops: [
    { path: 'strategy', target: 'documents' },
    { path: 'source.pack', target: 'sources' },
  ],
};

/** A reference found in an entry: where it is (as a path of keys) and the id it names. */
export interface FoundReference {
  path: Array<string | number>;
  id: string;
  target: CollectionName;
}

/** Every reference in one entry's data, with its concrete path (array indexes filled in). */
export function referencesIn(collection: CollectionName, data: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  for (const { path, target } of references[collection]) {
    walk(data, path.split('.'), [], (value, at) => {
      if (typeof value === 'string') found.push({ path: at, id: value, target });
    });
  }
  return found;
}

function walk(
  value: unknown,
  keys: string[],
  at: Array<string | number>,
  visit: (value: unknown, at: Array<string | number>) => void,
): void {
  if (keys.length === 0) return visit(value, at);
  const [key, ...rest] = keys as [string, ...string[]];
  if (key === '*') {
    if (Array.isArray(value)) value.forEach((element, i) => walk(element, rest, [...at, i], visit));
    return;
  }
  if (value && typeof value === 'object' && key in value) {
    walk((value as Record<string, unknown>)[key], rest, [...at, key], visit);
  }
}
