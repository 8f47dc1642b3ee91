import { describe, expect, it } from 'vitest';
import { CaseEvent, getRuleSet } from '../../src/index.js';
import { ev, run, summary, visit } from './england-statutory/helpers.js';

/**
 * A duty whose anchor is one of several episodes, placements or disputes is met only by
 * evidence tied to it: an event naming another one never counts; one naming none counts by date.
 */
describe('leeds.visits.missing: linked by episodeId', () => {
  const id = 'leeds.visits.missing';
  // Two missing episodes: m1 returned 2024-03-04, m2 returned 2024-03-06 (72 hours → by 2024-03-09).
  const episodes = [
    ev('missing-episode-started', 's1', '2024-03-01', { episodeId: 'm1' }),
    ev('missing-episode-ended', 'e1', '2024-03-04', { episodeId: 'm1' }),
    ev('missing-episode-started', 's2', '2024-03-05', { episodeId: 'm2' }),
    ev('missing-episode-ended', 'e2', '2024-03-06', { episodeId: 'm2' }),
  ];
  it("one episode's return interview does not meet another episode's duty", () => {
    const r = run('leeds-2023', [...episodes, ev('return-interview', 'ri1', '2024-03-06', { episodeId: 'm1' })], '2024-03-20');
    expect(summary(r, id)).toEqual(['met 2024-03-07 by ri1', 'overdue 2024-03-09']);
  });
  it('a visit recording another episode does not count; one recording none counts by its date', () => {
    expect(summary(run('leeds-2023', [...episodes, visit('v1', '2024-03-07', { episodeId: 'm1' })], '2024-03-20'), id)).toEqual(['met 2024-03-07 by v1', 'overdue 2024-03-09']);
    expect(summary(run('leeds-2023', [...episodes, visit('v1', '2024-03-07')], '2024-03-20'), id)).toEqual(['met 2024-03-07 by v1', 'met 2024-03-09 by v1']);
  });
});

describe('placement duties: linked by placementId', () => {
  const foster = ev('placement-started', 'p1', '2024-03-04', { placementId: 'P1', kind: 'foster' });
  it('leeds: a visit to a short-break setting alongside does not meet the new foster placement\'s first-week visit', () => {
    const r = run('leeds-2023', [ev('placement-started', 'sb', '2024-01-08', { placementId: 'SB', kind: 'short-break-series' }), foster, visit('v1', '2024-03-04', { placementId: 'P1' }), visit('v2', '2024-03-06', { placementId: 'SB' })], '2024-03-20');
    expect(summary(r, 'leeds.visits.looked-after-placement-day')).toEqual(['met 2024-03-04 by v1']);
    expect(summary(r, 'leeds.visits.looked-after-first-week')).toEqual(['overdue 2024-03-11']);
  });
  it('west berkshire: a placement planning meeting for another placement does not count', () => {
    const events = [ev('became-looked-after', 'la', '2024-01-08'), ev('placement-started', 'p0', '2024-01-08', { placementId: 'P0', kind: 'foster' }), foster];
    const r = run('west-berkshire', [...events, ev('placement-planning-meeting', 'ppm', '2024-03-05', { placementId: 'P0' })], '2024-03-20');
    expect(summary(r, 'west-berkshire.meetings-and-plans.placement-planning-meeting')).toEqual(['met-late 2024-01-13 by ppm', 'overdue 2024-03-09']);
  });
});

describe('west-berkshire.meetings-and-plans.placement-planning-meeting: a meeting before a planned placement', () => {
  const events = [ev('became-looked-after', 'la', '2024-01-08'), ev('placement-started', 'p0', '2024-01-08', { placementId: 'P0', kind: 'foster' }), ev('placement-planning-meeting', 'ppm0', '2024-01-09', { placementId: 'P0' })];
  const move = ev('placement-started', 'p1', '2024-03-04', { placementId: 'P1', kind: 'foster' });
  it('counts when it names the new placement; one naming none counts only from the move', () => {
    const id = 'west-berkshire.meetings-and-plans.placement-planning-meeting';
    expect(summary(run('west-berkshire', [...events, ev('placement-planning-meeting', 'ppm1', '2024-02-28', { placementId: 'P1' }), move], '2024-03-20'), id)).toEqual(['met 2024-01-13 by ppm0', 'met 2024-03-09 by ppm1']);
    expect(summary(run('west-berkshire', [...events, ev('placement-planning-meeting', 'ppm1', '2024-02-28'), move], '2024-03-20'), id)).toEqual(['met 2024-01-13 by ppm0', 'overdue 2024-03-09']);
  });
});

describe('west-berkshire.meetings-and-plans.quality-dispute-plan: linked by disputeEventId', () => {
  it('a plan for one dispute does not meet another open at the same time', () => {
    const r = run('west-berkshire', [ev('quality-dispute-raised', 'd1', '2024-03-04'), ev('quality-dispute-raised', 'd2', '2024-03-05'), ev('quality-dispute-plan', 'plan', '2024-03-06', { disputeEventId: 'd1' })], '2024-03-20');
    expect(summary(r, 'west-berkshire.meetings-and-plans.quality-dispute-plan')).toEqual(['met 2024-03-11 by plan', 'overdue 2024-03-12']);
  });
});

describe('audit: every shipped duty anchored on one of several episodes links its evidence', () => {
  // The ids an anchor event and its evidence can share.
  const SHARED = ['episodeId', 'placementId', 'assessmentId'];
  // Readings written in the rules' notes: the first visit to a placement counts wherever the child now lives.
  const EXEMPT = new Set(['england-statutory.visits.looked-after-first-visit', 'west-berkshire.visits.regulatory-first-visit']);
  const fieldsOf = new Map(CaseEvent.def.options.map((o) => [o.shape.type.def.values[0]! as string, Object.keys(o.shape)]));
  const types = (t: { type: string | string[] }) => (Array.isArray(t.type) ? t.type : [t.type]);

  for (const set of ['england-statutory', 'leeds-2023', 'west-berkshire']) {
    for (const rule of getRuleSet(set).rules) {
      if ((rule.kind !== 'deadline' && rule.kind !== 'presence') || 'age' in rule.anchor || !rule.satisfiedBy.events) continue;
      const anchor = rule.anchor;
      const shared = SHARED.filter((f) => types(anchor).every((t) => fieldsOf.get(t)?.includes(f)) && rule.satisfiedBy.events!.some((s) => types(s).some((t) => fieldsOf.get(t)?.includes(f))));
      if (shared.length === 0 || EXEMPT.has(rule.id)) continue;
      it(`${rule.id} links by ${shared.join(' or ')}`, () => {
        expect(shared).toContain(rule.satisfiedBy.link);
      });
    }
  }
});
