import { describe, expect, it } from 'vitest';
import { parseTextSearch, textScore, textSearchString } from './text-search.js';

const doc = {
  tenant: 'DEV-DEVELOP',
  name: 'Word Counter',
  description: 'counts the words of a message',
  default_environment: { NOTE: 'Nested Value' },
  when: new Date('2024-01-01T00:00:00Z'),
  _links: { self: 'http://host/actors/v2/linked' },
};

const score = (search?: string, exact?: string) =>
  textScore(doc, parseTextSearch(textSearchString('DEV-DEVELOP', search, exact)));

describe('full text', () => {
  it('builds the search string as the service does: the tenant phrase, the words, the exact phrase', () => {
    expect(textSearchString('T', 'a b', 'c d')).toBe('"T" a b "c d"');
    expect(textSearchString('T', '', undefined)).toBe('"T"');
    expect(parseTextSearch('"T" a -b "c d" -"e f" x-y')).toEqual({
      phrases: ['t', 'c d'],
      excludedPhrases: ['e f'],
      words: ['a', 'x', 'y'],
      excludedWords: ['b'],
    });
  });

  it('keeps every document of the tenant when only words are given: they rank, they do not filter', () => {
    expect(score()).toBe(1);
    expect(score('nothing matches')).toBe(1);
    expect(score('counter words')).toBe(3);
    expect(score('COUNTER counter')).toBe(2);
  });

  it('filters on the exact phrase, case-insensitively, over nested string fields too', () => {
    expect(score(undefined, 'WORDS OF A')).toBe(2);
    expect(score(undefined, 'nested value')).toBe(2);
    expect(score(undefined, 'words of the')).toBeNull();
  });

  it('does not search the links or non-string values', () => {
    expect(score(undefined, 'linked')).toBeNull();
    expect(score(undefined, '2024')).toBeNull();
  });

  it('excludes documents with a negated word or phrase', () => {
    expect(score('-counter')).toBeNull();
    expect(score('-"word counter"')).toBeNull();
    expect(score('-absent')).toBe(1);
  });

  it('drops a document of another tenant', () => {
    expect(textScore(doc, parseTextSearch(textSearchString('OTHER', undefined, undefined)))).toBeNull();
  });
});
