/** The measures keys the shipped sets share, so that comparisons between their rules line up. */
export const SHARED_MEASURES = [
  'looked-after-visits',
  'looked-after-first-visit',
  'looked-after-reviews',
  'child-protection-initial-conference',
  'child-protection-first-core-group',
  'child-protection-review-conference',
  'assessment-completion',
  'private-fostering-visits',
  'care-order-at-home-first-visit',
  'missing-return-interview',
  'pathway-plan',
  'core-group-meetings',
  'child-in-need-reviews',
];
