import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev, of, one, rule, run, snapshot, summary, visit } from './helpers.js';

// Working days in early 2024 (England and Wales): Good Friday 29 March and Easter Monday
// 1 April are bank holidays. 2024-03-04 is a Monday.

const visitWithin5 = rule({
  id: 't.visit-after-decision',
  kind: 'deadline',
  anchor: { type: 'decision-to-assess' },
  due: { workingDays: 5 },
  satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
});

describe('deadline after an anchor event', () => {
  const decided = ev('decision-to-assess', 'd1', '2024-03-04');

  it('is met by a visit before or on the due day (5 working days: Monday to the next Monday)', () => {
    for (const date of ['2024-03-04', '2024-03-08', '2024-03-11']) {
      const o = one(run([visitWithin5], snapshot([decided, visit('v1', date)]), '2024-04-09'), visitWithin5.id);
      expect(o.status).toBe('met');
      expect(o.due).toBe('2024-03-11');
      expect(o.satisfiedBy).toEqual({ eventId: 'v1', date });
      expect(o.anchor).toEqual({ eventId: 'd1', date: '2024-03-04', label: 'decision to assess' });
      expect(o.lateness).toBeNull();
    }
  });

  it('is met late the day after, with lateness in working and calendar days', () => {
    const o = one(run([visitWithin5], snapshot([decided, visit('v1', '2024-03-12')]), '2024-04-09'), visitWithin5.id);
    expect(o.status).toBe('met-late');
    expect(o.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
    expect(o.explanation).toBe(
      'Met late by 1 working day (case case-T1): the child must be visited (Test Practice Standards, Visiting Timescales). It was due by 2024-03-11, counted from the decision to assess on 2024-03-04; the visit was on 2024-03-12.',
    );
  });

  it('skips the Easter bank holidays when counting, and measures lateness in working days', () => {
    // Wednesday 27 March + 5 working days: 28 March, 2, 3, 4, 5 April.
    const r = run([visitWithin5], snapshot([ev('decision-to-assess', 'd1', '2024-03-27'), visit('v1', '2024-04-09')]), '2024-04-09');
    const o = one(r, visitWithin5.id);
    expect(o.due).toBe('2024-04-05');
    expect(o.status).toBe('met-late');
    // Friday 5 April to Tuesday 9 April: Monday 8 and Tuesday 9 are working days.
    expect(o.lateness).toEqual({ workingDays: 2, calendarDays: 4 });
  });

  it('is due up to and on the due day, and overdue from the day after, when nothing is recorded', () => {
    expect(one(run([visitWithin5], snapshot([decided]), '2024-03-11'), visitWithin5.id).status).toBe('due');
    const o = one(run([visitWithin5], snapshot([decided]), '2024-03-12'), visitWithin5.id);
    expect(o.status).toBe('overdue');
    expect(o.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
    expect(o.explanation).toBe(
      'Overdue by 1 working day (case case-T1): the child must be visited (Test Practice Standards, Visiting Timescales). The decision to assess was on 2024-03-04, so a visit was due by 2024-03-11; none is recorded up to 2024-03-12.',
    );
  });

  it('ignores events after the as-of date, and visits before the anchor', () => {
    expect(one(run([visitWithin5], snapshot([decided, visit('v1', '2024-03-08')]), '2024-03-07'), visitWithin5.id).status).toBe('due');
    expect(one(run([visitWithin5], snapshot([visit('v0', '2024-03-01'), decided]), '2024-03-20'), visitWithin5.id).status).toBe('overdue');
  });

  it('ignores a visit where the child was not seen (childSeen: false)', () => {
    const r = run([visitWithin5], snapshot([decided, visit('v1', '2024-03-05', { childSeen: false }), visit('v2', '2024-03-13')]), '2024-04-09');
    expect(summary(r, visitWithin5.id)).toEqual(['met-late 2024-03-11 by v2']);
  });

  it('gives one instance per anchor, in date order', () => {
    const r = run([visitWithin5], snapshot([ev('decision-to-assess', 'd2', '2024-03-18'), decided, visit('v1', '2024-03-05')]), '2024-04-09');
    // The second decision's clock starts on 18 March: the 5 March visit is before it.
    expect(summary(r, visitWithin5.id)).toEqual(['met 2024-03-11 by v1', 'overdue 2024-03-25']);
    expect(of(r, visitWithin5.id).map((o) => o.instance)).toEqual([0, 1]);
  });

  it('with onAnchorDay: false, needs a visit strictly after the anchor day', () => {
    const later = rule({ ...visitWithin5, id: 't.week-visit', due: { weeks: 1 }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit', onAnchorDay: false } });
    const r = run([later], snapshot([ev('decision-to-assess', 'd1', '2024-03-04'), visit('v1', '2024-03-04'), visit('v2', '2024-03-12')]), '2024-04-09');
    expect(summary(r, later.id)).toEqual(['met-late 2024-03-11 by v2']);
  });

  it('gives one not-applicable obligation when no anchor is recorded', () => {
    const o = one(run([visitWithin5], snapshot([visit('v1', '2024-03-04')]), '2024-04-09'), visitWithin5.id);
    expect(o.status).toBe('not-applicable');
    expect(o.due).toBeNull();
    expect(o.explanation).toContain('no event that starts this duty is recorded up to 2024-04-09');
  });

  it('with a negative duration, is due before the anchor and met by what came before it', () => {
    const reports = rule({
      id: 't.report-before',
      kind: 'deadline',
      anchor: { type: 'initial-child-protection-conference' },
      due: { workingDays: -3 },
      satisfiedBy: { events: [{ type: 'report-shared' }], evidence: 'report', link: 'forEventId' },
    });
    // Thursday 14 March less 3 working days is Monday 11 March.
    const conf = ev('initial-child-protection-conference', 'c1', '2024-03-14');
    expect(summary(run([reports], snapshot([ev('report-shared', 'r1', '2024-03-08', { forEventId: 'c1' }), conf]), '2024-04-09'), reports.id)).toEqual(['met 2024-03-11 by r1']);
    expect(summary(run([reports], snapshot([ev('report-shared', 'r1', '2024-03-13', { forEventId: 'c1' }), conf]), '2024-04-09'), reports.id)).toEqual(['met-late 2024-03-11 by r1']);
  });
});

describe('on-the-day deadlines ({ days: 0 }) and a date field of the anchor', () => {
  const sameDay = rule({
    id: 't.record-same-day',
    area: 'recording',
    kind: 'deadline',
    anchor: { type: 'significant-event', where: { emergency: true } },
    due: { days: 0 },
    satisfiedBy: { anchorField: 'recordedOn', evidence: 'record' },
  });
  const event = (recordedOn?: string) => ev('significant-event', 's1', '2024-03-04', { emergency: true, ...(recordedOn ? { recordedOn } : {}) });

  it('is met when recorded on the day and late the day after', () => {
    expect(summary(run([sameDay], snapshot([event('2024-03-04')]), '2024-04-09'), sameDay.id)).toEqual(['met 2024-03-04 by s1']);
    const late = one(run([sameDay], snapshot([event('2024-03-05')]), '2024-04-09'), sameDay.id);
    expect(late.status).toBe('met-late');
    expect(late.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
  });

  it('is due on the day and overdue the next day when not yet recorded', () => {
    expect(one(run([sameDay], snapshot([event()]), '2024-03-04'), sameDay.id).status).toBe('due');
    expect(one(run([sameDay], snapshot([event()]), '2024-03-05'), sameDay.id).status).toBe('overdue');
  });

  it('does not count a recording date after the as-of date', () => {
    expect(one(run([sameDay], snapshot([event('2024-03-08')]), '2024-03-06'), sameDay.id).status).toBe('overdue');
  });

  it('only anchors on events matching the where clause', () => {
    const r = run([sameDay], snapshot([ev('significant-event', 's1', '2024-03-04')]), '2024-04-09');
    expect(one(r, sameDay.id).status).toBe('not-applicable');
  });
});

describe('hour-based deadlines', () => {
  const within = (hours: number, id = `t.within-${hours}h`) =>
    rule({ id, kind: 'deadline', anchor: { type: 'section-47-started' }, due: { hours }, satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' } });
  const s47 = (date: string, at?: string) => ev('section-47-started', 's47', date, at ? { at } : {});

  it('24 hours with a time: due to the minute, met just before and late by hours just after', () => {
    const r24 = within(24);
    const anchor = s47('2024-03-04', '2024-03-04T15:00:00+00:00');
    const met = one(run([r24], snapshot([anchor, visit('v1', '2024-03-05', { at: '2024-03-05T14:59:00+00:00' })]), '2024-04-09'), r24.id);
    expect(met.status).toBe('met');
    expect(met.due).toBe('2024-03-05T15:00:00+00:00');
    const late = one(run([r24], snapshot([anchor, visit('v1', '2024-03-05', { at: '2024-03-05T16:30:00+00:00' })]), '2024-04-09'), r24.id);
    expect(late.status).toBe('met-late');
    expect(late.lateness).toEqual({ workingDays: 0, calendarDays: 0, hours: 2 });
    expect(late.explanation).toMatch(/^Met late by 2 hours \(case case-T1\)/);
  });

  it('a visit with a date but no time is compared by date, so it never makes a breach', () => {
    const r24 = within(24);
    const o = one(run([r24], snapshot([s47('2024-03-04', '2024-03-04T15:00:00+00:00'), visit('v1', '2024-03-05')]), '2024-04-09'), r24.id);
    expect(o.status).toBe('met');
  });

  it('48 hours is elapsed time, through a weekend', () => {
    const r48 = within(48);
    const o = one(run([r48], snapshot([s47('2024-03-08', '2024-03-08T18:00:00+00:00')]), '2024-03-10'), r48.id);
    expect(o.due).toBe('2024-03-10T18:00:00+00:00');
    expect(o.status).toBe('due');
    expect(one(run([r48], snapshot([s47('2024-03-08', '2024-03-08T18:00:00+00:00')]), '2024-03-11'), r48.id).status).toBe('overdue');
  });

  it('72 hours across the change to summer time compares instants, whatever the offsets', () => {
    const r72 = within(72);
    const anchor = s47('2024-03-29', '2024-03-29T12:00:00+00:00');
    // 11:30 UTC, written in British Summer Time: before the 12:00 UTC deadline.
    const inTime = one(run([r72], snapshot([anchor, visit('v1', '2024-04-01', { at: '2024-04-01T12:30:00+01:00' })]), '2024-04-09'), r72.id);
    expect(inTime.due).toBe('2024-04-01T12:00:00+00:00');
    expect(inTime.status).toBe('met');
    const late = one(run([r72], snapshot([anchor, visit('v1', '2024-04-01', { at: '2024-04-01T13:30:00+01:00' })]), '2024-04-09'), r72.id);
    expect(late.status).toBe('met-late');
    expect(late.lateness?.hours).toBe(1);
  });

  it('without a time on the anchor, counts whole days (rounded up) and says so in the trace', () => {
    const r72 = within(72);
    const o = one(run([r72], snapshot([s47('2024-03-29'), visit('v1', '2024-04-01')]), '2024-04-09'), r72.id);
    expect(o.due).toBe('2024-04-01');
    expect(o.status).toBe('met');
    expect(o.trace.some((t) => t.step === 'note' && t.detail.includes('No time is recorded'))).toBe(true);
    expect(one(run([r72], snapshot([s47('2024-03-29'), visit('v1', '2024-04-02')]), '2024-04-09'), r72.id).status).toBe('met-late');
    const r24 = within(24);
    expect(one(run([r24], snapshot([s47('2024-03-04')]), '2024-03-05'), r24.id).status).toBe('due');
    expect(one(run([r24], snapshot([s47('2024-03-04')]), '2024-03-06'), r24.id).status).toBe('overdue');
  });

  it('is not overdue on the due day itself, as the as-of date has no time', () => {
    const r24 = within(24);
    expect(one(run([r24], snapshot([s47('2024-03-04', '2024-03-04T09:00:00+00:00')]), '2024-03-05'), r24.id).status).toBe('due');
  });
});

describe('exceptions to a one-off deadline', () => {
  const s47Visit = rule({
    id: 't.s47-visit',
    kind: 'deadline',
    anchor: { type: 'section-47-started' },
    due: { hours: 24 },
    satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
    exception: { anyOf: ['team-manager'] },
  });
  const anchor = ev('section-47-started', 's47', '2024-03-04', { at: '2024-03-04T15:00:00+00:00' });
  const exception = (over: Record<string, unknown> = {}) => ({
    kind: 'exception',
    id: 'x1',
    ruleId: 't.s47-visit',
    anchorEventId: 's47',
    earliestDate: '2024-03-07',
    agreedBy: ['team-manager'],
    agreedOn: '2024-03-04',
    reason: 'Joint visit with police.',
    ...over,
  });
  const evaluateWith = (variation: Record<string, unknown> | undefined, visitDate: string, rules = [s47Visit]) =>
    one(run(rules, snapshot([anchor, visit('v1', visitDate)], variation ? { variations: [variation] } : {}), '2024-04-09'), 't.s47-visit');

  it('moves the due date to the earliest date recorded by a team manager: met then is excepted', () => {
    const o = evaluateWith(exception(), '2024-03-07');
    expect(o.status).toBe('excepted');
    expect(o.due).toBe('2024-03-07');
    expect(o.explanation).toBe(
      'Met under a recorded exception (case case-T1): the child must be visited (Test Practice Standards, Visiting Timescales). The earliest date recorded was 2024-03-07; the visit was on 2024-03-07.',
    );
    expect(o.trace.find((t) => t.step === 'exception')?.detail).toContain('Exception x1 recorded by team manager');
  });

  it('is met late when the visit is after the earliest date recorded', () => {
    const o = evaluateWith(exception(), '2024-03-08');
    expect(o.status).toBe('met-late');
    expect(o.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
  });

  it('without the exception the same visit is met late', () => {
    expect(evaluateWith(undefined, '2024-03-07').status).toBe('met-late');
  });

  it('applies the latest exception agreed, the first id on a tie, whatever the order of the list', () => {
    const several = [exception({ id: 'x1' }), exception({ id: 'x2', agreedOn: '2024-03-05', earliestDate: '2024-03-08' }), exception({ id: 'x0', agreedOn: '2024-03-05', earliestDate: '2024-03-09' })];
    fc.assert(
      fc.property(fc.shuffledSubarray(several, { minLength: 3, maxLength: 3 }), (variations) => {
        const o = one(run([s47Visit], snapshot([anchor, visit('v1', '2024-03-09')], { variations }), '2024-04-09'), 't.s47-visit');
        expect(o.status).toBe('excepted');
        expect(o.due).toBe('2024-03-09');
        expect(o.trace.find((t) => t.step === 'exception')?.detail).toContain('Exception x0 recorded');
      }),
      { numRuns: 30 },
    );
  });

  it('is refused when recorded by a role the standard does not name', () => {
    const o = evaluateWith(exception({ agreedBy: ['social-worker'] }), '2024-03-07');
    expect(o.status).toBe('met-late');
    expect(o.due).toBe('2024-03-05T15:00:00+00:00');
    expect(o.trace.find((t) => t.step === 'exception')?.detail).toBe('Exception x1 was not applied: it must be recorded by team manager. The standard timescale applies.');
  });

  it('is refused when recorded after the deadline had passed', () => {
    const o = evaluateWith(exception({ agreedOn: '2024-03-06' }), '2024-03-07');
    expect(o.status).toBe('met-late');
    expect(o.trace.find((t) => t.step === 'exception')?.detail).toContain('it was recorded after the deadline had passed');
  });

  it('is refused when the rule allows no exception', () => {
    const strict = rule({ ...s47Visit, exception: undefined });
    const o = evaluateWith(exception(), '2024-03-07', [strict]);
    expect(o.status).toBe('met-late');
    expect(o.trace.find((t) => t.step === 'exception')?.detail).toContain('the standard allows no exception to this timescale');
  });

  it('is ignored when it names another anchor or is agreed after the as-of date', () => {
    expect(evaluateWith(exception({ anchorEventId: 'other' }), '2024-03-07').status).toBe('met-late');
    const o = one(run([s47Visit], snapshot([anchor], { variations: [exception({ agreedOn: '2024-03-05' })] }), '2024-03-04'), s47Visit.id);
    expect(o.status).toBe('due');
    expect(o.due).toBe('2024-03-05T15:00:00+00:00');
    expect(o.trace.some((t) => t.step === 'exception')).toBe(false);
  });

  it('is not needed when the visit was within the standard timescale anyway: met, not excepted', () => {
    const o = one(run([s47Visit], snapshot([anchor, visit('v1', '2024-03-05', { at: '2024-03-05T10:00:00+00:00' })], { variations: [exception()] }), '2024-04-09'), s47Visit.id);
    expect(o.status).toBe('met');
    expect(o.due).toBe('2024-03-05T15:00:00+00:00');
  });

  it('keeps the case due until the earliest date, not overdue', () => {
    const r = run([s47Visit], snapshot([anchor], { variations: [exception()] }), '2024-03-06');
    expect(one(r, s47Visit.id).status).toBe('due');
    expect(one(run([s47Visit], snapshot([anchor], { variations: [exception()] }), '2024-03-08'), s47Visit.id).status).toBe('overdue');
  });
});

describe('cancelledBy', () => {
  const signOff = rule({
    id: 't.sign-off',
    area: 'assessment',
    kind: 'deadline',
    anchor: { type: 'decision-to-assess' },
    due: { workingDays: 10 },
    satisfiedBy: { events: [{ type: 'assessment-authorised' }], evidence: 'sign-off' },
    cancelledBy: [{ type: 'case-closed' }],
  });
  const decided = ev('decision-to-assess', 'd1', '2024-03-04');

  it('ends the duty when the cancelling event comes before the due date', () => {
    // 10 working days from Monday 4 March: Monday 18 March.
    const o = one(run([signOff], snapshot([decided, ev('case-closed', 'c1', '2024-03-15')]), '2024-04-09'), signOff.id);
    expect(o.status).toBe('not-applicable');
    expect(o.due).toBe('2024-03-18');
    expect(o.explanation).toBe('Not applicable (case case-T1): the duty ended before it fell due.');
    expect(o.trace.map((t) => t.step)).toContain('cancelled');
  });

  it('a cancelling event after the due date stops the lateness growing but the breach stands', () => {
    const o = one(run([signOff], snapshot([decided, ev('case-closed', 'c1', '2024-03-20')]), '2024-04-09'), signOff.id);
    expect(o.status).toBe('overdue');
    expect(o.lateness).toEqual({ workingDays: 2, calendarDays: 2 });
  });

  it('is cancelled by the first cancelling event on or after its anchor, not by one before it', () => {
    // A case closed before the decision (and reopened) does not end the duty; the closure after it does.
    const r = run([signOff], snapshot([ev('case-closed', 'c0', '2024-03-01'), decided, ev('case-closed', 'c1', '2024-03-15'), ev('case-closed', 'c2', '2024-03-16')]), '2024-04-09');
    const o = one(r, signOff.id);
    expect(o.status).toBe('not-applicable');
    expect(o.trace.find((t) => t.step === 'cancelled')?.eventId).toBe('c1');
  });

  it('does not cancel a duty already met', () => {
    const r = run([signOff], snapshot([decided, ev('assessment-authorised', 'a1', '2024-03-12'), ev('case-closed', 'c1', '2024-03-14')]), '2024-04-09');
    expect(summary(r, signOff.id)).toEqual(['met 2024-03-18 by a1']);
  });
});

describe('links between the anchor and the satisfying event', () => {
  const returnInterview = rule({
    id: 't.return-interview',
    kind: 'deadline',
    anchor: { type: 'missing-episode-ended' },
    due: { hours: 72 },
    satisfiedBy: { events: [{ type: 'return-interview' }], evidence: 'return interview', link: 'episodeId' },
  });

  it('counts only events sharing the linked field', () => {
    const r = run(
      [returnInterview],
      snapshot([
        ev('missing-episode-ended', 'back1', '2024-03-04', { episodeId: 'm1' }),
        ev('missing-episode-ended', 'back2', '2024-03-05', { episodeId: 'm2' }),
        ev('return-interview', 'ri2', '2024-03-06', { episodeId: 'm2' }),
        ev('return-interview', 'ri1', '2024-03-09', { episodeId: 'm1' }),
      ]),
      '2024-04-09',
    );
    // Without times, 72 hours are 3 whole days.
    expect(summary(r, returnInterview.id)).toEqual(['met-late 2024-03-07 by ri1', 'met 2024-03-08 by ri2']);
  });
});

describe('age-triggered deadlines', () => {
  const pathwayPlan = rule({
    id: 't.pathway-plan-16',
    area: 'meetings-and-plans',
    kind: 'deadline',
    anchor: { age: { years: 16 } },
    due: { months: 3 },
    satisfiedBy: { events: [{ type: 'pathway-plan-review' }], evidence: 'pathway plan review' },
  });
  const child = (dateOfBirth: string, extra: Record<string, unknown> = {}) => ({ child: { dateOfBirth, ...extra } });

  it('is due 3 months after the 16th birthday, clamped to the month end', () => {
    const o = one(run([pathwayPlan], snapshot([], child('2008-01-31')), '2024-04-09'), pathwayPlan.id);
    expect(o.status).toBe('due');
    expect(o.due).toBe('2024-04-30');
    expect(o.anchor).toEqual({ eventId: null, date: '2024-01-31', label: 'age of 16 years' });
    expect(o.explanation).toContain('Counted from the age of 16 years on 2024-01-31');
  });

  it('may be met before the birthday', () => {
    const r = run([pathwayPlan], snapshot([ev('pathway-plan-review', 'p1', '2023-12-01')], child('2008-01-31')), '2024-04-09');
    expect(summary(r, pathwayPlan.id)).toEqual(['met 2024-04-30 by p1']);
  });

  it('is overdue once the date passes with nothing recorded', () => {
    expect(one(run([pathwayPlan], snapshot([], child('2008-01-01')), '2024-04-09'), pathwayPlan.id).status).toBe('overdue');
  });

  it('for a young child, is a future due date (never a breach), even beyond the calendar range', () => {
    const o = one(run([pathwayPlan], snapshot([], child('2024-02-29')), '2024-04-09'), pathwayPlan.id);
    expect(o.status).toBe('due');
    expect(o.due).toBe('2040-05-29');
    const baby = one(run([rule({ ...pathwayPlan, anchor: { age: { years: 25 } } })], snapshot([], child('2024-02-29')), '2024-04-09'), pathwayPlan.id);
    expect(baby.status).toBe('due');
    expect(baby.due).toBe('2049-05-28');
  });

  it('at 14 years 6 months, for a child who will need adult services (a fact)', () => {
    const alert = rule({
      id: 't.adult-services',
      kind: 'deadline',
      anchor: { age: { years: 14, months: 6 } },
      due: { days: 0 },
      appliesWhen: { facts: { needsAdultServices: true } },
      satisfiedBy: { events: [{ type: 'adult-services-alerted' }], evidence: 'alert to adult services' },
    });
    // 31 August 2009 + 14 years 6 months is 31 February 2024, clamped to the 29th.
    expect(one(run([alert], snapshot([], child('2009-08-31', { needsAdultServices: true })), '2024-02-29'), alert.id)).toMatchObject({ status: 'due', due: '2024-02-29' });
    expect(one(run([alert], snapshot([], child('2009-08-31', { needsAdultServices: true })), '2024-03-01'), alert.id).status).toBe('overdue');
    const notRecorded = one(run([alert], snapshot([], child('2009-08-31')), '2024-03-01'), alert.id);
    expect(notRecorded.status).toBe('not-applicable');
    expect(notRecorded.explanation).toBe('Not applicable (case case-T1): the snapshot does not record needsAdultServices.');
    const no = one(run([alert], snapshot([], child('2009-08-31', { needsAdultServices: false })), '2024-03-01'), alert.id);
    expect(no.explanation).toBe('Not applicable (case case-T1): needsAdultServices is not true.');
  });
});

describe('appliesWhen.withinEpisode on a deadline', () => {
  const lookedAfterReturn = rule({
    id: 't.return-visit-looked-after',
    kind: 'deadline',
    anchor: { type: 'missing-episode-ended' },
    due: { workingDays: 3 },
    appliesWhen: { withinEpisode: { start: { type: 'became-looked-after' }, end: [{ type: 'ceased-looked-after' }] } },
    satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
  });

  it('keeps only anchors inside the episode', () => {
    const r = run(
      [lookedAfterReturn],
      snapshot([
        ev('missing-episode-ended', 'm0', '2023-06-01', { episodeId: 'a' }),
        ev('became-looked-after', 'la', '2024-01-08'),
        ev('missing-episode-ended', 'm1', '2024-03-04', { episodeId: 'b' }),
        visit('v1', '2024-03-05'),
      ]),
      '2024-04-09',
    );
    expect(summary(r, lookedAfterReturn.id)).toEqual(['met 2024-03-07 by v1']);
  });

  it('does not apply to a child never looked after', () => {
    const o = one(run([lookedAfterReturn], snapshot([ev('missing-episode-ended', 'm1', '2024-03-04', { episodeId: 'b' })]), '2024-04-09'), lookedAfterReturn.id);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('no date the child became looked after is recorded');
  });
});

describe('school-day deadlines', () => {
  const pep = rule({
    id: 't.pep-20-school-days',
    kind: 'deadline',
    anchor: { type: 'became-looked-after' },
    due: { schoolDays: 20 },
    satisfiedBy: { events: [{ type: 'pep-meeting' }], evidence: 'PEP meeting' },
  });
  const terms = { terms: [{ start: '2024-01-08', end: '2024-03-28' }, { start: '2024-04-15', end: '2024-07-19' }], closures: ['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16'] };

  it('counts school days inside the terms only', () => {
    // Monday 18 March: 8 school days to 28 March, then 12 from 15 April: Tuesday 30 April.
    const o = one(run([pep], snapshot([ev('became-looked-after', 'la', '2024-03-18'), ev('pep-meeting', 'p1', '2024-04-25')], { schoolTerms: terms }), '2024-05-10'), pep.id);
    expect(o.due).toBe('2024-04-30');
    expect(o.status).toBe('met');
  });

  it('without the term dates is unknown, saying which fact is missing, and is never a breach', () => {
    const r = run([pep], snapshot([ev('became-looked-after', 'la', '2024-01-08')]), '2024-05-10');
    const o = one(r, pep.id);
    expect(o.status).toBe('unknown');
    expect(o.due).toBeNull();
    expect(o.explanation).toContain('school term dates are not in the snapshot (schoolTerms)');
    expect(r.breaches).toEqual([]);
  });

  it('is unknown when the clock starts before the terms supplied', () => {
    const o = one(run([pep], snapshot([ev('became-looked-after', 'la', '2023-12-01')], { schoolTerms: terms }), '2024-05-10'), pep.id);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain('outside the school term dates supplied');
  });

  it('is unknown, not a crash, when the terms fall outside the working-day calendar', () => {
    const old = { terms: [{ start: '1995-09-04', end: '1995-12-20' }, ...terms.terms] };
    const o = one(run([pep], snapshot([ev('became-looked-after', 'la', '2024-03-18')], { schoolTerms: old }), '2024-05-10'), pep.id);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain("the child's school term dates cannot be used");
  });
});
