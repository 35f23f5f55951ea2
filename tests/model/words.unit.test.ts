import { describe, expect, test } from 'vitest';
import { fidelity, wordsOf } from '../../src/model/words';

describe('wordsOf', () => {
  test.each([
    ['The £2,268,584 total', ['the', '2', '268', '584', 'total']],
    ['<u>Item</u> RESOLVED: (a)', ['u', 'item', 'u', 'resolved', 'a']],
    ['Café – naïve “quotes”', ['café', 'naïve', 'quotes']],
    ['', []],
  ])('%s', (text, expected) => expect(wordsOf(text)).toEqual(expected));
});

describe('fidelity', () => {
  test('every word in order is 100%', () => {
    const r = fidelity(wordsOf('a b c d'), wordsOf('x a y b c z d'));
    expect(r).toEqual({ total: 4, matched: 4, missing: [] });
  });

  test('a dropped word is missing, and the match carries on after it', () => {
    const r = fidelity(wordsOf('one two three four'), wordsOf('one three four'));
    expect(r.matched).toBe(3);
    expect(r.missing.map((m) => m.word)).toEqual(['two']);
  });

  test('words out of order count once', () => {
    const r = fidelity(wordsOf('alpha beta gamma'), wordsOf('gamma alpha beta'));
    expect(r.matched).toBe(2);
    expect(r.missing.map((m) => m.word)).toEqual(['gamma']);
  });

  test('a common word far ahead does not make the match skip what lies between', () => {
    const source = wordsOf('the plan was agreed and the report was noted');
    const published = wordsOf('the report was noted');
    const r = fidelity(source, published);
    expect(r.matched).toBe(4);
    expect(r.missing).toHaveLength(5);
    expect(r.missing.map((m) => m.word)).toEqual(expect.arrayContaining(['plan', 'agreed', 'and']));
  });
});
