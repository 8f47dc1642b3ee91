import { describe, expect, it } from 'vitest';
import { SnapshotError, TimescaleError, evaluate, validateSnapshot, type SnapshotProblem } from '../../src/index.js';
import { ev, ruleSet, snapshot, visit } from './helpers.js';

const set = ruleSet([]);
const ok = () => snapshot([ev('referral', 'r1', '2024-03-04'), visit('v1', '2024-03-05'), ev('decision-to-assess', 'd1', '2024-03-05'), ev('section-47-started', 's1', '2024-03-06')]);

/** The problems an invalid snapshot gives, failing the test if it does not throw a SnapshotError. */
function problemsOf(input: unknown): SnapshotProblem[] {
  try {
    evaluate(input, { ruleSet: set, asOf: '2024-04-09' });
  } catch (e) {
    expect(e).toBeInstanceOf(SnapshotError);
    const err = e as SnapshotError;
    expect(err.code).toBe('invalid-snapshot');
    expect(err.problems.length).toBeGreaterThan(0);
    return [...err.problems];
  }
  throw new Error('expected a SnapshotError');
}

function errorOf(input: unknown): SnapshotError {
  try {
    validateSnapshot(input);
  } catch (e) {
    return e as SnapshotError;
  }
  throw new Error('expected a SnapshotError');
}

function withEvent(index: number, change: Record<string, unknown>): Record<string, unknown> {
  const s = ok();
  const events = s.events as Record<string, unknown>[];
  events[index] = { ...events[index], ...change };
  return s;
}

describe('invalid snapshots', () => {
  it('accepts a valid one', () => {
    expect(() => validateSnapshot(ok())).not.toThrow();
  });

  it('a missing caseId', () => {
    const s = ok();
    delete s.caseId;
    expect(problemsOf(s)).toEqual([{ code: 'missing-field', path: 'caseId', message: expect.stringContaining('Required field is missing') }]);
    expect(errorOf(s).caseId).toBeUndefined();
  });

  it('a date that does not exist (2023-02-29), with the path of the field', () => {
    const problems = problemsOf(withEvent(3, { date: '2023-02-29' }));
    expect(problems).toEqual([{ code: 'invalid-date', path: 'events[3].date', message: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('a date in another format (05/01/2024)', () => {
    expect(problemsOf(withEvent(1, { date: '05/01/2024' }))).toEqual([{ code: 'invalid-date', path: 'events[1].date', message: expect.any(String) }]);
  });

  it('a bad date of birth', () => {
    const s = ok();
    s.child = { dateOfBirth: '2015-13-01' };
    expect(problemsOf(s)).toEqual([{ code: 'invalid-date', path: 'child.dateOfBirth', message: expect.any(String) }]);
  });

  it('an unknown event type', () => {
    expect(problemsOf(withEvent(2, { type: 'home-visit' }))).toEqual([{ code: 'unknown-event-type', path: 'events[2].type', message: expect.stringContaining('Unknown type') }]);
  });

  it('a missing field an event type needs (a visit without a mode)', () => {
    const s = ok();
    delete (s.events as Record<string, unknown>[])[1]!.mode;
    expect(problemsOf(s)).toEqual([{ code: 'missing-field', path: 'events[1].mode', message: expect.any(String) }]);
  });

  it('an event without a type', () => {
    const s = ok();
    delete (s.events as Record<string, unknown>[])[2]!.type;
    expect(problemsOf(s)).toEqual([{ code: 'missing-field', path: 'events[2].type', message: expect.any(String) }]);
  });

  it('a value outside a list (a visit mode)', () => {
    expect(problemsOf(withEvent(1, { mode: 'carrier-pigeon' }))).toEqual([{ code: 'invalid-value', path: 'events[1].mode', message: expect.stringContaining('in-person, video, phone') }]);
  });

  it('duplicate event ids', () => {
    expect(problemsOf(withEvent(2, { id: 'r1' }))).toEqual([{ code: 'duplicate-event-id', path: 'events[2].id', message: expect.any(String) }]);
  });

  it('a date-time on another day than the event date, and one without an offset', () => {
    expect(problemsOf(withEvent(3, { at: '2024-03-07T10:00:00+00:00' }))).toEqual([{ code: 'date-time-mismatch', path: 'events[3].at', message: expect.any(String) }]);
    expect(problemsOf(withEvent(3, { at: '2024-03-06T10:00:00' }))).toEqual([{ code: 'invalid-date-time', path: 'events[3].at', message: expect.stringContaining('offset') }]);
  });

  it('lists every problem, not just the first', () => {
    const s = withEvent(0, { date: '2024-02-30' });
    (s.events as Record<string, unknown>[])[2] = { ...(s.events as Record<string, unknown>[])[2], type: 'nonsense' };
    expect(problemsOf(s).map((p) => `${p.code} ${p.path}`).sort()).toEqual(['invalid-date events[0].date', 'unknown-event-type events[2].type']);
  });

  it('an interval variation with no role, and a term that ends before it starts', () => {
    const s = snapshot([], { variations: [{ kind: 'interval', id: 'v', ruleId: 'r', interval: { weeks: 1 }, agreedBy: [], agreedOn: '2024-01-01' }] });
    expect(problemsOf(s).map((p) => p.path)).toEqual(['variations[0].agreedBy']);
    const t = snapshot([], { schoolTerms: { terms: [{ start: '2024-03-01', end: '2024-02-01' }] } });
    expect(problemsOf(t)).toEqual([{ code: 'end-before-start', path: 'schoolTerms.terms[0].end', message: expect.any(String) }]);
  });

  it('input that is not an object', () => {
    for (const input of [null, undefined, 'case', 42, [ok()]]) {
      expect(problemsOf(input)).toEqual([{ code: 'not-a-snapshot', path: '', message: expect.any(String) }]);
    }
  });

  it('events that are not a list', () => {
    expect(problemsOf({ ...ok(), events: {} })).toEqual([{ code: 'invalid-type', path: 'events', message: expect.any(String) }]);
  });

  it('names the case id in the message, to find the record', () => {
    const err = errorOf(withEvent(3, { date: '2023-02-29' }));
    expect(err.caseId).toBe('case-T1');
    expect(err.message).toBe(`The snapshot for case case-T1 has 1 problem: events[3].date: ${err.problems[0]!.message}`);
  });
});

describe('errors never echo the values', () => {
  const SECRET = 'Mabel Quincey 12 Acacia Avenue';

  it.each([
    ['an event date', withEvent(0, { date: SECRET })],
    ['an event type', withEvent(0, { type: SECRET })],
    ['a visit mode', withEvent(1, { mode: SECRET })],
    ['a date-time', withEvent(0, { at: SECRET })],
    ['a date of birth', { ...ok(), child: { dateOfBirth: SECRET } }],
    ['a number where text belongs', withEvent(0, { id: 12345678 })],
    ['a case id that is too long', { ...ok(), caseId: SECRET.repeat(10) }],
  ])('in %s', (_what, input) => {
    const err = errorOf(input);
    expect(err).toBeInstanceOf(SnapshotError);
    const text = `${err.message} ${JSON.stringify(err.problems)}`;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Mabel');
    expect(text).not.toContain('12345678');
  });
});

describe('asOf and rule set', () => {
  it('asOf missing', () => {
    expect(() => evaluate(ok(), { ruleSet: set } as never)).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['asOf'] }));
    expect(() => evaluate(ok(), undefined as never)).toThrow(TimescaleError);
  });

  it('asOf invalid, without echoing it', () => {
    for (const asOf of ['2023-02-29', '09/04/2024', '2024-04-09T00:00:00Z', '']) {
      let err: unknown;
      try {
        evaluate(ok(), { ruleSet: set, asOf });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TimescaleError);
      expect(err).toMatchObject({ code: 'invalid-date', path: ['asOf'] });
      if (asOf !== '') expect((err as Error).message).not.toContain(asOf);
    }
  });

  it('an unknown rule set, listing those available', () => {
    let err: unknown;
    try {
      evaluate(ok(), { ruleSet: 'leeds-2099', asOf: '2024-04-09' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TimescaleError);
    expect(err).toMatchObject({ code: 'unknown-rule-set', path: ['ruleSet'] });
    expect((err as Error).message).toContain('leeds-2023');
  });

  it('an invalid snapshot is reported before anything is evaluated', () => {
    expect(() => evaluate(withEvent(0, { date: 'soon' }), { ruleSet: 'leeds-2099', asOf: '2024-04-09' })).toThrow(SnapshotError);
  });
});
