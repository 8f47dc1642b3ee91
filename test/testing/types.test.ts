import { describe, expectTypeOf, it } from 'vitest';
import type { CaseSnapshot, WorkerSnapshot } from '../../src/index.js';
import { aCase, aWorker, type CaseBuilder, type CheckedDate, type FieldsOf, type MethodName } from '../../src/testing/index.js';

type Visit = Extract<CaseSnapshot['events'][number], { type: 'visit' }>;

/**
 * Compile-time checks: `tsc --noEmit` fails when an `@ts-expect-error` line below stops being an
 * error, so each of these lines is a test that the types refuse the call.
 */
function refusedAtCompileTime(): void {
  // @ts-expect-error 31 April does not exist
  aCase('C-1').visit('2024-04-31', { mode: 'in-person' });
  // @ts-expect-error month 13
  aCase('C-1').bornOn('2015-13-01');
  // @ts-expect-error the wrong shape: day and month not zero-padded
  aCase('C-1').referral('2024-1-8');
  // @ts-expect-error a visit has no field `seenAlon`
  aCase('C-1').visit('2024-01-10', { mode: 'in-person', seenAlon: true });
  // @ts-expect-error a visit's mode is required
  aCase('C-1').visit('2024-01-10');
  // @ts-expect-error not a visit mode
  aCase('C-1').visit('2024-01-10', { mode: 'carrier-pigeon' });
  // @ts-expect-error a placement needs its placementId and kind
  aCase('C-1').placementStarted('2024-01-10', { kind: 'foster' });
  // @ts-expect-error no such event type
  aCase('C-1').telepathy('2024-01-10');
  // @ts-expect-error worker events are not case events
  aCase('C-1').supervisionSession('2024-01-10');
  // @ts-expect-error not a supervision kind
  aWorker('W-1').supervisionSession('2024-01-10', { kind: 'group' });
}

describe('builder types', () => {
  it('derives method names and fields from the event schema', () => {
    expectTypeOf<MethodName<'section-47-started'>>().toEqualTypeOf<'section47Started'>();
    expectTypeOf<CaseBuilder['section47Started']>().toBeFunction();
    expectTypeOf<FieldsOf<Visit>['mode']>().toEqualTypeOf<'in-person' | 'video' | 'phone' | 'not-recorded'>();
    expectTypeOf<FieldsOf<Visit>>().toHaveProperty('id').toEqualTypeOf<string | undefined>();
    expectTypeOf(aCase('C-1').referral('2024-01-08')).toEqualTypeOf<CaseBuilder>();
    expectTypeOf(aCase('C-1').bornOn('2015-05-01').build()).toEqualTypeOf<CaseSnapshot>();
    expectTypeOf(aWorker('W-1').role('social-worker').startedOn('2024-01-02').build()).toEqualTypeOf<WorkerSnapshot>();
  });

  it('checks date literals for shape and existence, and leaves other strings to build()', () => {
    expectTypeOf<CheckedDate<'2024-02-29'>>().toEqualTypeOf<'2024-02-29'>();
    expectTypeOf<CheckedDate<'2024-04-31'>>().toBeNever();
    expectTypeOf<CheckedDate<'2024-4-30'>>().toBeNever();
    expectTypeOf<CheckedDate<string>>().toEqualTypeOf<string>();
    expectTypeOf(refusedAtCompileTime).toBeFunction();
  });
});
