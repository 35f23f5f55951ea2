import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../scripts/content-tree';
import { collectionNames, collections, referenceFields, referencesIn, type CollectionName } from '../../src/schema';
import { checkFile } from '../../src/schema/validate';
import { PARISH_FIXTURE } from '../helpers/fixture-site';

const fields = (collection: CollectionName) => referenceFields(collections[collection].schema);

describe('references read from the schemas', () => {
  // One field of each way a reference is declared: directly, optional, a list of ids, inside a list of objects,
  // through a shared schema (a person as named, where a source was printed), and deep inside a nested object.
  test.each([
    ['bodies', 'council', 'councils'],
    ['people', 'roles.*.seenAt', 'meetings'],
    ['meetings', 'agenda.*.documents.*', 'documents'],
    ['meetings', 'present.*.person', 'people'],
    ['minutes', 'translationOf', 'minutes'],
    ['minutes', 'votes.*.named.against.*.person', 'people'],
    ['minutes', 'actions.*.owner.person', 'people'],
    ['documents', 'plan.kpis.*', 'kpis'],
    ['kpis', 'editions.*.source.pack', 'sources'],
    ['workshops', 'strategy', 'documents'],
  ] as const)('%s: %s names %s', (collection, path, target) => {
    expect(fields(collection)).toContainEqual({ path, target });
  });

  test('every reference names a collection, and fields that are not references are not listed', () => {
    const all = collectionNames.flatMap(fields);
    expect(all.length).toBeGreaterThan(40);
    for (const { target } of all) expect(Object.keys(collections)).toContain(target);
    const paths = collectionNames.flatMap((c) => fields(c).map((f) => `${c}:${f.path}`));
    expect(paths).not.toContain('documents:series');
    expect(paths).not.toContain('minutes:votes.*.decisions.*');
    expect(fields('councils')).toEqual([]);
  });

  test('finds every reference in real minutes, at its place in the file', () => {
    const tree = readContentTree(PARISH_FIXTURE);
    const file = tree.minutes!.find((f) => f.relativePath === 'milburn/parish-council/2018-11-06.mdx')!;
    const entry = checkFile('minutes', file.relativePath, file.file, [])!;
    const found = referencesIn(collections.minutes.schema, entry.data);
    expect(found).toContainEqual({ path: ['meeting'], id: 'milburn/parish-council/2018-11-06', target: 'meetings' });
    expect(found).toContainEqual({ path: ['votes', 1, 'named', 'against', 2, 'person'], id: 'milburn/n-cresswell', target: 'people' });
    expect(found).toContainEqual({ path: ['actions', 0, 'owner', 'person'], id: 'milburn/j-connelly', target: 'people' });
    // A mover printed without a person id ("a member of the public") names nothing.
    expect(found.filter((r) => r.path.join('.') === 'decisions.2.secondedBy.person')).toEqual([]);
  });
});
