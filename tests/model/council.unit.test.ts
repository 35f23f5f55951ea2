import { describe, expect, test } from 'vitest';
import { hasAccessibilityContact, missingCouncilDetails } from '../../src/model/council';
import { PARISH_FIXTURE } from '../helpers/fixture-site';
import { contentGraph } from '../helpers/graph';

const seed = contentGraph();
const parish = contentGraph(PARISH_FIXTURE);
const file = (id: string) => `content/councils/${id}.yaml`;

describe('councils the importer could not find contact details for', () => {
  test('a council with neither website nor accessibility contact is asked for both, naming its file and each field', () => {
    const milburn = parish.council.get('milburn')!;
    expect(hasAccessibilityContact(milburn.data)).toBe(false);
    const missing = missingCouncilDetails([{ file: file('milburn'), data: milburn.data }]);
    expect(missing.map((m) => [m.file, m.field])).toEqual([
      ['content/councils/milburn.yaml', 'website'],
      ['content/councils/milburn.yaml', 'accessibilityContact'],
    ]);
    expect(missing[0]!.message).toMatch(/^Milburn Parish Council has no website/);
    expect(missing[1]!.message).toMatch(/accessibility regulations/);
  });

  test('any one way to get in touch is enough; an empty contact is not', () => {
    const data = { name: 'Test Town Council', website: 'https://town.example' };
    expect(missingCouncilDetails([{ file: 'x', data: { ...data, accessibilityContact: { phone: '01234 567890' } } }])).toEqual([]);
    expect(missingCouncilDetails([{ file: 'x', data: { ...data, accessibilityContact: { url: 'https://town.example/contact' } } }])).toEqual([]);
    expect(missingCouncilDetails([{ file: 'x', data: { ...data, accessibilityContact: { email: '' } } }]).map((m) => m.field)).toEqual(['accessibilityContact']);
  });

  test('the seed councils lack nothing', () => {
    expect(missingCouncilDetails(seed.councils.map((c) => ({ file: file(c.id), data: c.data })))).toEqual([]);
  });
});
