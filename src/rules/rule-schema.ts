import * as z from '../zod.js';
import { DurationSchema } from '../calendar/duration.js';
import { Id, IsoDate, Role } from '../schemas/primitives.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A period of dates, inclusive at both ends; an open end runs on. */
export const Period = z.object({ from: IsoDate, to: z.optional(IsoDate) });

/** A lower bound on a number field, e.g. `{ "atLeast": 70 }` for 70+ hours of short breaks. */
const AtLeast = z.strictObject({ atLeast: z.number() });

/**
 * Which events count. `where` compares event fields for equality (a list means any of, and
 * `null` in it matches an absent field, e.g. `[false, null]` for "not an emergency");
 * `{ "field": null }` matches an absent field; a list-valued field (such as `sharedWith`)
 * matches when it contains the value; `{ "atLeast": n }` matches a number of at least n.
 * `during` limits events to dates when the law allowed them to count (e.g. video visits
 * under the coronavirus regulations).
 */
export const Selector = z.object({
  type: z.union([z.string(), z.array(z.string()).check(z.minLength(1))]),
  where: z.optional(z.record(z.string(), z.union([Scalar, z.null(), z.array(z.union([Scalar, z.null()])).check(z.minLength(1)), AtLeast]))),
  during: z.optional(z.array(Period).check(z.minLength(1))),
});
/** An event selector, see {@link Selector}. */
export type Selector = z.infer<typeof Selector>;

/**
 * An event that starts a duty. With `earlierLinked`, the clock counts from the event whose id the
 * anchor carries in `field` (of type `type`) when that event is earlier: Working Together counts
 * the initial conference from "the strategy discussion at which section 47 enquiries were
 * initiated", which a snapshot may record, linked to the enquiry, before the enquiry's start.
 */
export const EventTrigger = z.extend(Selector, {
  earlierLinked: z.optional(z.strictObject({ field: z.string().check(z.minLength(1)), type: z.string().check(z.minLength(1)) })),
});

/**
 * Becoming an eligible child (Children Act 1989 Schedule 2 paragraph 19B(2), regulation 40): an
 * age trigger with `eligibility` fires on the first day from that age, and before `untilAge`,
 * when the child is in one of the `periods` and the periods since `sinceAge` add up to `total`.
 * `historyFrom` names the child fact that says from when every period is recorded; without it an
 * answer that earlier, unrecorded periods could change is `unknown`.
 */
export const Eligibility = z.strictObject({
  periods: z.strictObject({ start: Selector, end: z.optional(z.array(Selector)) }),
  total: z.strictObject({ weeks: z.int().check(z.positive()) }),
  sinceAge: DurationSchema,
  untilAge: DurationSchema,
  historyFrom: z.optional(z.string().check(z.minLength(1))),
});
/** An eligibility condition, see {@link Eligibility}. */
export type Eligibility = z.infer<typeof Eligibility>;

/**
 * A point in a child's life: an event, or reaching an age. With `notBefore`, an age counts from
 * the later of the birthday and the first event matching the selector: West Berkshire refers
 * every young person "10 years upwards" to advocacy, so a child first known at 12 is due when
 * first known, not at 10. With `eligibility`, from the later of the birthday and the day the
 * child became eligible (see `Eligibility` in the rule schema).
 */
export const Trigger = z.union([
  EventTrigger,
  z.object({ age: DurationSchema, notBefore: z.optional(Selector), eligibility: z.optional(Eligibility) }),
]);
/** A trigger, see {@link Trigger}. */
export type Trigger = z.infer<typeof Trigger>;

/**
 * A span during which a recurring or counted rule applies: opened by `start`, closed by the
 * first `end` after it. With `key`, start and end must share that field (e.g. `placementId`),
 * and satisfying events that carry the field must carry the same value.
 */
export const Episode = z.object({
  start: Trigger,
  end: z.optional(z.array(Trigger)),
  key: z.optional(z.string()),
  /**
   * An absence that ends the episode once it lasts longer than `longerThan`: it begins with an
   * `away` event in the episode and ends with the next `back` event. Leeds: "If a privately
   * fostered child spends a period of more than 27 days away from the care of the private foster
   * carer, then the private fostering arrangement will cease", on the 28th day away.
   */
  ceasesAfterAbsence: z.optional(z.strictObject({ away: Selector, back: Selector, longerThan: DurationSchema })),
});
/** An episode, see {@link Episode}. */
export type Episode = z.infer<typeof Episode>;

/** When a phase begins: a time after the episode starts, the first matching event in it, or the later of several. */
export type Boundary = { after: z.infer<typeof DurationSchema> } | { event: Selector } | { allOf: Boundary[] };
/** A phase boundary, see {@link Boundary}. */
export const Boundary: z.ZodType<Boundary> = z.lazy(() =>
  z.union([
    z.strictObject({ after: DurationSchema }),
    z.strictObject({ event: Selector }),
    z.strictObject({ allOf: z.array(Boundary).check(z.minLength(1)) }),
  ]),
);

/**
 * One stage of a recurring rule. The interval in force on the day of the last satisfying event
 * (or the episode start) sets the next due date. `whenStart` limits the phase to episodes whose
 * start event has those fields (e.g. placements intended to last until 18).
 */
export const Phase = z.object({
  from: z.optional(Boundary),
  interval: DurationSchema,
  whenStart: z.optional(z.record(z.string(), z.union([Scalar, z.array(Scalar).check(z.minLength(1))]))),
  label: z.optional(z.string()),
});
/** A phase, see {@link Phase}. */
export type Phase = z.infer<typeof Phase>;

/**
 * What meets an obligation: matching events, or a date field of the anchor event itself
 * (`anchorField: "recordedOn"` for recording rules). `link` names a field that ties the event
 * to the anchor: a field ending in `EventId` (`forEventId`, `disputeEventId`) holds the anchor's
 * id; any other (`episodeId`, `placementId`, `assessmentId`) is an id the anchor and the event
 * share. An event naming another anchor never counts; one that does not carry the field (a
 * visit that records no missing episode) counts by its date alone. Every rule whose anchor is
 * one of several possible episodes, placements or meetings should link by the id events carry.
 * `evidence` is the plain-English noun used in explanations ("visit").
 */
export const Satisfier = z.object({
  events: z.optional(z.array(Selector).check(z.minLength(1))),
  anchorField: z.optional(z.string()),
  link: z.optional(z.string()),
  evidence: z.string().check(z.minLength(1)),
  /**
   * Whether an event on the anchor's own day counts (default true). Leeds asks for a visit on
   * the day a child is placed *and* another within a week: the week's visit sets this false.
   */
  onAnchorDay: z.optional(z.boolean()),
});
/** A satisfier, see {@link Satisfier}. */
export type Satisfier = z.infer<typeof Satisfier>;

/**
 * From when a satisfying event counts for a deadline, where the standard expects the work may be
 * done before the anchor (default: from the anchor). `since` lists events, the latest of which
 * on or before the anchor opens the window (a care plan counts from the referral or the end of a
 * previous period of care, not only from the day the child became looked after); `"any-time"`
 * opens it at any earlier date. Before the anchor, a rule with a `link` counts only events that
 * name this anchor. When `since` finds no event and only evidence before the anchor could meet
 * the duty, the status is unknown, naming the missing event.
 */
export const CountsFrom = z.strictObject({ since: z.union([z.literal('any-time'), z.array(Selector).check(z.minLength(1))]) });
/** See {@link CountsFrom}. */
export type CountsFrom = z.infer<typeof CountsFrom>;

/** A variation of a recurring rule's interval the standard allows, and who must agree it. */
const VariationAllowance = z.object({
  /** Any one of these roles may agree it (e.g. the team manager). */
  anyOf: z.optional(z.array(Role).check(z.minLength(1))),
  /** All of these roles must agree it (e.g. social worker, line manager and IRO). */
  allOf: z.optional(z.array(Role).check(z.minLength(1))),
  /** Shortest interval allowed (none: any more frequent interval is allowed). */
  min: z.optional(DurationSchema),
  /** Longest interval allowed. */
  max: z.optional(DurationSchema),
  /**
   * The label of the phase the variation may apply in (Leeds Light Touch: only once a permanent
   * placement is agreed). On other days the phase's own interval applies.
   */
  inPhase: z.optional(z.string()),
  note: z.optional(z.string()),
});

/** A one-off deadline exception the standard allows, and who must record it. */
const ExceptionAllowance = z.object({
  anyOf: z.array(Role).check(z.minLength(1)),
  note: z.optional(z.string()),
});

/** Conditions on the child's (or worker's) facts and on the anchor. */
const Condition = z.object({
  /** Facts about the subject (child or worker) that must hold, e.g. `{ "careLeaver": true }`. */
  facts: z.optional(z.record(z.string(), z.union([Scalar, z.array(Scalar).check(z.minLength(1))]))),
  /** The anchor must fall inside an episode of this kind (e.g. while looked after). */
  withinEpisode: z.optional(Episode),
});

/** The citation every rule carries: a verbatim quote an auditor can find in the source. */
export const Citation = z.object({
  /** Human title, e.g. "Leeds Practice Standards 2023". */
  document: z.string().check(z.minLength(1)),
  section: z.string().check(z.minLength(1)),
  quote: z.string().check(z.minLength(1)),
  /** File in `../shared/sources/` the quote is checked against, or absent for statute. */
  source: z.optional(z.string()),
  url: z.optional(z.url()),
});

const common = {
  id: z.string().check(z.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Rule ids are dotted kebab-case, e.g. leeds.visits.child-in-need')),
  area: z.enum(['assessment', 'visits', 'meetings-and-plans', 'reviews', 'supervision', 'recording']),
  title: z.string().check(z.minLength(1)),
  /** The duty as a plain-English clause, e.g. "a child in need must be visited at least every 20 working days". */
  requirement: z.string().check(z.minLength(1)),
  /** Whose record the rule reads: a child's case (default) or a worker's supervision record. */
  subject: z.optional(z.enum(['child', 'worker'])),
  /** Rules that measure the same duty share this key; the stricter decides the status. */
  measures: z.optional(z.string()),
  inForce: z.optional(Period),
  appliesWhen: z.optional(Condition),
  /** Who must be alerted when this obligation is breached (West Berkshire: "we will alert a supervisor"). */
  escalateTo: z.optional(Role),
  cite: Citation,
  /** The reading chosen where the text is ambiguous, and why. */
  note: z.optional(z.string()),
  /** For statutory rules: true only where the number was checked against the primary text. */
  verified: z.optional(z.boolean()),
};

/**
 * What happens to a due date counted in calendar time (days, weeks, months) that falls on a
 * weekend or bank holiday: `keep` (default) holds it there, the reading that protects the child,
 * and the explanation says so; `next-working-day` moves it to the next working day.
 */
export const OnNonWorkingDay = z.enum(['keep', 'next-working-day']);

/** A one-off deadline after (or, with a negative duration, before) an anchor. */
export const DeadlineRule = z.object({
  ...common,
  kind: z.literal('deadline'),
  anchor: Trigger,
  due: DurationSchema,
  onNonWorkingDay: z.optional(OnNonWorkingDay),
  satisfiedBy: z.extend(Satisfier, {
    /**
     * Which matching event after the anchor meets the duty (default 1). Leeds reviews an
     * assessment at 10 working days and "again at 20 working days": the 20-day duty is met by
     * the second review.
     */
    nth: z.optional(z.int().check(z.gte(1))),
    countsFrom: z.optional(CountsFrom),
  }),
  /** Events that end the duty if they come before it is met (e.g. the plan ended). */
  cancelledBy: z.optional(z.array(Selector)),
  exception: z.optional(ExceptionAllowance),
});

/** A duty that recurs at an interval from the last time it was met, through an episode. */
export const RecurringRule = z.object({
  ...common,
  kind: z.literal('recurring'),
  episode: Episode,
  /** The first due date, counted from the episode start (default: the first phase's interval). */
  first: z.optional(DurationSchema),
  phases: z.array(Phase).check(z.minLength(1)),
  onNonWorkingDay: z.optional(OnNonWorkingDay),
  satisfiedBy: Satisfier,
  variation: z.optional(z.array(VariationAllowance).check(z.minLength(1))),
});

/**
 * Only the nth target of each episode is a target (Leeds: the permanence plan is for "the second
 * Review" of a period of care). A target carrying `field` (e.g. `reviewNumber`) has that number;
 * one without it is numbered by its place, in date order, among the targets of its episode.
 * Satisfying events count from the start of the target's episode. A target without a number
 * that falls in no episode gives `unknown`, naming the missing episode start.
 */
export const NthTarget = z.strictObject({ nth: z.int().check(z.gte(1)), field: z.optional(z.string()), episode: Episode });

/** A duty due a time before an event (e.g. reports shared 3 working days before a conference). */
export const BeforeEventRule = z.object({
  ...common,
  kind: z.literal('before-event'),
  target: Selector,
  nthTarget: z.optional(NthTarget),
  before: DurationSchema,
  satisfiedBy: z.extend(Satisfier, {
    /**
     * Each target needs its own event, made after the previous target (default false: any event
     * meets every later target). West Berkshire updates the chronology "prior to conference or a
     * Child in Need meeting": an update made before the first meeting does not count for the next.
     */
    afterPreviousTarget: z.optional(z.boolean()),
  }),
});

/** A count of events required in each window of an episode (e.g. twice a year, once unannounced). */
export const CountRule = z.object({
  ...common,
  kind: z.literal('count-in-window'),
  episode: Episode,
  window: z.union([z.object({ every: DurationSchema }), z.object({ schoolTerm: z.literal(true) })]),
  requirements: z
    .array(z.object({ count: z.int().check(z.positive()), events: z.array(Selector).check(z.minLength(1)), evidence: z.string().check(z.minLength(1)) }))
    .check(z.minLength(1)),
});

/** Something that must exist, with no timescale (e.g. a chronology for every child assessed). */
export const PresenceRule = z.object({
  ...common,
  kind: z.literal('presence'),
  anchor: Trigger,
  satisfiedBy: Satisfier,
});

/** Any rule. */
export const Rule = z.discriminatedUnion('kind', [DeadlineRule, RecurringRule, BeforeEventRule, CountRule, PresenceRule]);
/** A rule, see {@link Rule}. */
export type Rule = z.infer<typeof Rule>;

/** A statement in a standard that sets no checkable timescale, listed in the catalogue. */
export const Guidance = z.object({
  id: z.string().check(z.minLength(1)),
  area: common.area,
  statement: z.string().check(z.minLength(1)),
  reason: z.string().check(z.minLength(1)),
  cite: Citation,
});

/** A rule set: the rules of one authority's standards, optionally extending another set. */
export const RuleSet = z.object({
  id: Id,
  title: z.string().check(z.minLength(1)),
  authority: z.string().check(z.minLength(1)),
  source: z.string().check(z.minLength(1)),
  inForce: Period,
  extends: z.optional(Id),
  rules: z.array(Rule),
  guidance: z.optional(z.array(Guidance)),
});
/** A rule set, see {@link RuleSet}. */
export type RuleSet = z.infer<typeof RuleSet>;
/** A rule set as written in JSON, before validation. */
export type RuleSetInput = z.input<typeof RuleSet>;
