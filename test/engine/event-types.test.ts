import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeNumber } from '../../src/engine/event-types.js';

describe('typeNumber', () => {
  it('gives each type one number, never another type’s, and the same one every time', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }), (types) => {
        const first = types.map(typeNumber);
        expect(types.map(typeNumber)).toEqual(first);
        for (let i = 0; i < types.length; i++) for (let j = 0; j < types.length; j++) expect(first[i] === first[j]).toBe(types[i] === types[j]);
      }),
    );
  });

  it('numbers from zero without gaps, so that lists by number are dense arrays', () => {
    const fresh = Array.from({ length: 5 }, (_, i) => `a type no table names ${i}`);
    const numbers = fresh.map(typeNumber);
    expect(numbers.slice(1).map((n, i) => n - numbers[i]!)).toEqual([1, 1, 1, 1]);
    expect(Math.min(...[typeNumber('visit'), ...numbers])).toBeGreaterThanOrEqual(0);
  });
});
