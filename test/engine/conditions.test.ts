import { describe, expect, it } from 'vitest';
import { ev, one, rule, run, snapshot, summary, visit } from './helpers.js';

/** `appliesWhen.withinEpisode` holds per instance, whatever the kind of rule. */
const lookedAfter = { withinEpisode: { start: { type: 'became-looked-after' }, end: [{ type: 'ceased-looked-after' }] } };
const inCare = ev('became-looked-after', 'la', '2022-06-01');
const leftCare = ev('ceased-looked-after', 'left', '2023-02-01');

describe('appliesWhen.withinEpisode on a recurring rule', () => {
  const pep = rule({
    id: 't.pep-review',
    kind: 'recurring',
    appliesWhen: lookedAfter,
    episode: { start: { type: 'exclusion-risk-identified' }, end: [{ type: 'exclusion-risk-ended' }] },
    phases: [{ interval: { months: 3 } }],
    satisfiedBy: { events: [{ type: 'pep-review' }], evidence: 'PEP review' },
  });

  it('starts no duty for a risk identified after the child left care', () => {
    const o = one(run([pep], snapshot([inCare, leftCare, ev('exclusion-risk-identified', 'x', '2023-06-01')]), '2023-12-01'), pep.id);
    expect(o.status).toBe('not-applicable');
    expect(o.explanation).toContain('the exclusion risk identified did not fall within a period that starts with the date the child became looked after');
  });

  it('stops the duty when the child leaves care, even though the episode itself runs on', () => {
    // Identified 2022-09-01: due 2022-12-01 (met), then 2023-03-01, after care ended on 2023-02-01.
    const r = run([pep], snapshot([inCare, ev('exclusion-risk-identified', 'x', '2022-09-01'), ev('pep-review', 'p1', '2022-11-25'), leftCare]), '2023-12-01');
    expect(summary(r, pep.id)).toEqual(['met 2022-12-01 by p1']);
  });

  it('starts the clock when care begins for a risk identified before', () => {
    // Risk from 2022-03-01, looked after from 2022-06-01: first review due 2022-09-01.
    const r = run([pep], snapshot([ev('exclusion-risk-identified', 'x', '2022-03-01'), inCare]), '2022-10-01');
    const o = one(r, pep.id);
    expect([o.status, o.due, o.anchor?.eventId]).toEqual(['overdue', '2022-09-01', 'la']);
  });
});

describe('appliesWhen.withinEpisode on the other kinds', () => {
  it('a before-event rule: only meetings held while looked after', () => {
    const report = rule({
      id: 't.report-before-review',
      kind: 'before-event',
      appliesWhen: lookedAfter,
      target: { type: 'child-in-need-review' },
      before: { workingDays: 3 },
      satisfiedBy: { events: [{ type: 'report-shared' }], link: 'forEventId', evidence: 'report' },
    });
    const r = run([report], snapshot([inCare, ev('child-in-need-review', 'in', '2022-09-01'), leftCare, ev('child-in-need-review', 'out', '2023-06-01')]), '2023-12-01');
    expect(r.obligations.filter((o) => o.ruleId === report.id).map((o) => o.anchor?.eventId)).toEqual(['in']);
  });

  it('a presence rule: only an anchor while looked after starts it', () => {
    const chronology = rule({
      id: 't.chronology',
      kind: 'presence',
      appliesWhen: lookedAfter,
      anchor: { type: 'decision-to-assess' },
      satisfiedBy: { events: [{ type: 'chronology-updated' }], evidence: 'chronology' },
    });
    expect(one(run([chronology], snapshot([inCare, leftCare, ev('decision-to-assess', 'd', '2023-06-01')]), '2023-12-01'), chronology.id).status).toBe('not-applicable');
    expect(one(run([chronology], snapshot([inCare, ev('decision-to-assess', 'd', '2022-07-01')]), '2023-12-01'), chronology.id).status).toBe('overdue');
  });

  it('a count rule: windows only while looked after', () => {
    const count = rule({
      id: 't.count',
      kind: 'count-in-window',
      appliesWhen: lookedAfter,
      episode: { start: { type: 'placement-started' }, key: 'placementId' },
      window: { every: { months: 6 } },
      requirements: [{ count: 1, events: [{ type: 'visit' }], evidence: 'visit' }],
    });
    const r = run([count], snapshot([ev('placement-started', 'p', '2023-03-01', { placementId: 'P1', kind: 'foster' }), inCare, leftCare]), '2023-12-01');
    expect(one(r, count.id).status).toBe('not-applicable');
  });
});

describe('a visit far from care does not count inside it', () => {
  it('visits before the clock moved to the start of care are not in the episode', () => {
    const visits = rule({
      id: 't.visits',
      kind: 'recurring',
      appliesWhen: lookedAfter,
      episode: { start: { type: 'exclusion-risk-identified' } },
      phases: [{ interval: { weeks: 6 } }],
      satisfiedBy: { events: [{ type: 'visit' }], evidence: 'visit' },
    });
    const r = run([visits], snapshot([ev('exclusion-risk-identified', 'x', '2022-03-01'), visit('v0', '2022-05-20'), inCare]), '2022-07-14');
    expect(summary(r, visits.id)).toEqual(['overdue 2022-07-13']);
  });
});
