import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/calendar/day-number.js';
import { prepare } from '../../src/engine/prepare.js';
import { compileSelection, compileSelector, NONE } from '../../src/engine/select.js';
import { validateSnapshot } from '../../src/engine/validate.js';
import { generateSnapshot, type Selector } from '../../src/index.js';

const AS_OF = '2024-04-09';

const TYPES: readonly (string | string[])[] = ['visit', 'placement-started', 'referral', 'child-in-need-plan-started', ['visit', 'placement-started']];
const WHERE: readonly NonNullable<Selector['where']>[] = [{ mode: 'in-person' }, { mode: ['video', 'phone'] }, { kind: ['foster', 'residential'] }, { childSeen: [true, null] }];

const selector: fc.Arbitrary<Selector> = fc
  .record({ type: fc.constantFrom(...TYPES), where: fc.option(fc.constantFrom(...WHERE)), during: fc.boolean() })
  .map(({ type, where, during }) => ({
    type,
    ...(where ? { where } : {}),
    ...(during ? { during: [{ from: '2021-01-01', to: '2023-12-31' }] } : {}),
  }));

describe('a compiled selection', () => {
  it('finds exactly the events some selector matches, in the snapshot order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(selector, { minLength: 1, maxLength: 3 }), (index, selectors) => {
        const subject = prepare(validateSnapshot(generateSnapshot(7, index, AS_OF)), parseIsoDate(AS_OF));
        const compiled = selectors.map(compileSelector);
        const naive = subject.events.filter((e) => compiled.some((s) => s.types.includes(e.type) && s.test(e)));
        expect(compileSelection(compiled)(subject)).toEqual(naive);
      }),
      { numRuns: 200 },
    );
  });

  it('puts the events of several types in the snapshot order, ties on a day decided by time then id', () => {
    const event = fc.record({
      type: fc.constantFrom('visit', 'placement-started', 'referral'),
      day: fc.integer({ min: 1, max: 4 }),
      hour: fc.option(fc.integer({ min: 8, max: 11 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 }), fc.array(event, { maxLength: 30 }), (ids, shapes) => {
        const events = shapes.slice(0, ids.length).map((s, i) => ({
          id: ids[i]!,
          type: s.type,
          date: `2024-03-0${s.day}`,
          ...(s.hour === undefined ? {} : { at: `2024-03-0${s.day}T${String(s.hour).padStart(2, '0')}:00:00Z` }),
          ...(s.type === 'visit' ? { mode: 'in-person' } : {}),
          ...(s.type === 'placement-started' ? { placementId: `p${i}`, kind: 'foster' } : {}),
        }));
        const subject = prepare(validateSnapshot({ ...generateSnapshot(7, 1, AS_OF), events }), parseIsoDate(AS_OF));
        for (const selectors of [[{ type: ['visit', 'placement-started', 'referral'] }], [{ type: 'referral' }, { type: 'visit', where: { mode: 'in-person' } }]] as Selector[][]) {
          const compiled = selectors.map(compileSelector);
          const naive = subject.events.filter((e) => compiled.some((s) => s.types.includes(e.type) && s.test(e)));
          expect(compileSelection(compiled)(subject).map((e) => e.id)).toEqual(naive.map((e) => e.id));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the shared empty list when no type it reads is recorded', () => {
    const subject = prepare(validateSnapshot({ ...generateSnapshot(7, 1, AS_OF), events: [] }), parseIsoDate(AS_OF));
    expect(compileSelection([compileSelector({ type: 'visit' }), compileSelector({ type: 'referral' })])(subject)).toBe(NONE);
  });
});
