import * as z from '../zod.js';
import { Id, IsoDate } from './primitives.js';

const workerEvent = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), id: Id, date: IsoDate, recordedOn: z.optional(IsoDate), ...shape });

/** Events in a worker's supervision record. */
export const WorkerEvent = z.discriminatedUnion('type', [
  workerEvent('supervision-session', { kind: z.optional(z.enum(['personal', 'case'])) }),
  workerEvent('supervision-agreement-signed', {}),
  workerEvent('supervision-agreement-reviewed', {}),
  workerEvent('practice-observation', {}),
  workerEvent('appraisal', {}),
]);
/** A worker event, see {@link WorkerEvent}. */
export type WorkerEvent = z.infer<typeof WorkerEvent>;
/** The `type` of a worker event. */
export type WorkerEventType = WorkerEvent['type'];

/**
 * A social worker's supervision record. Supervision concerns workers, not children, and is
 * evaluated the same way as a case.
 */
export const WorkerSnapshot = z.object({
  workerId: Id,
  team: z.optional(Id),
  role: z.enum(['social-worker', 'newly-qualified-social-worker', 'team-manager', 'personal-adviser']),
  /** First day in post for this role (the clock for a newly qualified worker's weekly supervision). */
  startedOn: IsoDate,
  qualifiedOn: z.optional(IsoDate),
  /** Returning to work or a major change of role: fortnightly supervision for the agreed period. */
  periods: z.optional(z.array(z.object({ kind: z.enum(['returning-to-work', 'change-of-role']), start: IsoDate, end: IsoDate }))),
  events: z.array(WorkerEvent),
});
/** A worker's snapshot, see {@link WorkerSnapshot}. */
export type WorkerSnapshot = z.infer<typeof WorkerSnapshot>;
