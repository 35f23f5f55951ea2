import { describe, expect, test } from 'vitest';
import { readContentTree } from '../../scripts/content-tree';
import { collectionNames, collections, referenceFields, referencesIn, type CollectionName } from '../../src/schema';
import { checkFile } from '../../src/schema/validate';
import { PARISH_FIXTURE } from '../helpers/fixture-site';

const fields = (collection: CollectionName) => referenceFields(collections[collection].schema);

describe('references read from the schemas', () => {
  // One field of each way a reference is declared: directly, optional, a list of ids, inside a list of objects,
  // through a shared schema (a person as named, where a source was printed), and deep inside a nested object.
  const declared = collectionNames.flatMap((c) => fields(c).map((f) => `${c}: ${f.path} names ${f.target}`));
  test.each([
    'bodies: council names councils',
    'people: roles.*.seenAt names meetings',
    'meetings: agenda.*.documents.* names documents',
    'meetings: present.*.person names people',
    'minutes: translationOf names minutes',
    'minutes: votes.*.named.against.*.person names people',
    'minutes: actions.*.owner.person names people',
    'documents: plan.kpis.* names kpis',
    'kpis: editions.*.source.pack names sources',
    'workshops: strategy names documents',
  ])('%s', (reference) => {
    expect(declared).toContain(reference);
  });

  test('every reference names a collection, and fields that are not references are not listed', () => {
    const all = collectionNames.flatMap(fields);
    expect(all.length).toBeGreaterThan(40);
    for (const { target } of all) expect(Object.keys(collections)).toContain(target);
    // A series name and the decisions a vote decided are ids too, but not of entries.
    expect(declared.filter((d) => d.startsWith('documents: series ') || d.startsWith('minutes: votes.*.decisions.*'))).toEqual([]);
    expect(fields('councils')).toEqual([]);
  });

  test('finds the references in real minutes, each at its place in the entry', () => {
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
