import { describe, expect, it } from 'vitest';
import { evaluate, getRuleSet, ruleSets, SnapshotError, TimescaleError, validateSnapshot } from '../../src/index.js';
import { checkSnapshot } from '../../src/engine/validate.js';
import { ev, of, rule, run, ruleSet, snapshot, visit } from './helpers.js';

const AS_OF = '2024-04-09';
const cinVisits = rule({
  id: 't.cin-visits',
  kind: 'recurring',
  episode: { start: { type: 'child-in-need-plan-started' }, end: [{ type: 'child-in-need-plan-ended' }] },
  phases: [{ interval: { workingDays: 20 } }],
  satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  variation: [{ anyOf: ['team-manager'] }],
});
const planStart = ev('child-in-need-plan-started', 'cin', '2024-01-08');
const variation = (over: Record<string, unknown>) => ({ kind: 'interval', id: 'va', ruleId: cinVisits.id, interval: { workingDays: 10 }, agreedBy: ['team-manager'], agreedOn: '2024-01-08', ...over });

/** The error a function throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('evaluate checks every option, with a code naming it', () => {
  const snap = snapshot([]);
  it.each([
    ['no ruleSet', { asOf: AS_OF }, 'invalid-option', ['ruleSet']],
    ['a ruleSet of the wrong type', { asOf: AS_OF, ruleSet: 5 }, 'invalid-option', ['ruleSet']],
    ['a ruleSet object that is not a rule set', { asOf: AS_OF, ruleSet: { id: 'mine' } }, 'invalid-rule-set', ['ruleSet']],
    ['ruleSet "constructor"', { asOf: AS_OF, ruleSet: 'constructor' }, 'unknown-rule-set', ['ruleSet']],
    ['ruleSet "__proto__"', { asOf: AS_OF, ruleSet: '__proto__' }, 'unknown-rule-set', ['ruleSet']],
    ['ruleSet "toString"', { asOf: AS_OF, ruleSet: 'toString' }, 'unknown-rule-set', ['ruleSet']],
    ['an empty calendar', { asOf: AS_OF, ruleSet: 'leeds-2023', calendar: {} }, 'invalid-calendar', ['calendar']],
    ['a calendar of the wrong type', { asOf: AS_OF, ruleSet: 'leeds-2023', calendar: 'england' }, 'invalid-calendar', ['calendar']],
    ['no asOf', { ruleSet: 'leeds-2023' }, 'invalid-option', ['asOf']],
    ['asOf that is not a date', { ruleSet: 'leeds-2023', asOf: '09/04/2024' }, 'invalid-date', ['asOf']],
    ['ruleSets that is not an object', { ruleSet: 'leeds-2023', asOf: AS_OF, ruleSets: 'x' }, 'invalid-option', ['ruleSets']],
    ['strict that is not a flag', { ruleSet: 'leeds-2023', asOf: AS_OF, strict: 'yes' }, 'invalid-option', ['strict']],
    ['an option that does not exist', { ruleSet: 'leeds-2023', asOf: AS_OF, calender: {} }, 'invalid-option', ['calender']],
  ])('%s', (_, options, code, path) => {
    const e = thrown(() => evaluate(snap, options as never));
    expect(e).toBeInstanceOf(TimescaleError);
    expect(e).toMatchObject({ code, path: expect.arrayContaining(path) });
    expect((e as TimescaleError).path[0]).toBe(path[0]);
  });

  it('no options at all', () => {
    expect(thrown(() => evaluate(snap, undefined as never))).toMatchObject({ code: 'invalid-option' });
    expect(thrown(() => evaluate(snap, null as never))).toMatchObject({ code: 'invalid-option' });
  });

  it('accepts a parsed rule set, a shipped one by object, and a calendar left out', () => {
    expect(evaluate(snap, { ruleSet: ruleSets['leeds-2023']!, asOf: AS_OF }).ruleSet).toBe('leeds-2023');
    expect(evaluate(snap, { ruleSet: ruleSet([cinVisits]), asOf: AS_OF }).ruleSet).toBe('test-set');
  });
});

describe('shipped rule sets and what a report hands out cannot be changed', () => {
  it('a citation changed through one report does not reach the next', () => {
    const snap = snapshot([ev('referral', 'r', '2024-03-04')]);
    const first = evaluate(snap, { ruleSet: 'leeds-2023', asOf: AS_OF });
    const o = first.obligations[0]!;
    const section = o.cite.section;
    expect(() => {
      (o.cite as { section: string }).section = 'Forged';
    }).toThrow(TypeError);
    expect(evaluate(snap, { ruleSet: 'leeds-2023', asOf: AS_OF }).obligations[0]!.cite.section).toBe(section);
  });

  it('the exported rule sets are frozen all the way down', () => {
    const set = getRuleSet('leeds-2023');
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.rules)).toBe(true);
    const recurring = set.rules.find((r) => r.kind === 'recurring')!;
    expect(() => {
      (recurring as { title: string }).title = 'x';
    }).toThrow(TypeError);
    if (recurring.kind === 'recurring') {
      expect(() => {
        (recurring.phases[0]!.interval as Record<string, number>).weeks = 1000;
      }).toThrow(TypeError);
    }
    expect(ruleSets['west-berkshire']).toBe(getRuleSet('west-berkshire'));
    expect(Object.isFrozen(ruleSets['west-berkshire']!.rules[0]!.cite)).toBe(true);
  });
});

describe('date-times: exactly what the engine can honour', () => {
  const withAt = (at: string) => snapshot([ev('section-47-started', 's', '2024-03-04', { at })]);
  it.each(['2024-03-04T10:00:00+15:00', '2024-03-04T10:00:00-14:30', '2024-03-04T10:00:00.0000000000Z', '2024-03-04T10:00:00+14:01'])('refuses %s with a code and the path', (at) => {
    const e = thrown(() => validateSnapshot(withAt(at)));
    expect(e).toBeInstanceOf(SnapshotError);
    expect((e as SnapshotError).problems).toEqual([expect.objectContaining({ code: 'invalid-date-time', path: 'events[0].at' })]);
  });
  it.each(['2024-03-04T10:00:00+14:00', '2024-03-04T10:00:00-12:00', '2024-03-04T10:00:00.123456789Z', '2024-03-04T10:00:00Z'])('accepts %s, and the engine keeps its time', (at) => {
    const deadline = rule({ id: 't.s47', kind: 'deadline', anchor: { type: 'section-47-started' }, due: { hours: 24 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' } });
    const o = of(run([deadline], withAt(at), '2024-03-10'), 't.s47')[0]!;
    expect(o.due).toMatch(/T\d\d:\d\d/);
  });
});

describe('a bad variation never hides a breach', () => {
  const overdue = (variations: unknown[]) => of(run([cinVisits], snapshot([planStart], { variations }), AS_OF), cinVisits.id);
  it.each([
    ['agreed on a mistyped date, before the duty started', { agreedOn: '1924-01-09' }, 'variation-before-episode'],
    ['an absurd interval, past the calendar', { interval: { workingDays: 10000 } }, 'variation-beyond-calendar'],
    ['an interval of nothing', { interval: { workingDays: 0 } }, 'variation-outside-bounds'],
    ['agreed by a role the standard does not name', { agreedBy: ['social-worker'] }, 'variation-not-allowed'],
  ])('%s: refused with a code in the trace of every instance; the standard applies', (_, over, code) => {
    const list = overdue([variation(over)]);
    expect(list.map((o) => o.status)).toEqual(['overdue']);
    expect(list[0]!.due).toBe('2024-02-05');
    expect(list[0]!.trace).toContainEqual(expect.objectContaining({ step: 'variation', code }));
  });

  it('a refusal is named on later instances too, where the breach is', () => {
    const list = of(run([cinVisits], snapshot([planStart, visit('v1', '2024-01-10')], { variations: [variation({ agreedOn: '1924-01-09' })] }), AS_OF), cinVisits.id);
    expect(list.map((o) => o.status)).toEqual(['met', 'overdue']);
    expect(list[1]!.trace).toContainEqual(expect.objectContaining({ code: 'variation-before-episode' }));
  });

  it('a variation within bounds, agreed on the day the duty started, still applies', () => {
    expect(overdue([variation({})]).map((o) => o.due)).toEqual(['2024-01-22']);
  });

  it('an exception recorded before the event it excepts is refused', () => {
    const s47 = rule({ id: 't.s47', kind: 'deadline', anchor: { type: 'section-47-started' }, due: { workingDays: 1 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' }, exception: { anyOf: ['team-manager'] } });
    const exception = { kind: 'exception', id: 'x', ruleId: 't.s47', anchorEventId: 's', earliestDate: '2024-03-20', agreedBy: ['team-manager'], agreedOn: '1924-03-04' };
    const o = of(run([s47], snapshot([ev('section-47-started', 's', '2024-03-04')], { variations: [exception] }), AS_OF), 't.s47')[0]!;
    expect(o.status).toBe('overdue');
    expect(o.trace).toContainEqual(expect.objectContaining({ step: 'exception', code: 'exception-before-anchor' }));
  });

  it('an interval in hours is refused at validation, with its path', () => {
    const e = thrown(() => validateSnapshot(snapshot([planStart], { variations: [variation({ interval: { hours: 48 } })] })));
    expect((e as SnapshotError).problems).toEqual([expect.objectContaining({ code: 'unsupported-interval', path: 'variations[0].interval' })]);
  });
});

describe('nothing echoed, nothing unbounded', () => {
  it('an unknown key in an interval is not repeated; its path is given', () => {
    const e = thrown(() => validateSnapshot(snapshot([planStart], { variations: [variation({ interval: { 'Jane Smith': 5 } })] }))) as SnapshotError;
    expect(e.problems).toContainEqual(expect.objectContaining({ code: 'unrecognised-field', path: 'variations[0].interval' }));
    expect(e.message).not.toContain('Jane');
    expect(JSON.stringify(e.problems)).not.toContain('Jane');
  });

  it('twenty thousand bad events give a short message that says how many more there were', () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ev('referral', `e${i}`, 'soon'));
    const e = thrown(() => validateSnapshot(snapshot(events))) as SnapshotError;
    expect(e.problems).toHaveLength(50);
    expect(e.problems.at(-1)).toMatchObject({ code: 'more-problems' });
    expect(e.problems.at(-1)!.message).toContain('19951 more');
    expect(e.message.length).toBeLessThan(10_000);
  });
});

describe('fields the schema does not know', () => {
  const misplaced = snapshot([ev('placement-started', 'p', '2024-01-08', { placementId: 'pl', kind: 'foster', careLeaver: true, 'Jane Smith': 'x' })]);

  it('are warnings on the report: a known field says where it belongs, an unknown one is not named', () => {
    const r = evaluate(misplaced, { ruleSet: 'england-statutory', asOf: AS_OF });
    expect(r.warnings).toEqual([
      { code: 'unrecognised-field', path: 'events[0].careLeaver', message: expect.stringContaining('child.careLeaver') },
      { code: 'unrecognised-field', path: 'events[0]', message: expect.stringContaining('an unrecognised field') },
    ]);
    expect(JSON.stringify(r.warnings)).not.toContain('Jane');
  });

  it('are errors with strict', () => {
    const e = thrown(() => evaluate(misplaced, { ruleSet: 'england-statutory', asOf: AS_OF, strict: true })) as SnapshotError;
    expect(e).toBeInstanceOf(SnapshotError);
    expect(e.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['unrecognised-field events[0].careLeaver', 'unrecognised-field events[0]']);
    expect(() => validateSnapshot(misplaced, { strict: true })).toThrow(SnapshotError);
  });

  it('a snapshot with only known fields has no warnings', () => {
    expect(checkSnapshot(snapshot([planStart])).warnings).toEqual([]);
    expect(evaluate(snapshot([planStart]), { ruleSet: 'leeds-2023', asOf: AS_OF }).warnings).toEqual([]);
  });
});
