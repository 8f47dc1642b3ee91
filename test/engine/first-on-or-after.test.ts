import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOnOrAfter } from '../../src/engine/first-on-or-after.js';
import { typeNumber } from '../../src/engine/event-types.js';
import type { PreparedEvent } from '../../src/engine/prepared.js';

const eventsOn = (days: readonly number[]): PreparedEvent[] =>
  [...days].sort((a, b) => a - b).map((day, i) => ({ id: `e${i}`, type: 'visit', typeNumber: typeNumber('visit'), day, minute: undefined, offset: 0, raw: {} }));

describe('firstOnOrAfter', () => {
  it('is where a scan from the start would find the first event on or after the day', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 })), fc.oneof(fc.integer({ min: -10, max: 50 }), fc.constant(-Infinity), fc.constant(Infinity)), (days, day) => {
        const events = eventsOn(days);
        const scanned = events.findIndex((e) => e.day >= day);
        expect(firstOnOrAfter(events, day)).toBe(scanned < 0 ? events.length : scanned);
      }),
    );
  });
});
