import * as z from '../zod.js';
import { Id, IsoDate, IsoDateTime, PlacementKind, Role, VisitMode } from './primitives.js';

/**
 * Fields every event has. `date` is the local calendar date the event happened; `at` is the
 * same moment with a time and offset, needed only by hour-based rules (24, 48, 72 hours).
 * `recordedOn` is the date the event was written on the child's file, for recording rules.
 */
const base = {
  id: Id,
  date: IsoDate,
  at: z.optional(IsoDateTime),
  recordedOn: z.optional(IsoDate),
};

function event<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...base, ...shape });
}

const placementRef = { placementId: Id };
const episodeRef = { episodeId: Id };
const assessmentRef = { assessmentId: z.optional(Id) };

/** Every event a child's case snapshot can hold, discriminated on `type`. */
export const CaseEvent = z.discriminatedUnion('type', [
  // Assessment of need
  event('referral', {}),
  event('decision-to-assess', assessmentRef),
  event('assessment-started', assessmentRef),
  event('assessment-progress-review', assessmentRef),
  event('assessment-authorised', assessmentRef),
  // Significant harm and child protection
  event('strategy-discussion', { form: z.optional(z.enum(['discussion', 'meeting'])) }),
  /**
   * A section 47 enquiry started. `strategyDiscussionId` names the strategy discussion that
   * initiated it, when the snapshot records that discussion: the initial conference clock counts
   * from it when it is earlier (Working Together: "of the strategy discussion at which section 47
   * enquiries were initiated").
   */
  event('section-47-started', { strategyDiscussionId: z.optional(Id) }),
  /**
   * The section 47 enquiry concluded. `conferenceRequired: false` records that no initial child
   * protection conference is needed, which ends the duty to hold one.
   */
  event('section-47-concluded', { conferenceRequired: z.optional(z.boolean()) }),
  event('initial-child-protection-conference', {}),
  event('review-child-protection-conference', {}),
  event('child-protection-plan-started', {}),
  event('child-protection-plan-ended', {}),
  event('core-group-meeting', {}),
  /** A report shared ahead of a meeting (conference, review); `forEventId` names the meeting. */
  event('report-shared', { forEventId: Id, sharedWith: z.optional(z.array(z.enum(['parents', 'carers', 'family', 'chair', 'independent-reviewing-officer']))) }),
  // Child in need
  event('child-in-need-plan-started', {}),
  event('child-in-need-review', {}),
  event('child-in-need-plan-ended', {}),
  event('service-delivery-manager-review', {}),
  // Looked after
  event('became-looked-after', { legalStatus: z.optional(z.enum(['section-20', 'interim-care-order', 'care-order', 'placement-order', 'police-protection', 'remand', 'other'])) }),
  event('ceased-looked-after', {}),
  event('placement-started', {
    ...placementRef,
    kind: PlacementKind,
    /** Intended to last until the child is 18 (regulation 28: 3-monthly visits after year one). */
    intendedUntil18: z.optional(z.boolean()),
    /** Short breaks: the hours of short breaks a year the child accesses in this setting. */
    shortBreakHoursPerYear: z.optional(z.number().check(z.nonnegative())),
  }),
  /** A change of living arrangements within a placement (restarts the placement's visiting clock). */
  event('placement-changed', { ...placementRef, kind: z.optional(PlacementKind) }),
  event('placement-ended', placementRef),
  /**
   * A looked-after review. `reviewNumber` is its number in the current period of care (1 for the
   * first), for duties tied to a particular review (Leeds: a permanence plan by the second).
   */
  event('looked-after-review', { reviewNumber: z.optional(z.int().check(z.positive())) }),
  /** Permanence agreed at a review for a placement (visits may then go 3-monthly). */
  event('permanence-agreed', { placementId: z.optional(Id), reviewEventId: z.optional(Id) }),
  event('care-plan-completed', {}),
  event('permanence-plan-completed', {}),
  event('pathway-plan-review', {}),
  /** The assessment of an eligible child's needs that the pathway plan is built on (regulation 42). */
  event('needs-assessment-completed', {}),
  event('short-break-plan-review', {}),
  event('placement-planning-meeting', { placementId: z.optional(Id) }),
  event('head-of-service-report', { placementId: z.optional(Id) }),
  event('carer-approved', { placementId: z.optional(Id) }),
  /**
   * The final hearing of care proceedings. `outcome` records what the court made: a care order
   * (section 31; for a child living with a parent regulation 28(5)(a) then requires a visit within
   * one week), another order (e.g. a supervision or child arrangements order) or no order.
   */
  event('final-hearing', { outcome: z.optional(z.enum(['care-order', 'other-order', 'no-order'])) }),
  event('adoption-order-made', {}),
  // Visits
  event('visit', {
    mode: VisitMode,
    seenAlone: z.optional(z.boolean()),
    unannounced: z.optional(z.boolean()),
    by: z.optional(Role),
    placementId: z.optional(Id),
    sleepingArrangementsSeen: z.optional(z.boolean()),
    lookedAfterPackProvided: z.optional(z.boolean()),
    /** False when the visit was attempted but the child was not seen: it does not count. */
    childSeen: z.optional(z.boolean()),
    /**
     * For a video or phone visit: true when visiting in person would have been contrary to
     * coronavirus guidance or not reasonably practicable for a reason relating to coronavirus.
     * From 25 September 2020 to 30 September 2021 (SI 2020/909, extended by SI 2021/261) a
     * statutory visit by video or phone counts only on that condition, which must be recorded.
     */
    remoteForCoronavirus: z.optional(z.boolean()),
    /** For a visit after a child returned from missing: the missing episode it follows up. */
    episodeId: z.optional(Id),
  }),
  // Private fostering
  event('private-fostering-notified', {}),
  event('private-fostering-child-away', {}),
  event('private-fostering-child-returned', { carer: z.optional(z.enum(['same', 'different'])) }),
  event('private-fostering-ended', {}),
  // Missing children
  event('missing-episode-started', episodeRef),
  event('missing-episode-ended', episodeRef),
  event('return-interview', episodeRef),
  event('missing-coordinator-notified', episodeRef),
  event('missing-strategy-meeting', episodeRef),
  // Education and health
  event('exclusion-risk-identified', {}),
  event('exclusion-risk-ended', {}),
  event('pep-meeting', {}),
  event('pep-review', {}),
  event('health-assessment-arranged', {}),
  event('health-assessment', {}),
  // Transitions, advocacy, quality
  event('adult-services-alerted', {}),
  event('housing-plan', {}),
  event('advocacy-referral', {}),
  event('quality-dispute-raised', {}),
  event('quality-dispute-plan', { disputeEventId: z.optional(Id) }),
  // Recording and management oversight
  event('chronology-updated', {}),
  event('genogram-completed', {}),
  event('significant-event', { emergency: z.optional(z.boolean()) }),
  event('case-supervision', {}),
  /** The case closed to children's social care (ends case-long duties such as case supervision). */
  event('case-closed', {}),
]);
/** An event in a child's case snapshot. */
export type CaseEvent = z.infer<typeof CaseEvent>;
/** The `type` of a case event. */
export type CaseEventType = CaseEvent['type'];
