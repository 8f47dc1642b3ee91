import type { ObligationStatus, TraceStep } from './obligation.js';
import type { PreparedEvent } from './prepared.js';

/**
 * The trace of an outcome on the fast path, which writes none (the text is written when read,
 * by evaluating the rule again with tracing on). Frozen: a step pushed to it is a bug.
 */
export const UNTRACED: TraceStep[] = Object.freeze([]) as unknown as TraceStep[];

/** A due point: a day, and an exact minute for hour-based rules when the anchor time is known. */
export interface Due {
  readonly day: number;
  readonly minute?: number;
  readonly offset?: number;
  /** Said in the explanation: the due day falls at a weekend or on a bank holiday, and what was done. */
  readonly note?: string;
}

/** What started an instance's clock. */
export interface Anchor {
  readonly eventId: string | null;
  readonly day: number;
  readonly label: string;
  readonly event?: PreparedEvent;
}

/** One instance as a kind evaluator found it, before it is written up as an obligation. */
export interface Outcome {
  readonly instance: number;
  readonly status: ObligationStatus;
  readonly due?: Due;
  readonly anchor?: Anchor;
  /** The anchor is the last time the duty was met (recurring rules). */
  readonly anchorIsLastMet?: boolean;
  readonly satisfied?: { readonly id: string; readonly day: number; readonly minute?: number };
  /** Where lateness is measured to: the satisfying event, the as-of date or the episode end. */
  readonly lateTo?: { readonly day: number; readonly minute?: number };
  /** Why a status is unknown or not applicable, or why an open duty stopped. */
  readonly reason?: string;
  /** The episode ended before the duty was met (the breach stands, but stopped growing). */
  readonly endedOn?: { readonly day: number; readonly label: string };
  /** For count rules: what fell short, e.g. "1 of 2 visits in the setting". */
  readonly shortfall?: string;
  readonly trace: TraceStep[];
}

// The verdicts with nothing but a status, shared: every instance met or still due would otherwise make one.
const MET = Object.freeze({ status: 'met' as const });
const DUE = Object.freeze({ status: 'due' as const });

/**
 * Decides a status from a due point, the first satisfying event and the as-of day.
 * An hour-based due with a time on both sides is compared to the minute; otherwise by day, so a
 * missing time never makes a breach. `stopDay` is when the duty stopped (episode end).
 */
export function judge(
  due: Due,
  sat: { day: number; minute?: number | undefined } | undefined,
  asOf: number,
  stopDay?: number,
): { status: ObligationStatus; lateTo?: { day: number; minute?: number } } {
  if (sat) {
    const onTime = due.minute !== undefined && sat.minute !== undefined ? sat.minute <= due.minute : sat.day <= due.day;
    return onTime ? MET : { status: 'met-late', lateTo: sat.minute === undefined ? { day: sat.day } : { day: sat.day, minute: sat.minute } };
  }
  const end = stopDay !== undefined && stopDay < asOf ? stopDay : asOf;
  if (end > due.day) return { status: 'overdue', lateTo: { day: end } };
  return DUE;
}
