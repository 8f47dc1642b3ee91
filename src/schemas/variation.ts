import * as z from '../zod.js';
import { DurationSchema } from '../calendar/duration.js';
import { Id, IsoDate, Role } from './primitives.js';

/**
 * An agreed change to a rule's timescale for one child, recorded with who agreed it, when and
 * why. The engine checks it against what the standard allows before applying it.
 *
 * - `interval`: a recurring rule's interval changed from `from` (e.g. a child in need plan that
 *   sets weekly visits; a review that agrees 3-monthly visits for a permanent placement).
 * - `exception`: a one-off deadline that cannot be met, with the earliest date it will be
 *   (e.g. a section 47 visit within 24 hours not possible because of a joint police visit).
 */
export const Variation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('interval'),
    id: Id,
    ruleId: Id,
    interval: DurationSchema,
    agreedBy: z.array(Role).check(z.minLength(1)),
    agreedOn: IsoDate,
    /** When the new interval starts to count; defaults to `agreedOn`. */
    from: z.optional(IsoDate),
    /** Last day the variation applies (inclusive), if it is time-limited. */
    until: z.optional(IsoDate),
    /** Why it was agreed. Kept for the record; never echoed in reports. */
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }),
  z.object({
    kind: z.literal('exception'),
    id: Id,
    ruleId: Id,
    /** The event whose deadline is excepted (e.g. the section 47 start). */
    anchorEventId: Id,
    earliestDate: IsoDate,
    agreedBy: z.array(Role).check(z.minLength(1)),
    agreedOn: IsoDate,
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }),
]);
/** An agreed variation or exception, see {@link Variation}. */
export type Variation = z.infer<typeof Variation>;
