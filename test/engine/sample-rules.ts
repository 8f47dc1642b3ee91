import type { RuleSet } from '../../src/index.js';
import { rule, ruleSet } from './helpers.js';

const visit = { events: [{ type: 'visit', where: { mode: 'in-person' } }], evidence: 'visit' };

/**
 * A rule set written for the engine's property tests: every rule kind, on the event types the
 * generator produces, with intervals that never shorten as an episode goes on (so that adding
 * a satisfying event on time can never add a breach to the rule it satisfies). Ids of rules the
 * generator's variations name match theirs, so those variations are checked too.
 */
export const SAMPLE_RULES: RuleSet = ruleSet([
  rule({ id: 'sample.assessment-visit', kind: 'deadline', anchor: { type: 'decision-to-assess' }, due: { workingDays: 5 }, satisfiedBy: visit }),
  rule({ id: 'leeds.visits.section-47', kind: 'deadline', anchor: { type: 'section-47-started' }, due: { hours: 24 }, satisfiedBy: visit, exception: { anyOf: ['team-manager'] } }),
  rule({
    id: 'sample.emergency-recorded',
    area: 'recording',
    kind: 'deadline',
    anchor: { type: 'significant-event', where: { emergency: true } },
    due: { days: 0 },
    satisfiedBy: { anchorField: 'recordedOn', evidence: 'record' },
  }),
  rule({
    id: 'sample.significant-event-recorded',
    area: 'recording',
    kind: 'deadline',
    anchor: { type: 'significant-event', where: { emergency: null } },
    due: { workingDays: 2 },
    satisfiedBy: { anchorField: 'recordedOn', evidence: 'record' },
  }),
  rule({ id: 'sample.pathway-plan-at-16', kind: 'deadline', anchor: { age: { years: 16 } }, due: { months: 3 }, satisfiedBy: { events: [{ type: 'pathway-plan-review' }], evidence: 'pathway plan review' } }),
  rule({
    id: 'sample.assessment-sign-off',
    area: 'assessment',
    kind: 'deadline',
    anchor: { type: 'decision-to-assess' },
    due: { workingDays: 45 },
    satisfiedBy: { events: [{ type: 'assessment-authorised' }], evidence: 'sign-off', link: 'assessmentId' },
    cancelledBy: [{ type: 'case-closed' }],
  }),
  rule({ id: 'sample.return-interview', kind: 'deadline', anchor: { type: 'missing-episode-ended' }, due: { hours: 72 }, satisfiedBy: { events: [{ type: 'return-interview' }], evidence: 'return interview', link: 'episodeId' } }),
  rule({ id: 'sample.pep-meeting', kind: 'deadline', anchor: { type: 'became-looked-after' }, due: { schoolDays: 20 }, satisfiedBy: { events: [{ type: 'pep-meeting' }], evidence: 'PEP meeting' } }),
  rule({
    id: 'leeds.visits.child-in-need',
    kind: 'recurring',
    episode: { start: { type: 'child-in-need-plan-started' }, end: [{ type: 'child-in-need-plan-ended' }] },
    phases: [{ interval: { workingDays: 20 } }],
    satisfiedBy: visit,
    variation: [{ anyOf: ['team-manager'], max: { workingDays: 20 } }],
  }),
  rule({
    id: 'leeds.visits.looked-after',
    kind: 'recurring',
    episode: { start: { type: 'placement-started', where: { kind: ['foster', 'connected-person', 'residential', 'other'] } }, end: [{ type: 'placement-ended' }, { type: 'ceased-looked-after' }], key: 'placementId' },
    phases: [
      { interval: { weeks: 6 } },
      { from: { allOf: [{ after: { years: 1 } }, { event: { type: 'permanence-agreed' } }] }, interval: { months: 3 }, whenStart: { intendedUntil18: true } },
    ],
    satisfiedBy: visit,
    variation: [{ anyOf: ['looked-after-review'], max: { months: 3 } }],
  }),
  rule({
    id: 'sample.looked-after-reviews',
    area: 'reviews',
    kind: 'recurring',
    episode: { start: { type: 'became-looked-after' }, end: [{ type: 'ceased-looked-after' }] },
    first: { workingDays: 20 },
    phases: [{ interval: { months: 3 } }, { from: { event: { type: 'looked-after-review' } }, interval: { months: 6 } }],
    satisfiedBy: { events: [{ type: 'looked-after-review' }], evidence: 'review' },
  }),
  rule({
    id: 'sample.reports-before-conference',
    area: 'meetings-and-plans',
    kind: 'before-event',
    target: { type: ['initial-child-protection-conference', 'review-child-protection-conference'] },
    before: { workingDays: 3 },
    satisfiedBy: { events: [{ type: 'report-shared' }], evidence: 'report shared', link: 'forEventId' },
  }),
  rule({
    id: 'sample.side-placement-visits',
    kind: 'count-in-window',
    episode: { start: { type: 'placement-started', where: { kind: ['short-break-series', 'residential-school'] } }, end: [{ type: 'placement-ended' }], key: 'placementId' },
    window: { every: { years: 1 } },
    requirements: [
      { count: 2, events: [{ type: 'visit', where: { mode: 'in-person' } }], evidence: 'visits in the setting' },
      { count: 1, events: [{ type: 'visit', where: { mode: 'in-person', unannounced: true } }], evidence: 'unannounced visit' },
    ],
  }),
  rule({
    id: 'sample.pep-review-each-term',
    kind: 'count-in-window',
    episode: { start: { type: 'became-looked-after' }, end: [{ type: 'ceased-looked-after' }] },
    window: { schoolTerm: true },
    requirements: [{ count: 1, events: [{ type: 'pep-review' }], evidence: 'PEP review' }],
  }),
  rule({ id: 'sample.chronology', area: 'recording', kind: 'presence', anchor: { type: 'assessment-started' }, satisfiedBy: { events: [{ type: 'chronology-updated' }], evidence: 'chronology' } }),
  rule({
    id: 'sample.care-leaver-visits',
    kind: 'recurring',
    appliesWhen: { facts: { careLeaver: true } },
    episode: { start: { age: { years: 18 } }, end: [{ age: { years: 25 } }] },
    phases: [{ interval: { weeks: 8 } }],
    satisfiedBy: { events: [{ type: 'visit', where: { mode: 'in-person', by: 'personal-adviser' } }], evidence: 'visit by the personal adviser' },
  }),
]);
