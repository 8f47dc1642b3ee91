/** Plain-English names of events, for explanations. */
const LABELS: Readonly<Record<string, string>> = {
  referral: 'referral',
  'decision-to-assess': 'decision to assess',
  'assessment-started': 'start of the assessment',
  'assessment-progress-review': 'manager progress review',
  'assessment-authorised': 'assessment sign-off',
  'strategy-discussion': 'strategy discussion',
  'section-47-started': 'start of the section 47 enquiry',
  'initial-child-protection-conference': 'initial child protection conference',
  'review-child-protection-conference': 'review child protection conference',
  'child-protection-plan-started': 'start of the child protection plan',
  'child-protection-plan-ended': 'end of the child protection plan',
  'core-group-meeting': 'core group meeting',
  'report-shared': 'report shared',
  'child-in-need-plan-started': 'start of the child in need plan',
  'child-in-need-review': 'child in need review',
  'child-in-need-plan-ended': 'end of the child in need plan',
  'service-delivery-manager-review': 'Service Delivery Manager review',
  'became-looked-after': 'date the child became looked after',
  'ceased-looked-after': 'date the child ceased to be looked after',
  'placement-started': 'start of the placement',
  'placement-changed': 'change of living arrangements',
  'placement-ended': 'end of the placement',
  'looked-after-review': 'looked-after review',
  'permanence-agreed': 'review that agreed permanence',
  'private-fostering-notified': 'private fostering referral',
  'missing-episode-started': 'start of the missing episode',
  'missing-episode-ended': "child's return",
  'significant-event': 'significant event',
  'case-supervision': 'case supervision',
  'started-in-role': 'start in role',
  'support-period-started': 'start of the supported period',
  'quality-dispute-raised': 'dispute about the quality of work',
};

/** The plain-English name of an event type (falls back to the type with spaces). */
export function eventLabel(type: string): string {
  return LABELS[type] ?? type.replace(/-/g, ' ');
}
