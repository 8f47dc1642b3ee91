import * as z from '../zod.js';

/**
 * A timescale as data, so rule tables can hold it: `{ workingDays: 5 }`, `{ weeks: 6 }`,
 * `{ months: 3 }`, `{ years: 14, months: 6 }`, `{ schoolDays: 20 }`, `{ hours: 24 }`,
 * `{ days: 0 }` (on the day).
 *
 * Exactly one unit, except that years and months may be combined (an age such as 14 years
 * 6 months). Values are whole numbers and may be negative (counting back, e.g. reports due
 * before a meeting).
 */
export const DurationSchema = z
  .strictObject({
    workingDays: z.optional(z.int()),
    days: z.optional(z.int()),
    weeks: z.optional(z.int()),
    months: z.optional(z.int()),
    years: z.optional(z.int()),
    schoolDays: z.optional(z.int()),
    hours: z.optional(z.int()),
  })
  .check(
    z.refine(
      (d) => {
        const keys = Object.keys(d).filter((k) => d[k as keyof typeof d] !== undefined);
        if (keys.length === 1) return true;
        return keys.length === 2 && keys.includes('years') && keys.includes('months');
      },
      { message: 'A duration has exactly one unit (years and months may be combined).' },
    ),
  );

/** A timescale as data. See {@link DurationSchema}. */
export type Duration = z.infer<typeof DurationSchema>;
