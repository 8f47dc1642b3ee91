import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseEvent, SnapshotError, WorkerEvent, evaluate, validateSnapshot } from '../../src/index.js';
import { aCase, aWorker } from '../../src/testing/index.js';
import { methodName } from '../../src/testing/names.js';

function problemsOf(build: () => unknown) {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as SnapshotError).problems.map((p) => ({ code: p.code, path: p.path }));
  }
  throw new Error('build() did not throw');
}

describe('aCase', () => {
  it('builds the README snapshot, with ids filled in per event type, and the engine reads it', () => {
    const snapshot = aCase('C-001').bornOn('2015-05-01').childInNeedPlanStarted('2024-01-08').visit('2024-03-04', { mode: 'in-person' }).build();
    expect(snapshot).toEqual({
      caseId: 'C-001',
      child: { dateOfBirth: '2015-05-01' },
      events: [
        { id: 'child-in-need-plan-started-1', type: 'child-in-need-plan-started', date: '2024-01-08' },
        { id: 'visit-1', type: 'visit', date: '2024-03-04', mode: 'in-person' },
      ],
    });
    const report = evaluate(snapshot, { ruleSet: 'leeds-2023', asOf: '2024-04-09' });
    expect(report.breaches.map((o) => [o.ruleId, o.status, o.due])).toContainEqual(['leeds.visits.child-in-need', 'overdue', '2024-04-03']);
  });

  it('keeps ids given, numbers the rest around them, and sets the case facts', () => {
    const snapshot = aCase('C-2')
      .bornOn('2010-02-03')
      .team('T-1')
      .worker('W-9')
      .child({ careLeaver: true })
      .visit('2024-01-02', { mode: 'video', id: 'visit-1' })
      .visit('2024-01-03', { mode: 'in-person' })
      .placementStarted('2024-01-04', { placementId: 'P-1', kind: 'foster' })
      .build();
    expect(snapshot.events.map((e) => e.id)).toEqual(['visit-1', 'visit-2', 'placement-started-1']);
    expect(snapshot).toMatchObject({ team: 'T-1', worker: 'W-9', child: { dateOfBirth: '2010-02-03', careLeaver: true } });
  });

  it('returns a new builder from every call, so a shared start is never changed', () => {
    const start = aCase('C-3').bornOn('2015-05-01').referral('2024-01-08');
    const one = start.visit('2024-01-10', { mode: 'in-person' }).build();
    const other = start.build();
    expect(one.events).toHaveLength(2);
    expect(other.events).toHaveLength(1);
  });

  it('has one method per event type in the schema, named in camel case', () => {
    const builder = aCase('C-4') as unknown as Record<string, unknown>;
    for (const option of CaseEvent.def.options) {
      expect(typeof builder[methodName(option.shape.type.def.values[0]!)], option.shape.type.def.values[0]!).toBe('function');
    }
    expect(methodName('section-47-started')).toBe('section47Started');
  });

  it('refuses a date that does not exist with the coded error and its path', () => {
    const day: string = '2023-02-29';
    expect(problemsOf(() => aCase('C-5').bornOn('2015-05-01').referral('2024-01-08').visit(day, { mode: 'in-person' }).build())).toEqual([
      { code: 'invalid-date', path: 'events[1].date' },
    ]);
  });

  it('refuses a field the event type does not have, which the schema alone would drop', () => {
    const fields = { mode: 'in-person', seenAlon: true } as { mode: 'in-person' };
    const error = (() => {
      try {
        aCase('C-6').bornOn('2015-05-01').visit('2024-01-10', fields).build();
      } catch (e) {
        return e as SnapshotError;
      }
    })();
    expect(error?.caseId).toBe('C-6');
    expect(error?.problems.map((p) => [p.code, p.path])).toEqual([['unrecognised-field', 'events[0].seenAlon']]);
    expect(error?.message).toContain('A visit event has no field seenAlon');
  });

  it('reports every problem at once: the missing date of birth and a wrong value together', () => {
    const mode = 'carrier-pigeon' as 'phone';
    expect(problemsOf(() => aCase('C-7').visit('2024-01-10', { mode }).build())).toEqual([
      { code: 'missing-field', path: 'child.dateOfBirth' },
      { code: 'invalid-value', path: 'events[0].mode' },
    ]);
  });

  it('keeps every event and gives each a unique id, whatever ids are given', () => {
    const types = CaseEvent.def.options.filter((o) => Object.entries(o.shape).every(([k, s]) => ['type', 'id', 'date'].includes(k) || (s as { safeParse: (v: unknown) => { success: boolean } }).safeParse(undefined).success)).map((o) => o.shape.type.def.values[0]!);
    fc.assert(
      fc.property(fc.array(fc.record({ type: fc.constantFrom(...types), id: fc.option(fc.constantFrom('referral-1', 'visit-2', 'x', 'y'), { nil: undefined }) }), { maxLength: 12 }), (calls) => {
        let builder = aCase('C-8').bornOn('2015-05-01') as unknown as Record<string, (date: string, fields?: object) => unknown>;
        const given = new Set<string>();
        let expectDuplicate = false;
        for (const call of calls) {
          if (call.id !== undefined) {
            if (given.has(call.id)) expectDuplicate = true;
            given.add(call.id);
          }
          builder = builder[methodName(call.type)]!('2024-01-10', call.id === undefined ? undefined : { id: call.id }) as typeof builder;
        }
        const build = () => (builder as unknown as { build(): { events: { id: string }[] } }).build();
        if (expectDuplicate) {
          expect(() => build()).toThrow(SnapshotError);
          return;
        }
        const ids = build().events.map((e) => e.id);
        expect(ids).toHaveLength(calls.length);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe('aWorker', () => {
  it('builds a supervision snapshot the engine evaluates', () => {
    const worker = aWorker('W-1').role('newly-qualified-social-worker').startedOn('2024-01-02').team('T-1').supervisionSession('2024-01-09', { kind: 'personal' }).build();
    expect(validateSnapshot(worker)).toEqual(worker);
    expect(worker.events).toEqual([{ id: 'supervision-session-1', type: 'supervision-session', date: '2024-01-09', kind: 'personal' }]);
    const report = evaluate(worker, { ruleSet: 'leeds-2023', asOf: '2024-03-01' });
    expect(report.subject).toBe('worker');
    expect(report.obligations.some((o) => o.ruleId === 'leeds.supervision.newly-qualified')).toBe(true);
  });

  it('has one method per worker event type, and reports a missing role with its path', () => {
    const builder = aWorker('W-2') as unknown as Record<string, unknown>;
    for (const option of WorkerEvent.def.options) expect(typeof builder[methodName(option.shape.type.def.values[0]!)]).toBe('function');
    expect(problemsOf(() => aWorker('W-2').startedOn('2024-01-02').period('returning-to-work', '2024-02-01', '2024-01-01').build())).toEqual([
      { code: 'missing-field', path: 'role' },
    ]);
  });
});
