import type { Role } from '../schemas/primitives.js';
import type { SnapshotProblem } from './snapshot-error.js';
import type { RefusalCode } from './variations.js';
import type { Rule } from '../rules/rule-schema.js';

/** Where an obligation stands on the as-of date. */
export type ObligationStatus = 'met' | 'met-late' | 'due' | 'overdue' | 'excepted' | 'not-applicable' | 'unknown';

/** Every status, in report order. */
export const STATUSES: readonly ObligationStatus[] = ['overdue', 'met-late', 'due', 'met', 'excepted', 'unknown', 'not-applicable'];

/** One step of the working from anchor to due date to the matching event. */
export interface TraceStep {
  readonly step: 'anchor' | 'phase' | 'variation' | 'exception' | 'due' | 'satisfied' | 'none' | 'cancelled' | 'window' | 'note';
  readonly detail: string;
  readonly date?: string;
  readonly eventId?: string;
  /** For a variation or exception not applied: why, as a stable code. */
  readonly code?: RefusalCode;
}

/** How late an obligation was met, or is. */
export interface Lateness {
  readonly workingDays: number;
  readonly calendarDays: number;
  /** For hour-based rules where both times are known. */
  readonly hours?: number;
}

/** One instance of a duty for one child (or worker), with its status and why. */
export interface Obligation {
  readonly caseId: string;
  readonly ruleId: string;
  /** The rule set the rule comes from (a local set or the baseline it extends). */
  readonly ruleSet: string;
  readonly area: Rule['area'];
  readonly title: string;
  /** 0 for the first instance; each interval of a recurring rule is an instance. */
  readonly instance: number;
  readonly status: ObligationStatus;
  /** ISO date, or ISO date-time for hour-based rules when the anchor time is known. */
  readonly due: string | null;
  /** What started the clock. `eventId` is null for an age or an episode start taken from a fact. */
  readonly anchor: { readonly eventId: string | null; readonly date: string; readonly label: string } | null;
  readonly satisfiedBy: { readonly eventId: string; readonly date: string } | null;
  readonly lateness: Lateness | null;
  /**
   * One or two plain-English sentences citing the standard. Names the case id only. Written when
   * first read (and by `JSON.stringify`), so a caller who never reads it does not pay for it; it is
   * written from the snapshot as given, so change a snapshot only after its report's text is read
   * (otherwise reading it throws `TimescaleError` `snapshot-changed`). `structuredClone` and
   * `postMessage` copy own fields only: send a report's JSON to another thread to keep the text.
   */
  readonly explanation: string;
  /** The working from anchor to due date to the matching event. Written when first read, as `explanation` is. */
  readonly trace: readonly TraceStep[];
  readonly cite: Rule['cite'];
  /** True when the due date depends on projected (not yet announced) bank holidays. */
  readonly provisional: boolean;
  /** Who must be alerted when this is breached, where the standard says. */
  readonly escalateTo?: Role;
  /** Other rules measuring the same duty, and whether this one is the stricter (decides). */
  readonly comparison?: { readonly measures: string; readonly decides: boolean; readonly others: readonly { ruleId: string; due: string | null; status: ObligationStatus }[] };
}

/** The full answer for one snapshot. */
export interface Report {
  readonly caseId: string;
  readonly subject: 'child' | 'worker';
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly ruleSet: string;
  readonly asOf: string;
  readonly obligations: readonly Obligation[];
  /** Obligations met late or overdue, most overdue first. */
  readonly breaches: readonly Obligation[];
  /** The open obligation due soonest, if any. */
  readonly nextDue: Obligation | null;
  readonly counts: Readonly<Record<ObligationStatus, number>>;
  /** First date whose bank holidays are projected, when any due date depends on it. */
  readonly provisionalFrom: string | null;
  /** What in the snapshot was ignored: one `unrecognised-field` problem per object with fields the schema does not know. */
  readonly warnings: readonly SnapshotProblem[];
}
