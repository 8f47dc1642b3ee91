import * as z from '../zod.js';

/** An ISO calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z.iso.date();

/**
 * What the engine can honour of a date-time beyond ISO 8601's form: an offset within ±14:00 (the
 * widest in use anywhere) and at most 9 digits of fraction. ISO allows more, and a time the engine
 * could not read would be dropped from the event, so the schema refuses it instead.
 */
export const DATE_TIME_RANGE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/;

/** An ISO date-time with seconds and an explicit offset (`Z` or `±HH:MM`, within ±14:00), at most 9 fraction digits. */
export const IsoDateTime = z.iso.datetime({ offset: true }).check(z.regex(DATE_TIME_RANGE));

/** A non-empty identifier (case id, event id, placement id). Never personal data. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * Roles that agree variations and exceptions, visit, or are alerted. The standards make the
 * manager's part explicit, and the Working Together consultation explains why a timescale
 * variation must record who agreed it.
 */
export const Role = z.enum([
  'social-worker',
  'team-manager',
  'service-delivery-manager',
  'head-of-service',
  'independent-reviewing-officer',
  'personal-adviser',
  'link-worker',
  'supervisor',
  'multi-agency-group',
  'looked-after-review',
  'adoption-review',
  'child-in-need-review',
]);
/** A role, see {@link Role}. */
export type Role = z.infer<typeof Role>;

/**
 * How a visit was made. In person is what statutory visits need unless a rule says otherwise.
 * `not-recorded`: the source does not say (no standard return records it); a rule needing an
 * in-person visit is then `unknown` unless the caller assumes visits were in person.
 */
export const VisitMode = z.enum(['in-person', 'video', 'phone', 'not-recorded']);
/** A visit mode, see {@link VisitMode}. */
export type VisitMode = z.infer<typeof VisitMode>;

/** The kinds of placement or living arrangement the standards distinguish. */
export const PlacementKind = z.enum([
  'foster',
  'connected-person',
  'residential',
  'adoptive',
  'temporarily-approved-carer',
  'placed-with-parents-interim-care-order',
  'placed-with-parents-care-order',
  'short-break-series',
  'young-offender-institution',
  'health-setting',
  'residential-school',
  'private-fostering',
  'other',
]);
/** A placement kind, see {@link PlacementKind}. */
export type PlacementKind = z.infer<typeof PlacementKind>;
