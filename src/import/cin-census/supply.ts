import type { Supply } from '../../schemas/supply.js';

/** The CIN census in plain words, as explanations name it. */
export const CIN_CENSUS_SOURCE = 'the CIN census';

/**
 * What the Children in Need census records: referrals, assessments (start and authorisation),
 * child in need plans, section 47 enquiries with their initial conferences, child protection
 * plans with their review conferences, and closures. No visits, strategy discussions, core
 * groups, child in need reviews, or anything about looked-after children.
 */
export function cinCensusSupply(): Supply {
  return {
    source: CIN_CENSUS_SOURCE,
    events: [
      { type: 'referral', fields: [] },
      { type: 'assessment-started', fields: ['assessmentId'] },
      { type: 'assessment-authorised', fields: ['assessmentId'] },
      { type: 'child-in-need-plan-started', fields: [] },
      { type: 'child-in-need-plan-ended', fields: [] },
      { type: 'section-47-started', fields: [] },
      { type: 'section-47-concluded', fields: ['conferenceRequired'] },
      { type: 'initial-child-protection-conference', fields: [] },
      { type: 'child-protection-plan-started', fields: [] },
      { type: 'child-protection-plan-ended', fields: [] },
      { type: 'review-child-protection-conference', fields: [] },
      { type: 'case-closed', fields: [] },
    ],
    facts: [],
  };
}
