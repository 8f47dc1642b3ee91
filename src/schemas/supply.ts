import * as z from '../zod.js';

/**
 * One kind of event a source records. `fields` lists the event's fields the source can fill
 * besides `id` and `date` (absent: every field the snapshot schema has). `latestOnly` says the
 * source keeps only the most recent event of the type (Annex A's "Date of Last Social Work
 * Visit"), so earlier cycles of a duty cannot be judged from it.
 */
export const SuppliedEvents = z.object({
  type: z.string().check(z.minLength(1), z.maxLength(100)),
  fields: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
  latestOnly: z.optional(z.boolean()),
  /**
   * Earlier events of the type may be missing: the source starts part-way through the child's
   * history (a yearly return for a child already in care), so the first event recorded is not
   * known to be the first there was, and an interval counted from it as the first cannot be judged.
   */
  partialHistory: z.optional(z.boolean()),
});
/** An event type a source records, see {@link SuppliedEvents}. */
export type SuppliedEvents = z.infer<typeof SuppliedEvents>;

/**
 * What the source of a snapshot can supply. A snapshot without it is taken to record everything;
 * with it, a rule whose anchor or evidence the source cannot supply is `unknown`, naming what is
 * missing, never `overdue` or `not-applicable`.
 */
export const Supply = z.object({
  /** The source in plain words, used in explanations: "the SSDA903 return". */
  source: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The event types the source records. A type not listed is not recorded at all. */
  events: z.array(SuppliedEvents),
  /** The child's facts the source records (`careLeaver`, `needsAdultServices`); absent: none. */
  facts: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
});
/** What a snapshot's source can supply, see {@link Supply}. */
export type Supply = z.infer<typeof Supply>;
