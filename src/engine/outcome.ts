import type { ObligationStatus, TraceStep } from './obligation.js';
import type { PreparedEvent } from './prepared.js';

/**
 * The trace of an outcome on the fast path, which writes none (the text is written when read,
 * by evaluating the rule again with tracing on). Frozen: a step pushed to it is a bug.
 */
export const UNTRACED: TraceStep[] = Object.freeze([]) as unknown as TraceStep[];

/**
 * A due point: a day; for an hour-based rule whose anchor has a time, the exact minute and its
 * offset; and what the explanation must say when the day is not a working day. Made by
 * {@link dueOn} or {@link dueAt}, so that every due point has one shape (see {@link outcome}).
 */
export interface Due {
  readonly day: number;
  readonly minute: number | undefined;
  readonly offset: number | undefined;
  /** Said in the explanation: the due day falls at a weekend or on a bank holiday, and what was done. */
  readonly note: string | undefined;
}

/** A due day, with the note its explanation must give, if any. */
export function dueOn(day: number, note?: string): Due {
  return { day, minute: undefined, offset: undefined, note };
}

/** The due point of an hour-based rule to the minute: its day in the anchor's offset, the minute, the offset. */
export function dueAt(day: number, minute: number, offset: number): Due {
  return { day, minute, offset, note: undefined };
}

/** Where lateness is measured to: a day, and the minute when the satisfying event has a time. */
export interface Point {
  readonly day: number;
  readonly minute: number | undefined;
}

/** A {@link Point}, made here so that every one has one shape. */
export function pointOf(day: number, minute?: number): Point {
  return { day, minute };
}

/** What started an instance's clock. */
export interface Anchor {
  readonly eventId: string | null;
  readonly day: number;
  readonly label: string;
  readonly event?: PreparedEvent;
}

/**
 * One instance as a kind evaluator found it, before it is written up as an obligation. Made by
 * {@link outcome}, which gives every field (those a kind leaves out undefined).
 */
export interface Outcome {
  readonly instance: number;
  readonly status: ObligationStatus;
  readonly due: Due | undefined;
  readonly anchor: Anchor | undefined;
  /** The anchor is the last time the duty was met (recurring rules). */
  readonly anchorIsLastMet: boolean | undefined;
  readonly satisfied: { readonly id: string; readonly day: number; readonly minute?: number | undefined } | undefined;
  /** Where lateness is measured to: the satisfying event, the as-of date or the episode end. */
  readonly lateTo: Point | undefined;
  /** Why a status is unknown or not applicable, or why an open duty stopped. */
  readonly reason: string | undefined;
  /** The episode ended before the duty was met (the breach stands, but stopped growing). */
  readonly endedOn: { readonly day: number; readonly label: string } | undefined;
  /** For count rules: what fell short, e.g. "1 of 2 visits in the setting". */
  readonly shortfall: string | undefined;
  readonly trace: TraceStep[];
}

/** What a kind says of an instance: its number, status and trace, and whichever other fields it has. */
export type Found = Pick<Outcome, 'instance' | 'status' | 'trace'> & Partial<Omit<Outcome, 'instance' | 'status' | 'trace'>>;

/**
 * Every outcome is made here, with every field in one order, so that all have one shape: the code
 * that writes them up (lateness, the record, the explanation) then reads each field from one shape,
 * where outcomes of the many shapes the kinds would give make each read a lookup.
 */
export function outcome(o: Found): Outcome {
  return {
    instance: o.instance,
    status: o.status,
    due: o.due,
    anchor: o.anchor,
    anchorIsLastMet: o.anchorIsLastMet,
    satisfied: o.satisfied,
    lateTo: o.lateTo,
    reason: o.reason,
    endedOn: o.endedOn,
    shortfall: o.shortfall,
    trace: o.trace,
  };
}

/** A status decided by {@link judge}, and where lateness is measured to when late. */
export interface Verdict {
  readonly status: ObligationStatus;
  readonly lateTo: Point | undefined;
}

// The verdicts with nothing but a status, shared: every instance met or still due would otherwise make one.
const MET: Verdict = Object.freeze({ status: 'met', lateTo: undefined });
const DUE: Verdict = Object.freeze({ status: 'due', lateTo: undefined });

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
): Verdict {
  if (sat) {
    const onTime = due.minute !== undefined && sat.minute !== undefined ? sat.minute <= due.minute : sat.day <= due.day;
    return onTime ? MET : { status: 'met-late', lateTo: pointOf(sat.day, sat.minute) };
  }
  const end = stopDay !== undefined && stopDay < asOf ? stopDay : asOf;
  if (end > due.day) return { status: 'overdue', lateTo: pointOf(end) };
  return DUE;
}
