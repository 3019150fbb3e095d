import { describe, expect, it } from 'vitest';
import { closestWords, editDistance } from '../../src/commands/edit-distance.js';

describe('editDistance (Damerau-Levenshtein, OSA)', () => {
  it.each([
    ['gdpr', 'gdpr', 0],
    ['gpdr', 'gdpr', 1],
    ['ai', 'al', 1],
    ['', 'abc', 3],
    ['latset', 'latest', 1],
    ['kitten', 'sitting', 3],
    ['breach', 'beach', 1],
  ])('%s -> %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('suggests close command words, closest first', () => {
    expect(closestWords('lates', ['latest', 'search', 'help'])).toEqual(['latest']);
    expect(closestWords('subscrbe', ['subscriptions', 'subscribe', 'unsubscribe'])).toEqual(['subscribe']);
    expect(closestWords('zz', ['latest'])).toEqual([]);
  });
});
