import type { Supply } from '../../schemas/supply.js';

/** The Standard Safeguarding Dataset in plain words, as explanations name it. */
export const SSD_SOURCE = 'the SSD extract';

/**
 * What the SSD records: a child's full dated history of referrals, assessments, section 47
 * enquiries, conferences, plans, reviews, placements, missing episodes and visits (the date,
 * whether the child was seen and seen alone, but not how the visit was made). It has no core
 * groups, child in need reviews, chronologies, genograms, PEPs or supervision, and of a care
 * leaver only the latest pathway plan review.
 */
export function ssdSupply(): Supply {
  return {
    source: SSD_SOURCE,
    events: [
      { type: 'referral', fields: [] },
      { type: 'assessment-started', fields: ['assessmentId'] },
      { type: 'assessment-authorised', fields: ['assessmentId'] },
      { type: 'section-47-started', fields: [] },
      { type: 'section-47-concluded', fields: ['conferenceRequired'] },
      { type: 'initial-child-protection-conference', fields: [] },
      { type: 'child-protection-plan-started', fields: [] },
      { type: 'child-protection-plan-ended', fields: [] },
      { type: 'review-child-protection-conference', fields: [] },
      { type: 'child-in-need-plan-started', fields: [] },
      { type: 'child-in-need-plan-ended', fields: [] },
      { type: 'became-looked-after', fields: ['legalStatus'] },
      { type: 'ceased-looked-after', fields: [] },
      { type: 'placement-started', fields: ['placementId', 'kind'] },
      { type: 'placement-ended', fields: ['placementId'] },
      { type: 'looked-after-review', fields: [] },
      { type: 'missing-episode-started', fields: ['episodeId'] },
      { type: 'missing-episode-ended', fields: ['episodeId'] },
      { type: 'visit', fields: ['childSeen', 'seenAlone'] },
      { type: 'pathway-plan-review', fields: [], latestOnly: true },
      { type: 'case-closed', fields: [] },
    ],
    facts: ['careLeaver'],
  };
}
