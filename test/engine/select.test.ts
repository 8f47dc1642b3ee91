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

  it('gives the shared empty list when no type it reads is recorded', () => {
    const subject = prepare(validateSnapshot({ ...generateSnapshot(7, 1, AS_OF), events: [] }), parseIsoDate(AS_OF));
    expect(compileSelection([compileSelector({ type: 'visit' }), compileSelector({ type: 'referral' })])(subject)).toBe(NONE);
  });
});
