import { describe, expect, it } from 'vitest';
import { ev, of, one, rule, run, snapshot, summary, visit } from './helpers.js';

const cinVisits = rule({
  id: 't.cin-visits',
  kind: 'recurring',
  requirement: 'a child in need must be visited at least every 20 working days',
  cite: { document: 'Leeds Practice Standards 2023', section: 'Visiting Timescales at a Glance', quote: 'At least every 20 working days' },
  episode: { start: { type: 'child-in-need-plan-started' }, end: [{ type: 'child-in-need-plan-ended' }] },
  phases: [{ interval: { workingDays: 20 } }],
  satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  variation: [{ anyOf: ['team-manager'], max: { workingDays: 20 } }],
});
const planStart = ev('child-in-need-plan-started', 'cin', '2024-01-08');

describe('a recurring interval counted from the last visit', () => {
  // From Monday 8 January, 20 working days is 5 February; from 10 January, 7 February; from
  // 7 February, 6 March; from 4 March (over Easter), 3 April.
  const visits = [visit('v1', '2024-01-10'), visit('v2', '2024-02-07'), visit('v3', '2024-03-04')];

  it('gives one instance per interval, each due 20 working days after the last visit', () => {
    const r = run([cinVisits], snapshot([planStart, ...visits]), '2024-04-09');
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1', 'met 2024-02-07 by v2', 'met 2024-03-06 by v3', 'overdue 2024-04-03']);
    expect(of(r, cinVisits.id).map((o) => o.instance)).toEqual([0, 1, 2, 3]);
    expect(of(r, cinVisits.id)[3]!.anchor).toEqual({ eventId: 'v3', date: '2024-03-04', label: 'last visit' });
  });

  it('explains the breach as the standard example does', () => {
    const o = of(run([cinVisits], snapshot([planStart, ...visits]), '2024-04-09'), cinVisits.id)[3]!;
    expect(o.lateness).toEqual({ workingDays: 4, calendarDays: 6 });
    expect(o.explanation).toBe(
      'Overdue by 4 working days (case case-T1): a child in need must be visited at least every 20 working days (Leeds Practice Standards 2023, Visiting Timescales at a Glance). The last visit was on 2024-03-04, so the next was due by 2024-04-03; none is recorded up to 2024-04-09.',
    );
  });

  it('is due, not overdue, while the as-of date is on or before the due date', () => {
    const r = run([cinVisits], snapshot([planStart, ...visits]), '2024-04-03');
    expect(summary(r, cinVisits.id).at(-1)).toBe('due 2024-04-03');
    expect(r.nextDue?.due).toBe('2024-04-03');
  });

  it('counts a late visit as met late and restarts the clock from it', () => {
    const r = run([cinVisits], snapshot([planStart, visit('v1', '2024-02-06')]), '2024-02-07');
    // From 6 February: 5 March.
    expect(summary(r, cinVisits.id)).toEqual(['met-late 2024-02-05 by v1', 'due 2024-03-05']);
    expect(of(r, cinVisits.id)[0]!.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
  });

  it('counts two visits on one day once, and never a visit where the child was not seen', () => {
    const r = run([cinVisits], snapshot([planStart, visit('v1', '2024-01-10'), visit('v1b', '2024-01-10'), visit('v2', '2024-02-01', { childSeen: false })]), '2024-02-07');
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1', 'due 2024-02-07']);
  });

  it('counts the visit on the day the plan starts', () => {
    expect(summary(run([cinVisits], snapshot([planStart, visit('v0', '2024-01-08')]), '2024-01-09'), cinVisits.id)).toEqual(['met 2024-02-05 by v0', 'due 2024-02-05']);
  });

  it('stops at the end of the episode: no instance falls due after it', () => {
    const r = run([cinVisits], snapshot([planStart, visit('v1', '2024-01-10'), ev('child-in-need-plan-ended', 'end', '2024-02-01')]), '2024-04-09');
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1']);
  });

  it('keeps a breach that fell due before the end, measured to the end, and ignores visits after it', () => {
    const r = run([cinVisits], snapshot([planStart, ev('child-in-need-plan-ended', 'end', '2024-02-20'), visit('v1', '2024-02-21')]), '2024-04-09');
    const o = one(r, cinVisits.id);
    expect(o.status).toBe('overdue');
    // 5 to 20 February: 11 working days, 15 calendar days.
    expect(o.lateness).toEqual({ workingDays: 11, calendarDays: 15 });
    expect(o.explanation).toContain('none was recorded before the end of the child in need plan on 2024-02-20');
  });

  it('starts a new episode after the plan ends, with visits before it not counting', () => {
    const r = run(
      [cinVisits],
      snapshot([planStart, visit('v1', '2024-01-10'), ev('child-in-need-plan-ended', 'end', '2024-01-20'), ev('child-in-need-plan-started', 'cin2', '2024-03-04')]),
      '2024-04-09',
    );
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1', 'overdue 2024-04-03']);
  });

  it('closes an episode that ends on the day it starts (no false breach)', () => {
    const r = run([cinVisits], snapshot([planStart, ev('child-in-need-plan-ended', 'end', '2024-01-08')]), '2024-04-09');
    expect(one(r, cinVisits.id).status).toBe('not-applicable');
    expect(r.breaches).toEqual([]);
  });

  it('keeps a plan that ends and restarts on the same day open', () => {
    const r = run(
      [cinVisits],
      snapshot([planStart, visit('v1', '2024-01-10'), ev('child-in-need-plan-ended', 'end', '2024-02-01'), ev('child-in-need-plan-started', 'cin2', '2024-02-01')]),
      '2024-04-09',
    );
    // The second plan's clock starts on 1 February: 29 February.
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1', 'overdue 2024-02-29']);
  });

  it('is one not-applicable obligation when no episode has started', () => {
    const o = one(run([cinVisits], snapshot([visit('v1', '2024-01-10')]), '2024-04-09'), cinVisits.id);
    expect(o.status).toBe('not-applicable');
    expect(o.instance).toBe(0);
  });
});

describe('phases', () => {
  const base = {
    kind: 'recurring',
    episode: { start: { type: 'placement-started' } },
    satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  };
  const placed = (fields: Record<string, unknown> = {}) => ev('placement-started', 'p', '2024-01-01', { placementId: 'p1', kind: 'foster', ...fields });
  // The first visit (9 February) restarts the clock inside the first phase; the second (1 March)
  // after the phase boundary of 26 February.
  const twoVisits = [visit('v1', '2024-02-09'), visit('v2', '2024-03-01')];

  it('`after`: the interval is the phase in force on the day the clock restarted', () => {
    const r1 = rule({
      ...base,
      id: 't.after',
      phases: [{ interval: { weeks: 6 }, label: 'First eight weeks' }, { from: { after: { weeks: 8 } }, interval: { months: 3 }, label: 'After eight weeks' }],
    });
    const r = run([r1], snapshot([placed(), ...twoVisits]), '2024-04-09');
    // 6 weeks from 9 February is 22 March, although the longer phase began on 26 February.
    expect(summary(r, r1.id)).toEqual(['met 2024-02-12 by v1', 'met 2024-03-22 by v2', 'due 2024-06-01']);
    expect(of(r, r1.id)[2]!.trace.find((t) => t.step === 'phase')?.detail).toBe('After eight weeks: every 3 months.');
    expect(of(r, r1.id)[1]!.trace.find((t) => t.step === 'phase')?.detail).toBe('First eight weeks: every 6 weeks.');
  });

  it('`event`: weekly until the first review, then 6-weekly', () => {
    const r1 = rule({
      ...base,
      id: 't.event',
      episode: { start: { type: 'became-looked-after' } },
      phases: [{ interval: { weeks: 1 } }, { from: { event: { type: 'looked-after-review' } }, interval: { weeks: 6 } }],
    });
    const events = [ev('became-looked-after', 'la', '2024-01-08'), visit('v1', '2024-01-12'), visit('v2', '2024-01-19')];
    const reviewed = run([r1], snapshot([...events, ev('looked-after-review', 'rv', '2024-01-19'), ev('looked-after-review', 'rv2', '2024-02-10')]), '2024-02-20');
    expect(summary(reviewed, r1.id)).toEqual(['met 2024-01-15 by v1', 'met 2024-01-19 by v2', 'due 2024-03-01']);
    expect(summary(run([r1], snapshot(events), '2024-02-20'), r1.id)).toEqual(['met 2024-01-15 by v1', 'met 2024-01-19 by v2', 'overdue 2024-01-26']);
  });

  it('`allOf`: the later of the first year (here 8 weeks) and permanence agreed', () => {
    const r1 = rule({
      ...base,
      id: 't.all-of',
      phases: [{ interval: { weeks: 6 } }, { from: { allOf: [{ after: { weeks: 8 } }, { event: { type: 'permanence-agreed' } }] }, interval: { months: 3 } }],
    });
    const agreed = (date: string) => ev('permanence-agreed', 'perm', date, { placementId: 'p1' });
    expect(summary(run([r1], snapshot([placed(), agreed('2024-01-20'), ...twoVisits]), '2024-04-09'), r1.id).at(-1)).toBe('due 2024-06-01');
    expect(summary(run([r1], snapshot([placed(), ...twoVisits]), '2024-04-09'), r1.id).at(-1)).toBe('due 2024-04-12');
    // Agreed after the last visit: the running clock keeps the 6 weeks.
    expect(summary(run([r1], snapshot([placed(), agreed('2024-03-05'), ...twoVisits]), '2024-04-09'), r1.id).at(-1)).toBe('due 2024-04-12');
  });

  it('`whenStart`: a phase only for episodes whose start has the fields', () => {
    const r1 = rule({
      ...base,
      id: 't.when-start',
      phases: [{ interval: { weeks: 6 } }, { from: { after: { weeks: 8 } }, interval: { months: 3 }, whenStart: { intendedUntil18: true } }],
    });
    expect(summary(run([r1], snapshot([placed({ intendedUntil18: true }), ...twoVisits]), '2024-04-09'), r1.id).at(-1)).toBe('due 2024-06-01');
    expect(summary(run([r1], snapshot([placed(), ...twoVisits]), '2024-04-09'), r1.id).at(-1)).toBe('due 2024-04-12');
  });

  it('`whenStart` on every phase: an episode no phase is for has no duty', () => {
    const r1 = rule({
      ...base,
      id: 't.by-kind',
      phases: [{ interval: { weeks: 6 }, whenStart: { kind: 'foster' } }, { interval: { weeks: 2 }, whenStart: { kind: 'residential' } }],
    });
    expect(one(run([r1], snapshot([placed({ kind: 'other' })]), '2024-04-09'), r1.id).status).toBe('not-applicable');
    expect(summary(run([r1], snapshot([placed({ kind: 'residential' })]), '2024-01-10'), r1.id)).toEqual(['due 2024-01-15']);
    expect(summary(run([r1], snapshot([placed()]), '2024-01-10'), r1.id)).toEqual(['due 2024-02-12']);
  });

  it('`first`: the first due date has its own timescale', () => {
    const r1 = rule({ ...base, id: 't.first', first: { days: 7 }, phases: [{ interval: { weeks: 6 } }] });
    expect(summary(run([r1], snapshot([placed(), visit('v1', '2024-01-05')]), '2024-01-10'), r1.id)).toEqual(['met 2024-01-08 by v1', 'due 2024-02-16']);
  });
});

describe('interval variations', () => {
  const variation = (over: Record<string, unknown> = {}) => ({
    kind: 'interval',
    id: 'va',
    ruleId: 't.cin-visits',
    interval: { workingDays: 10 },
    agreedBy: ['team-manager'],
    agreedOn: '2024-01-08',
    reason: 'Set in the child in need plan.',
    ...over,
  });
  const withVariations = (variations: unknown[], asOf = '2024-01-09', events = [planStart], rules = [cinVisits]) => run(rules, snapshot(events, { variations }), asOf);

  it('applies one agreed by the role named and within bounds (10 working days: 22 January)', () => {
    const r = withVariations([variation()]);
    expect(summary(r, cinVisits.id)).toEqual(['due 2024-01-22']);
    const trace = of(r, cinVisits.id)[0]!.trace;
    expect(trace[0]).toEqual({ step: 'variation', detail: 'Variation va applied: 10 working days from 2024-01-08, agreed by team manager.', date: '2024-01-08' });
  });

  it('refuses one agreed by another role, and says why in the trace; the standard applies', () => {
    const r = withVariations([variation({ agreedBy: ['social-worker'] })]);
    expect(summary(r, cinVisits.id)).toEqual(['due 2024-02-05']);
    expect(of(r, cinVisits.id)[0]!.trace[0]!.detail).toBe(
      'Variation va (10 working days, agreed by social worker) was not applied: the standard allows up to 20 working days agreed by team manager. The standard timescale applies.',
    );
  });

  it('refuses one beyond the bounds (longer than the maximum, shorter than the minimum)', () => {
    expect(summary(withVariations([variation({ interval: { workingDays: 30 } })]), cinVisits.id)).toEqual(['due 2024-02-05']);
    const withMin = rule({ ...cinVisits, variation: [{ anyOf: ['team-manager'], min: { workingDays: 5 } }] });
    expect(summary(withVariations([variation({ interval: { workingDays: 2 } })], '2024-01-09', [planStart], [withMin]), cinVisits.id)).toEqual(['due 2024-02-05']);
    expect(summary(withVariations([variation({ interval: { workingDays: 5 } })], '2024-01-09', [planStart], [withMin]), cinVisits.id)).toEqual(['due 2024-01-15']);
  });

  it('with allOf, needs every role named to have agreed', () => {
    const together = rule({ ...cinVisits, variation: [{ allOf: ['social-worker', 'team-manager', 'independent-reviewing-officer'], max: { months: 3 } }] });
    const all = variation({ interval: { months: 3 }, agreedBy: ['social-worker', 'team-manager', 'independent-reviewing-officer'] });
    expect(summary(withVariations([all], '2024-01-09', [planStart], [together]), cinVisits.id)).toEqual(['due 2024-04-08']);
    const r = withVariations([variation({ interval: { months: 3 }, agreedBy: ['social-worker', 'team-manager'] })], '2024-01-09', [planStart], [together]);
    expect(summary(r, cinVisits.id)).toEqual(['due 2024-02-05']);
    expect(of(r, cinVisits.id)[0]!.trace[0]!.detail).toContain('agreed by social worker, team manager, independent reviewing officer together');
  });

  it('refuses any variation where the rule allows none', () => {
    const strict = rule({ ...cinVisits, variation: undefined });
    const r = withVariations([variation()], '2024-01-09', [planStart], [strict]);
    expect(summary(r, cinVisits.id)).toEqual(['due 2024-02-05']);
    expect(of(r, cinVisits.id)[0]!.trace[0]!.detail).toContain('the standard allows no variation of this timescale');
  });

  it('applies only between from and until; after, the standard interval again', () => {
    const r = withVariations([variation({ until: '2024-01-31' })], '2024-03-01', [planStart, visit('v1', '2024-01-22'), visit('v2', '2024-02-05')]);
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-01-22 by v1', 'met 2024-02-05 by v2', 'due 2024-03-04']);
  });

  it('is ignored until the day it was agreed', () => {
    expect(summary(withVariations([variation({ agreedOn: '2024-01-10' })], '2024-01-09'), cinVisits.id)).toEqual(['due 2024-02-05']);
  });

  it('never applies before it was agreed, even with an earlier `from`', () => {
    // Agreed on 5 February from 8 January: the clock that started on 8 January keeps 20 days.
    const r = withVariations([variation({ agreedOn: '2024-02-05', from: '2024-01-08' })], '2024-02-06', [planStart, visit('v1', '2024-02-05')]);
    // From 5 February, 10 working days: 19 February.
    expect(summary(r, cinVisits.id)).toEqual(['met 2024-02-05 by v1', 'due 2024-02-19']);
  });

  it('where two overlap, the later agreement wins whatever their order in the list', () => {
    // The first clock (8 January) has only the earlier, 15 working days: 29 January. The clock
    // restarts on 10 January, where both apply: the later's 5 working days, 17 January.
    const earlier = variation({ id: 'vb', interval: { workingDays: 15 }, agreedOn: '2024-01-08' });
    const later = variation({ id: 'vc', interval: { workingDays: 5 }, agreedOn: '2024-01-09' });
    const events = [planStart, visit('v1', '2024-01-10')];
    expect(summary(withVariations([earlier, later], '2024-01-11', events), cinVisits.id)).toEqual(['met 2024-01-29 by v1', 'due 2024-01-17']);
    expect(summary(withVariations([later, earlier], '2024-01-11', events), cinVisits.id)).toEqual(['met 2024-01-29 by v1', 'due 2024-01-17']);
  });

  it('for another rule id is ignored', () => {
    expect(summary(withVariations([variation({ ruleId: 't.other' })]), cinVisits.id)).toEqual(['due 2024-02-05']);
  });
});

describe('keyed episodes: placements side by side', () => {
  const placementVisits = rule({
    id: 't.placement-visits',
    kind: 'recurring',
    episode: { start: { type: 'placement-started' }, end: [{ type: 'placement-ended' }], key: 'placementId' },
    phases: [{ interval: { weeks: 6 } }],
    satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  });

  it('runs a clock per placement; a visit naming one placement counts only for it, one naming none for both', () => {
    const r = run(
      [placementVisits],
      snapshot([
        ev('placement-started', 'home', '2024-01-01', { placementId: 'p1', kind: 'foster' }),
        ev('placement-started', 'breaks', '2024-01-15', { placementId: 'p2', kind: 'short-break-series', shortBreakHoursPerYear: 80 }),
        visit('va', '2024-02-01', { placementId: 'p1' }),
        visit('vb', '2024-02-20', { placementId: 'p2' }),
        visit('vc', '2024-03-01'),
        ev('placement-ended', 'breaks-end', '2024-03-10', { placementId: 'p2' }),
      ]),
      '2024-04-09',
    );
    expect(summary(r, placementVisits.id)).toEqual(['met 2024-02-12 by va', 'met 2024-03-14 by vc', 'due 2024-04-12', 'met 2024-02-26 by vb', 'met 2024-04-02 by vc']);
  });

  it('ends each placement by its own end event only', () => {
    const r = run(
      [placementVisits],
      snapshot([
        ev('placement-started', 'a', '2024-01-01', { placementId: 'p1', kind: 'foster' }),
        ev('placement-started', 'b', '2024-01-02', { placementId: 'p2', kind: 'residential-school' }),
        ev('placement-ended', 'a-end', '2024-01-20', { placementId: 'p1' }),
      ]),
      '2024-04-09',
    );
    expect(summary(r, placementVisits.id)).toEqual(['overdue 2024-02-13']);
    expect(one(r, placementVisits.id).anchor?.eventId).toBe('b');
  });

  it('closes a placement that ended on the day it began', () => {
    const r = run(
      [placementVisits],
      snapshot([ev('placement-started', 'a', '2024-01-01', { placementId: 'p1', kind: 'foster' }), ev('placement-ended', 'a-end', '2024-01-01', { placementId: 'p1' })]),
      '2024-04-09',
    );
    expect(r.breaches).toEqual([]);
  });
});

describe('selectors: where and during', () => {
  const decision = rule({
    id: 't.during',
    kind: 'deadline',
    anchor: { type: 'decision-to-assess' },
    due: { workingDays: 5 },
    satisfiedBy: {
      events: [
        { type: 'visit', where: { mode: 'in-person' } },
        { type: 'visit', where: { mode: 'video' }, during: [{ from: '2020-03-26', to: '2020-09-25' }] },
      ],
      evidence: 'visit',
    },
  });

  it('counts a video visit only while the coronavirus regulations allowed it', () => {
    // Wednesday 1 April 2020 + 5 working days (Good Friday 10 April is later): 8 April.
    const in2020 = run([decision], snapshot([ev('decision-to-assess', 'd', '2020-04-01'), visit('v', '2020-04-03', { mode: 'video' })]), '2020-05-01');
    expect(summary(in2020, decision.id)).toEqual(['met 2020-04-08 by v']);
    const in2024 = run([decision], snapshot([ev('decision-to-assess', 'd', '2024-03-04'), visit('v', '2024-03-05', { mode: 'video' })]), '2024-03-12');
    expect(summary(in2024, decision.id)).toEqual(['overdue 2024-03-11']);
    const phone = run([decision], snapshot([ev('decision-to-assess', 'd', '2020-04-01'), visit('v', '2020-04-03', { mode: 'phone' })]), '2020-05-01');
    expect(summary(phone, decision.id)).toEqual(['overdue 2020-04-08']);
  });
});

describe('episodes started by an age', () => {
  const careLeaverVisits = rule({
    id: 't.care-leaver-visits',
    kind: 'recurring',
    appliesWhen: { facts: { careLeaver: true } },
    episode: { start: { age: { years: 18 } }, end: [{ age: { years: 25 } }] },
    phases: [{ interval: { weeks: 8 } }],
    satisfiedBy: { events: [{ type: 'visit', where: { by: 'personal-adviser' } }], evidence: 'visit by the personal adviser' },
  });
  const leaver = (dateOfBirth: string) => ({ child: { dateOfBirth, careLeaver: true } });

  it('starts at the 18th birthday and counts visits by the personal adviser only', () => {
    // 18 on 10 March 2023: due 5 May 2023; the adviser's visit on 2 May restarts the clock to 27 June.
    const r = run([careLeaverVisits], snapshot([visit('sw', '2023-04-01'), visit('pa', '2023-05-02', { by: 'personal-adviser' })], leaver('2005-03-10')), '2023-06-01');
    expect(summary(r, careLeaverVisits.id)).toEqual(['met 2023-05-05 by pa', 'due 2023-06-27']);
    expect(of(r, careLeaverVisits.id)[0]!.anchor).toEqual({ eventId: null, date: '2023-03-10', label: 'age of 18 years' });
  });

  it('ends at 25, an age closing what an age opened', () => {
    // 18 on 10 March 2017, 25 on 10 March 2024: the clock from the visit on 1 February 2024
    // would run to 28 March, after the duty ended.
    const r = run([careLeaverVisits], snapshot([visit('pa', '2024-02-01', { by: 'personal-adviser' })], leaver('1999-03-10')), '2024-06-01');
    expect(summary(r, careLeaverVisits.id)).toEqual(['met-late 2017-05-05 by pa']);
    const never = one(run([careLeaverVisits], snapshot([], leaver('1999-03-10')), '2024-06-01'), careLeaverVisits.id);
    expect(never.status).toBe('overdue');
    expect(never.explanation).toContain('none was recorded before the age of 25 years on 2024-03-10');
  });

  it('has not started for a younger child', () => {
    const o = one(run([careLeaverVisits], snapshot([], leaver('2010-01-01')), '2024-04-09'), careLeaverVisits.id);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('the age that starts this duty has not been reached');
  });
});
