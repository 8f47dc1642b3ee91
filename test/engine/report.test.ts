import { describe, expect, it } from 'vitest';
import { STATUSES, TimescaleError, evaluate, generateSnapshot, parseRuleSet, type Obligation, type ObligationStatus } from '../../src/index.js';
import { CITE, ev, of, one, rule, ruleSet, run, snapshot, summary, visit } from './helpers.js';

const within = (id: string, anchor: string, days: number, extra: Record<string, unknown> = {}) =>
  rule({ id, kind: 'deadline', anchor: { type: anchor }, due: { workingDays: days }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' }, ...extra });

describe('a report with every status', () => {
  const rules = [
    within('t.met', 'referral', 5),
    within('t.met-late', 'decision-to-assess', 1),
    within('t.due', 'strategy-discussion', 10),
    rule({ id: 't.overdue', kind: 'presence', anchor: { type: 'assessment-started' }, satisfiedBy: { events: [{ type: 'genogram-completed' }], evidence: 'genogram' } }),
    rule({ ...within('t.excepted', 'section-47-started', 1), exception: { anyOf: ['team-manager'] } }),
    within('t.not-applicable', 'private-fostering-notified', 5),
    rule({ id: 't.unknown', kind: 'deadline', anchor: { type: 'became-looked-after' }, due: { schoolDays: 20 }, satisfiedBy: { events: [{ type: 'pep-meeting' }], evidence: 'PEP' } }),
  ];
  const snap = snapshot(
    [
      ev('referral', 'ref', '2024-03-04'),
      ev('decision-to-assess', 'dec', '2024-03-04'),
      ev('assessment-started', 'as', '2024-03-04'),
      visit('v1', '2024-03-06'),
      ev('section-47-started', 's47', '2024-03-11'),
      visit('v2', '2024-03-14'),
      ev('became-looked-after', 'la', '2024-03-20'),
      ev('strategy-discussion', 'sd', '2024-04-08'),
    ],
    {
      team: 'team-3',
      worker: 'worker-17',
      variations: [{ kind: 'exception', id: 'x', ruleId: 't.excepted', anchorEventId: 's47', earliestDate: '2024-03-14', agreedBy: ['team-manager'], agreedOn: '2024-03-11' }],
    },
  );
  const report = run(rules, snap, '2024-04-09');

  it('gives each rule its expected status', () => {
    const statuses = Object.fromEntries(rules.map((r) => [r.id, one(report, r.id).status]));
    expect(statuses).toEqual({
      't.met': 'met',
      't.met-late': 'met-late',
      't.due': 'due',
      't.overdue': 'overdue',
      't.excepted': 'excepted',
      't.not-applicable': 'not-applicable',
      't.unknown': 'unknown',
    });
  });

  it('counts by status, lists breaches most serious first, and the next due', () => {
    expect(report.counts).toEqual(Object.fromEntries(STATUSES.map((s) => [s, 1])) as Record<ObligationStatus, number>);
    // In the order of STATUSES, as reports have always serialised them.
    expect(Object.keys(report.counts)).toEqual(STATUSES);
    expect(report.breaches.map((o) => o.ruleId)).toEqual(['t.overdue', 't.met-late']);
    expect(report.nextDue?.ruleId).toBe('t.due');
    expect(report).toMatchObject({ caseId: 'case-T1', subject: 'child', team: 'team-3', worker: 'worker-17', ruleSet: 'test-set', asOf: '2024-04-09', provisionalFrom: null });
  });

  it('names the case id in every explanation, and cites the standard in every one that judges', () => {
    for (const o of report.obligations) {
      expect(o.explanation).toContain('(case case-T1)');
      expect(o.cite).toEqual(CITE);
      if (o.status !== 'not-applicable') expect(o.explanation).toContain('(Test Practice Standards, Visiting Timescales)');
    }
  });

  it('orders breaches by severity, then by how late', () => {
    const r = run(
      [within('t.a', 'referral', 1), within('t.b', 'decision-to-assess', 1), within('t.c', 'assessment-started', 1)],
      snapshot([ev('referral', 'r', '2024-03-04'), ev('decision-to-assess', 'd', '2024-03-11'), visit('v', '2024-03-20'), ev('assessment-started', 'a', '2024-04-01')]),
      '2024-04-09',
    );
    // t.a met late (due 5 March, visit 20 March); t.b met late by less; t.c overdue.
    expect(r.breaches.map((o) => `${o.ruleId} ${o.status}`)).toEqual(['t.c overdue', 't.a met-late', 't.b met-late']);
  });
});

describe('breaches on generated caseloads', () => {
  // Overdue first, then met late; each the latest first, in report order on a tie: what the
  // general (stable) sort gives, for short lists and long ones alike.
  const expected = (obligations: readonly Obligation[], status: ObligationStatus) =>
    obligations.filter((o) => o.status === status).sort((a, b) => (b.lateness?.calendarDays ?? 0) - (a.lateness?.calendarDays ?? 0));

  it('are ordered by status, then by how late, then as the report lists them', () => {
    let short = 0;
    let long = 0;
    let ties = 0;
    for (let i = 0; i < 300; i++) {
      const r = evaluate(generateSnapshot(20240409, i, '2024-04-09'), { ruleSet: 'leeds-2023', asOf: '2024-04-09' });
      const overdue = expected(r.obligations, 'overdue');
      const metLate = expected(r.obligations, 'met-late');
      expect(r.breaches).toEqual([...overdue, ...metLate]);
      for (const list of [overdue, metLate]) {
        if (list.length > 16) long++;
        else if (list.length > 1) short++;
        for (let k = 1; k < list.length; k++) if (list[k]!.lateness?.calendarDays === list[k - 1]!.lateness?.calendarDays) ties++;
      }
    }
    // Both ways of sorting are exercised, and ties among them.
    expect(short).toBeGreaterThan(50);
    expect(long).toBeGreaterThan(5);
    expect(ties).toBeGreaterThan(20);
  });
});

describe('explanations keep personal values out', () => {
  const SECRET = 'Zanzibar-Quince-4471';

  it('never echo a free-text reason, a date of birth or anything but ids, dates and the standard', () => {
    const cin = rule({
      id: 't.cin',
      kind: 'recurring',
      episode: { start: { type: 'child-in-need-plan-started' } },
      phases: [{ interval: { workingDays: 20 } }],
      satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
      variation: [{ anyOf: ['team-manager'] }],
    });
    const s47 = rule({ ...within('t.s47', 'section-47-started', 1), exception: { anyOf: ['team-manager'] } });
    const r = run(
      [cin, s47],
      snapshot([ev('child-in-need-plan-started', 'p', '2024-01-08'), ev('section-47-started', 's', '2024-03-04')], {
        child: { dateOfBirth: '2011-07-23' },
        variations: [
          { kind: 'interval', id: 'v1', ruleId: 't.cin', interval: { workingDays: 10 }, agreedBy: ['team-manager'], agreedOn: '2024-01-08', reason: SECRET },
          { kind: 'interval', id: 'v2', ruleId: 't.cin', interval: { workingDays: 10 }, agreedBy: ['social-worker'], agreedOn: '2024-01-09', reason: SECRET },
          { kind: 'exception', id: 'x1', ruleId: 't.s47', anchorEventId: 's', earliestDate: '2024-03-07', agreedBy: ['team-manager'], agreedOn: '2024-03-04', reason: SECRET },
        ],
      }),
      '2024-04-09',
    );
    expect(r.breaches.length).toBeGreaterThan(0);
    const text = JSON.stringify(r);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('2011-07-23');
  });
});

describe('trace', () => {
  it('walks from the anchor to the due date to the matching event, with dates and event ids', () => {
    const o = one(run([within('t.v', 'referral', 5)], snapshot([ev('referral', 'r', '2024-03-04'), visit('v', '2024-03-06')]), '2024-04-09'), 't.v');
    expect(o.trace).toEqual([
      { step: 'anchor', detail: 'Clock starts at the referral.', date: '2024-03-04', eventId: 'r' },
      { step: 'due', detail: '5 working days from the referral.', date: '2024-03-11' },
      { step: 'satisfied', detail: 'visit recorded.', date: '2024-03-06', eventId: 'v' },
    ]);
  });

  it('says when nothing was recorded', () => {
    const o = one(run([within('t.v', 'referral', 5)], snapshot([ev('referral', 'r', '2024-03-04')]), '2024-04-09'), 't.v');
    expect(o.trace.at(-1)).toEqual({ step: 'none', detail: 'No visit recorded up to 2024-04-09.' });
  });
});

describe('escalation', () => {
  const escalating = within('t.esc', 'referral', 5, { escalateTo: 'supervisor' });

  it('names who to alert in a breach, and only in a breach', () => {
    const overdue = one(run([escalating], snapshot([ev('referral', 'r', '2024-03-04')]), '2024-04-09'), 't.esc');
    expect(overdue.explanation.endsWith(' Alert the supervisor.')).toBe(true);
    expect(overdue.escalateTo).toBe('supervisor');
    const met = one(run([escalating], snapshot([ev('referral', 'r', '2024-03-04'), visit('v', '2024-03-05')]), '2024-04-09'), 't.esc');
    expect(met.explanation).not.toContain('Alert');
  });
});

describe('provisional due dates', () => {
  it('marks a due date that depends on projected bank holidays', () => {
    const r = run([rule({ id: 't.age', kind: 'deadline', anchor: { age: { years: 16 } }, due: { workingDays: 10 }, satisfiedBy: { events: [{ type: 'pathway-plan-review' }], evidence: 'plan' } })], snapshot([]), '2024-04-09');
    const o = one(r, 't.age');
    expect(o.due! >= '2031-06-01').toBe(true);
    expect(o.provisional).toBe(true);
    expect(r.provisionalFrom).not.toBeNull();
    expect(o.due! >= r.provisionalFrom!).toBe(true);
    const now = run([within('t.v', 'referral', 5)], snapshot([ev('referral', 'r', '2024-03-04')]), '2024-04-09');
    expect(one(now, 't.v').provisional).toBe(false);
  });
});

describe('rules and rule sets in force', () => {
  const base = parseRuleSet({ id: 'base-set', title: 'Base', authority: 'Nation', source: 'statute', inForce: { from: '2000-01-01' }, rules: [within('b.visit', 'referral', 5)] });
  const local = (inForce: Record<string, string>, rules = [within('l.visit', 'referral', 3)]) =>
    parseRuleSet({ id: 'local-set', title: 'Local', authority: 'Council', source: 'local', inForce, extends: 'base-set', rules });
  const snap = snapshot([ev('referral', 'r', '2024-03-04')]);
  const ids = (set: ReturnType<typeof local>, asOf: string) => evaluate(snap, { ruleSet: set, ruleSets: { 'base-set': base }, asOf }).obligations.map((o) => `${o.ruleSet}:${o.ruleId}`);

  it('uses a set and the sets it extends, each obligation naming the set its rule comes from', () => {
    expect(ids(local({ from: '2024-01-01' }), '2024-04-09')).toEqual(['base-set:b.visit', 'local-set:l.visit']);
  });

  it('a set not yet in force contributes nothing; the set it extends still does', () => {
    const set = local({ from: '2024-06-01' });
    expect(ids(set, '2024-04-09')).toEqual(['base-set:b.visit']);
    expect(ids(set, '2024-06-01')).toEqual(['base-set:b.visit', 'local-set:l.visit']);
    expect(evaluate(snap, { ruleSet: set, ruleSets: { 'base-set': base }, asOf: '2024-04-09' }).ruleSet).toBe('local-set');
  });

  it('a set no longer in force contributes nothing', () => {
    expect(ids(local({ from: '2020-01-01', to: '2023-12-31' }), '2024-04-09')).toEqual(['base-set:b.visit']);
    expect(ids(local({ from: '2020-01-01', to: '2023-12-31' }), '2023-12-31')).toEqual(['base-set:b.visit', 'local-set:l.visit']);
  });

  it('a rule not in force on the as-of date gives no obligation at all', () => {
    const set = local({ from: '2000-01-01' }, [within('l.new', 'referral', 3, { inForce: { from: '2024-05-01' } }), within('l.old', 'referral', 3, { inForce: { from: '2000-01-01', to: '2024-03-31' } })]);
    expect(ids(set, '2024-04-09')).toEqual(['base-set:b.visit']);
    expect(ids(set, '2024-03-31')).toEqual(['base-set:b.visit', 'local-set:l.old']);
    expect(ids(set, '2024-05-01')).toEqual(['base-set:b.visit', 'local-set:l.new']);
  });

  it('follows a chain of three sets', () => {
    const top = parseRuleSet({ id: 'team-set', title: 'Team', authority: 'Team', source: 'team', inForce: { from: '2000-01-01' }, extends: 'local-set', rules: [within('t.visit', 'referral', 1)] });
    const r = evaluate(snap, { ruleSet: top, ruleSets: { 'base-set': base, 'local-set': local({ from: '2000-01-01' }) }, asOf: '2024-04-09' });
    expect(r.obligations.map((o) => o.ruleId)).toEqual(['b.visit', 'l.visit', 't.visit']);
  });

  it('refuses a set that extends itself', () => {
    const loop = parseRuleSet({ id: 'loop-a', title: 'A', authority: 'A', source: 'a', inForce: { from: '2000-01-01' }, extends: 'loop-b', rules: [] });
    const other = parseRuleSet({ id: 'loop-b', title: 'B', authority: 'B', source: 'b', inForce: { from: '2000-01-01' }, extends: 'loop-a', rules: [] });
    expect(() => evaluate(snap, { ruleSet: loop, ruleSets: { 'loop-a': loop, 'loop-b': other }, asOf: '2024-04-09' })).toThrow(expect.objectContaining({ code: 'invalid-rule-set' }));
  });
});

describe('rules measuring the same duty (measures)', () => {
  const base = parseRuleSet({
    id: 'base-set',
    title: 'Base',
    authority: 'Nation',
    source: 'statute',
    inForce: { from: '2000-01-01' },
    rules: [within('b.visit', 'referral', 5, { measures: 'visit-after-referral' })],
  });
  const local = (days: number) =>
    parseRuleSet({ id: 'local-set', title: 'Local', authority: 'Council', source: 'local', inForce: { from: '2000-01-01' }, extends: 'base-set', rules: [within('l.visit', 'referral', days, { measures: 'visit-after-referral' })] });
  const evaluateWith = (days: number, events = [ev('referral', 'r', '2024-03-04')]) => evaluate(snapshot(events), { ruleSet: local(days), ruleSets: { 'base-set': base }, asOf: '2024-04-09' });

  it('reports both; the stricter (earlier due) decides, and each explanation says which', () => {
    const r = evaluateWith(3);
    const l = one(r, 'l.visit');
    const b = one(r, 'b.visit');
    expect(l.comparison).toEqual({ measures: 'visit-after-referral', decides: true, others: [{ ruleId: 'b.visit', due: '2024-03-11', status: 'overdue' }] });
    expect(b.comparison?.decides).toBe(false);
    expect(l.explanation).toContain('This is the stricter of the rules measuring this duty (also b.visit, due 2024-03-11), so it decides the status.');
    expect(b.explanation).toContain('The stricter rule l.visit (due 2024-03-07) decides the status.');
  });

  it('lets the national rule decide where it is stricter', () => {
    const r = evaluateWith(10, [ev('referral', 'r', '2024-03-04'), visit('v', '2024-03-12')]);
    expect(one(r, 'b.visit').comparison?.decides).toBe(true);
    expect(one(r, 'b.visit').status).toBe('met-late');
    expect(one(r, 'l.visit').status).toBe('met');
  });

  it('lets the local rule decide a tie', () => {
    const r = evaluateWith(5);
    expect(one(r, 'l.visit').comparison?.decides).toBe(true);
    expect(one(r, 'b.visit').comparison?.decides).toBe(false);
  });

  it('compares nothing when only one rule has an instance', () => {
    const r = evaluateWith(5, []);
    expect(r.obligations.every((o) => o.comparison === undefined)).toBe(true);
  });
});

describe('worker snapshots (supervision)', () => {
  const nqsw = rule({
    id: 't.nqsw-supervision',
    area: 'supervision',
    subject: 'worker',
    kind: 'recurring',
    appliesWhen: { facts: { role: 'newly-qualified-social-worker' } },
    episode: { start: { type: 'started-in-role' } },
    phases: [{ interval: { weeks: 1 } }, { from: { after: { weeks: 6 } }, interval: { months: 1 } }],
    satisfiedBy: { events: [{ type: 'supervision-session' }], evidence: 'supervision session' },
  });
  const returning = rule({
    id: 't.returning-supervision',
    area: 'supervision',
    subject: 'worker',
    kind: 'recurring',
    episode: { start: { type: 'support-period-started' }, end: [{ type: 'support-period-ended' }], key: 'periodId' },
    phases: [{ interval: { weeks: 2 } }],
    satisfiedBy: { events: [{ type: 'supervision-session' }], evidence: 'supervision session' },
  });
  const childRule = within('t.child', 'referral', 5);
  const worker = (role: string, extra: Record<string, unknown> = {}) => ({
    workerId: 'worker-7',
    team: 'team-2',
    role,
    startedOn: '2024-03-04',
    events: [{ type: 'supervision-session', id: 's1', date: '2024-03-08' }],
    ...extra,
  });

  it('is evaluated with worker rules only, from the start in role', () => {
    const r = run([nqsw, childRule], worker('newly-qualified-social-worker'), '2024-03-20');
    expect(r.subject).toBe('worker');
    expect(r.caseId).toBe('worker-7');
    expect(summary(r, nqsw.id)).toEqual(['met 2024-03-11 by s1', 'overdue 2024-03-15']);
    expect(of(r, childRule.id)).toEqual([]);
  });

  it('applies role conditions to the worker', () => {
    const o = one(run([nqsw], worker('social-worker'), '2024-03-20'), nqsw.id);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('role is not newly-qualified-social-worker');
  });

  it('turns returning-to-work periods into episodes', () => {
    const r = run([returning], worker('social-worker', { periods: [{ kind: 'returning-to-work', start: '2024-03-01', end: '2024-04-30' }] }), '2024-03-25');
    // From 1 March, 2 weeks: 15 March (met by the 8 March session); from 8 March: 22 March.
    expect(summary(r, returning.id)).toEqual(['met 2024-03-15 by s1', 'overdue 2024-03-22']);
  });
});

describe('options', () => {
  it('needs asOf: the engine never reads the clock', () => {
    expect(() => evaluate(snapshot([]), { ruleSet: ruleSet([]) } as never)).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['asOf'] }));
  });

  it('refuses an asOf outside the calendar', () => {
    expect(() => run([], snapshot([]), '1999-12-31')).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
  });

  it('evaluates the shipped rule sets by id', () => {
    for (const id of ['england-statutory', 'leeds-2023', 'west-berkshire']) {
      const r = evaluate(snapshot([ev('referral', 'r', '2024-03-04')]), { ruleSet: id, asOf: '2024-04-09' });
      expect(r.ruleSet).toBe(id);
    }
  });

  it('throws a TimescaleError for an unknown rule set', () => {
    expect(() => evaluate(snapshot([]), { ruleSet: 'atlantis-2099', asOf: '2024-04-09' })).toThrow(TimescaleError);
  });
});
