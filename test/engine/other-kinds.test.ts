import { describe, expect, it } from 'vitest';
import { ev, of, one, rule, run, snapshot, summary, visit } from './helpers.js';

describe('before-event: a duty due before each target event', () => {
  const reports = rule({
    id: 't.reports-before-conference',
    area: 'meetings-and-plans',
    kind: 'before-event',
    requirement: 'reports must be shared with the family 3 working days before a conference',
    target: { type: ['initial-child-protection-conference', 'review-child-protection-conference'] },
    before: { workingDays: 3 },
    satisfiedBy: { events: [{ type: 'report-shared' }], evidence: 'report shared', link: 'forEventId' },
  });
  // Thursday 14 March less 3 working days: Monday 11 March.
  const conf = ev('initial-child-protection-conference', 'c1', '2024-03-14');
  const shared = (id: string, date: string, forEventId = 'c1') => ev('report-shared', id, date, { forEventId });

  it('is met by a linked report shared by the due date', () => {
    const o = one(run([reports], snapshot([shared('r1', '2024-03-08'), conf]), '2024-04-09'), reports.id);
    expect(o.status).toBe('met');
    expect(o.due).toBe('2024-03-11');
    expect(o.anchor).toEqual({ eventId: 'c1', date: '2024-03-14', label: 'initial child protection conference' });
    expect(o.trace.map((t) => t.step)).toEqual(['anchor', 'due', 'satisfied']);
  });

  it('is met late by a report shared after the due date', () => {
    const o = one(run([reports], snapshot([shared('r1', '2024-03-12'), conf]), '2024-04-09'), reports.id);
    expect(o.status).toBe('met-late');
    expect(o.lateness).toEqual({ workingDays: 1, calendarDays: 1 });
  });

  it('does not count a report shared for another meeting', () => {
    const o = one(run([reports], snapshot([shared('r1', '2024-03-08', 'other'), conf]), '2024-03-14'), reports.id);
    expect(o.status).toBe('overdue');
    expect(o.lateness).toEqual({ workingDays: 3, calendarDays: 3 });
    expect(o.explanation).toBe(
      'Overdue by 3 working days (case case-T1): reports must be shared with the family 3 working days before a conference (Test Practice Standards, Visiting Timescales). The initial child protection conference was on 2024-03-14, so a report shared was due by 2024-03-11; none is recorded up to 2024-03-14.',
    );
  });

  it('gives one instance per target, of any of the target types', () => {
    const r = run([reports], snapshot([shared('r1', '2024-03-08'), conf, ev('review-child-protection-conference', 'c2', '2024-06-13'), shared('r2', '2024-06-05', 'c2')]), '2024-07-01');
    // Thursday 13 June less 3 working days: Monday 10 June.
    expect(summary(r, reports.id)).toEqual(['met 2024-03-11 by r1', 'met 2024-06-10 by r2']);
  });

  it('has nothing to judge before the meeting is recorded', () => {
    expect(one(run([reports], snapshot([conf]), '2024-03-13'), reports.id).status).toBe('not-applicable');
  });
});

describe('count-in-window with `every` windows', () => {
  const settingVisits = rule({
    id: 't.twice-a-year-in-setting',
    kind: 'count-in-window',
    requirement: 'the child must be seen at least twice a year in the setting, at least once unannounced',
    episode: { start: { type: 'placement-started' }, end: [{ type: 'placement-ended' }], key: 'placementId' },
    window: { every: { years: 1 } },
    requirements: [
      { count: 2, events: [{ type: 'visit' }], evidence: 'visits in the setting' },
      { count: 1, events: [{ type: 'visit', where: { unannounced: true } }], evidence: 'unannounced visit' },
    ],
  });
  const placed = ev('placement-started', 'p', '2023-01-02', { placementId: 'p1', kind: 'short-break-series', shortBreakHoursPerYear: 90 });

  it('is met in a window once every requirement is, on the day the last was reached', () => {
    const r = run([settingVisits], snapshot([placed, visit('v1', '2023-03-01', { unannounced: true }), visit('v2', '2023-09-01'), visit('v3', '2024-02-01')]), '2024-04-09');
    expect(summary(r, settingVisits.id)).toEqual(['met 2024-01-01 by v2', 'due 2025-01-01']);
    const open = of(r, settingVisits.id)[1]!;
    expect(open.anchor?.date).toBe('2024-01-02');
    expect(open.explanation).toContain('so far 1 of 2 visits in the setting and 0 of 1 unannounced visit');
    expect(open.lateness).toBeNull();
  });

  it('is overdue for a window that closed short, saying what fell short', () => {
    const r = run([settingVisits], snapshot([placed, visit('v1', '2023-03-01'), visit('v2', '2024-02-01', { unannounced: true })]), '2024-04-09');
    const closed = of(r, settingVisits.id)[0]!;
    expect(closed.status).toBe('overdue');
    expect(closed.due).toBe('2024-01-01');
    expect(closed.lateness?.calendarDays).toBe(99);
    expect(closed.explanation).toContain('Between 2023-01-02 and 2024-01-01 there were only 1 of 2 visits in the setting and 0 of 1 unannounced visit.');
  });

  it('counts only the visits for its own placement (or naming none)', () => {
    const r = run(
      [settingVisits],
      snapshot([placed, visit('v1', '2023-03-01', { unannounced: true, placementId: 'p9' }), visit('v2', '2023-09-01', { placementId: 'p9' }), visit('v3', '2023-10-01', { placementId: 'p1', unannounced: true })]),
      '2024-04-09',
    );
    expect(of(r, settingVisits.id)[0]!.status).toBe('overdue');
  });

  it('does not judge a window the placement did not last through (no false breach)', () => {
    const r = run([settingVisits], snapshot([placed, visit('v1', '2023-03-01'), ev('placement-ended', 'pe', '2023-06-01', { placementId: 'p1' })]), '2024-04-09');
    const o = one(r, settingVisits.id);
    expect(o.status).toBe('not-applicable');
    expect(o.lateness).toBeNull();
    expect(o.explanation).toContain('the end of the placement on 2023-06-01 came before the window closed');
    expect(r.breaches).toEqual([]);
  });
});

describe('count-in-window with monthly windows', () => {
  const monthly = rule({
    id: 't.monthly',
    kind: 'count-in-window',
    episode: { start: { type: 'child-in-need-plan-started' } },
    window: { every: { months: 1 } },
    requirements: [{ count: 1, events: [{ type: 'visit' }], evidence: 'visit' }],
  });

  it('counts each month from the start day, clamped to short months without drifting', () => {
    const r = run([monthly], snapshot([ev('child-in-need-plan-started', 'p', '2024-01-31')]), '2024-04-09');
    // Windows from 31 January, 29 February, 31 March: each ends the day before the next.
    expect(of(r, monthly.id).map((o) => `${o.anchor?.date}..${o.due}`)).toEqual(['2024-01-31..2024-02-28', '2024-02-29..2024-03-30', '2024-03-31..2024-04-29']);
  });
});

describe('count-in-window with school-term windows', () => {
  const termly = rule({
    id: 't.pep-review-each-term',
    kind: 'count-in-window',
    episode: { start: { type: 'became-looked-after' }, end: [{ type: 'ceased-looked-after' }] },
    window: { schoolTerm: true },
    requirements: [{ count: 1, events: [{ type: 'pep-review' }], evidence: 'PEP review' }],
  });
  const schoolTerms = {
    terms: [
      { start: '2023-09-04', end: '2023-12-20' },
      { start: '2024-01-08', end: '2024-03-28' },
      { start: '2024-04-15', end: '2024-07-19' },
    ],
  };
  const events = [ev('became-looked-after', 'la', '2023-10-02'), ev('pep-review', 'p1', '2023-11-01'), ev('pep-review', 'p3', '2024-04-16')];

  it('counts in each term from the episode start; a term without one is overdue, the open one met or due', () => {
    const r = run([termly], snapshot(events, { schoolTerms }), '2024-04-20');
    expect(summary(r, termly.id)).toEqual(['met 2023-12-20 by p1', 'overdue 2024-03-28', 'met 2024-07-19 by p3']);
    expect(of(r, termly.id)[0]!.anchor?.date).toBe('2023-10-02');
  });

  it('without term dates is unknown, saying which fact is missing', () => {
    const o = one(run([termly], snapshot(events), '2024-04-20'), termly.id);
    expect(o.status).toBe('unknown');
    expect(o.explanation).toContain('school term dates are not in the snapshot (schoolTerms), so terms cannot be counted');
  });
});

describe('presence: something that must exist, with no timescale', () => {
  const chronology = rule({
    id: 't.chronology',
    area: 'recording',
    kind: 'presence',
    requirement: 'every child subject to an assessment must have a chronology',
    anchor: { type: 'assessment-started' },
    satisfiedBy: { events: [{ type: 'chronology-updated' }], evidence: 'chronology' },
  });
  const started = ev('assessment-started', 'a1', '2024-03-04');

  it('is met by a record made at any time up to the as-of date, even before the anchor', () => {
    expect(summary(run([chronology], snapshot([started, ev('chronology-updated', 'c1', '2024-03-20')]), '2024-04-09'), chronology.id)).toEqual(['met 2024-03-04 by c1']);
    expect(summary(run([chronology], snapshot([ev('chronology-updated', 'c1', '2022-01-10'), started]), '2024-04-09'), chronology.id)).toEqual(['met 2024-03-04 by c1']);
  });

  it('without one is overdue from the anchor day, and due on that day itself', () => {
    const o = one(run([chronology], snapshot([started, ev('chronology-updated', 'c1', '2024-04-10')]), '2024-04-09'), chronology.id);
    expect(o.status).toBe('overdue');
    expect(o.due).toBe('2024-03-04');
    expect(o.lateness?.calendarDays).toBe(36);
    const today = one(run([chronology], snapshot([started]), '2024-03-04'), chronology.id);
    expect(today.status).toBe('due');
    expect(today.lateness).toBeNull();
  });

  it('gives one obligation however many anchors', () => {
    const r = run([chronology], snapshot([started, ev('assessment-started', 'a2', '2024-03-20')]), '2024-04-09');
    expect(one(r, chronology.id).anchor?.eventId).toBe('a1');
  });
});
