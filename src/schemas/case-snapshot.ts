import * as z from '../zod.js';
import { CaseEvent } from './events.js';
import { Id, IsoDate } from './primitives.js';
import { Supply } from './supply.js';
import { Variation } from './variation.js';

/** The child's school term dates, needed for school-day timescales (e.g. 20 school days). */
export const SchoolTerms = z.object({
  terms: z.array(z.object({ start: IsoDate, end: IsoDate })).check(z.minLength(1)),
  /** Days inside a term when the school is closed (training days). */
  closures: z.optional(z.array(IsoDate)),
});
/** School term dates, see {@link SchoolTerms}. */
export type SchoolTerms = z.infer<typeof SchoolTerms>;

/**
 * What has happened to one child: the single source of truth for the TypeScript types and for
 * the JSON Schema shipped as `practice-timescales/case-snapshot.schema.json`.
 *
 * Only ids, dates and categories: no names or free text are needed, and none is ever echoed.
 */
export const CaseSnapshot = z.object({
  caseId: Id,
  /** Optional grouping for caseload summaries: team and worker ids, not names. */
  team: z.optional(Id),
  worker: z.optional(Id),
  child: z.object({
    dateOfBirth: IsoDate,
    /** Will need services from adult teams (transition planning from 14 years 6 months). */
    needsAdultServices: z.optional(z.boolean()),
    /** Has care leaver entitlement (personal adviser visits from 18 to 25). */
    careLeaver: z.optional(z.boolean()),
    /**
     * The date from which the snapshot records every period in which the child was looked after,
     * by any local authority (for example the date of birth when the whole history is recorded).
     * Needed only when an earlier period could make the child an eligible child sooner (13 weeks
     * looked after since the age of 14: regulation 40).
     */
    careHistoryFrom: z.optional(IsoDate),
  }),
  schoolTerms: z.optional(SchoolTerms),
  events: z.array(CaseEvent),
  variations: z.optional(z.array(Variation)),
  /** What the snapshot's source can record, when it is partial (an importer's declaration). */
  supply: z.optional(Supply),
});
/** A child's case snapshot, see {@link CaseSnapshot}. */
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;
