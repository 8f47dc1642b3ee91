import { formatIsoDateTime } from '../calendar/day-number.js';
import type { RuleInSet } from '../rules/chain.js';
import type { Rule } from '../rules/rule-schema.js';
import type { Role } from '../schemas/primitives.js';
import { byDueText, comparedSentence } from './compared-sentence.js';
import { isoDate } from './iso-text.js';
import type { Lateness, Obligation, ObligationStatus, TraceStep } from './obligation.js';
import type { Due, Outcome } from './outcome.js';

/** Writes the full obligation (explanation and trace included) for one found on the fast path. */
export interface ObligationWriter {
  /** The case (or worker) id of the report the obligations belong to. */
  readonly caseId: string;
  /** The obligation found for a rule, written in full. */
  written(found: Obligation, entry: RuleInSet): Obligation;
}

type Comparison = NonNullable<Obligation['comparison']>;

/** A due point as reported: the date, or the date and time for hour-based rules when the anchor time is known. */
export function dueText(due: Due | undefined): string | null {
  if (due === undefined) return null;
  return due.minute !== undefined ? formatIsoDateTime(due.minute, due.offset ?? 0) : isoDate(due.day);
}

/** An obligation's fields other than its text. */
export type ObligationFields = Omit<Obligation, 'explanation' | 'trace'>;

/**
 * An obligation as a plain object, its fields in the order a report has always serialised them:
 * the explanation and trace after `lateness`; `escalateTo` and `comparison` only where there is one.
 */
export function withText(o: ObligationFields, explanation: string, trace: readonly TraceStep[]): Obligation {
  const plain: { -readonly [K in keyof Obligation]: Obligation[K] } = {
    caseId: o.caseId,
    ruleId: o.ruleId,
    ruleSet: o.ruleSet,
    area: o.area,
    title: o.title,
    instance: o.instance,
    status: o.status,
    due: o.due,
    anchor: o.anchor,
    satisfiedBy: o.satisfiedBy,
    lateness: o.lateness,
    explanation,
    trace,
    cite: o.cite,
    provisional: o.provisional,
  };
  if (o.escalateTo) plain.escalateTo = o.escalateTo;
  if (o.comparison) plain.comparison = o.comparison;
  return plain;
}

/**
 * An obligation as the fast path gives it: a small record of what differs from one obligation to
 * the next (instance, status, lateness). What its rule and report say once for all of their
 * obligations (case id, rule id, set, area, title, citation, who to alert) is read from them, and
 * `explanation` and `trace` are written when first read (by evaluating the rule again with tracing
 * on), so a caller who never reads them does not pay for them, and a held report stays small.
 * Every field reads as before, and `JSON.stringify` gives exactly the object the engine wrote
 * before (same fields, same order). Spreading, `Object.keys`, `structuredClone` and `postMessage`
 * see own fields only: use `JSON.parse(JSON.stringify(report))` (or the JSON text) for a plain copy.
 *
 * This class is a rule's only obligation (not applicable or unknown), which has no dates; one
 * with dates is a {@link FoundObligation}.
 */
export class ObligationRecord implements Obligation {
  declare readonly instance: number;
  declare readonly status: ObligationStatus;
  declare readonly lateness: Lateness | null;
  declare readonly provisional: boolean;
  declare readonly comparison?: Comparison;
  readonly #entry: RuleInSet;
  readonly #writer: ObligationWriter;

  /** One obligation of `entry`'s rule; the writer holds the case id and writes the text. */
  constructor(entry: RuleInSet, writer: ObligationWriter, instance: number, status: ObligationStatus, lateness: Lateness | null, provisional: boolean) {
    const self = this as { -readonly [K in keyof ObligationRecord]: ObligationRecord[K] };
    self.instance = instance;
    self.status = status;
    self.lateness = lateness;
    self.provisional = provisional;
    this.#entry = entry;
    this.#writer = writer;
  }

  /** ISO date, or ISO date-time for hour-based rules when the anchor time is known. */
  get due(): string | null {
    return null;
  }

  /** What started the clock. */
  get anchor(): Obligation['anchor'] {
    return null;
  }

  /** The event that met the duty. */
  get satisfiedBy(): Obligation['satisfiedBy'] {
    return null;
  }

  /** The case (or worker) id. */
  get caseId(): string {
    return this.#writer.caseId;
  }

  /** The rule's id. */
  get ruleId(): string {
    return this.#entry.rule.id;
  }

  /** The rule set the rule comes from. */
  get ruleSet(): string {
    return this.#entry.ruleSet.id;
  }

  /** The rule's area. */
  get area(): Rule['area'] {
    return this.#entry.rule.area;
  }

  /** The rule's title. */
  get title(): string {
    return this.#entry.rule.title;
  }

  /** The rule's citation of its standard. */
  get cite(): Rule['cite'] {
    return this.#entry.rule.cite;
  }

  /** Who must be alerted when this is breached, where the standard says. */
  get escalateTo(): Role | undefined {
    return this.#entry.rule.escalateTo;
  }

  /** One or two plain-English sentences citing the standard, written when first read. */
  get explanation(): string {
    const compared = this.comparison;
    return this.#writer.written(this, this.#entry).explanation + (compared === undefined ? '' : comparedSentence(compared));
  }

  /** The working from anchor to due date to the matching event, written when first read. */
  get trace(): readonly TraceStep[] {
    return this.#writer.written(this, this.#entry).trace;
  }

  /** Records the comparison with other rules measuring the same duty (its sentence is added to the text). */
  compared(comparison: Comparison): this {
    (this as { comparison?: Comparison }).comparison = comparison;
    return this;
  }

  /** The obligation as JSON has always had it: every field, the text included, in report order. */
  toJSON(): Obligation {
    return withText(this, this.explanation, this.trace);
  }
}

/**
 * An obligation whose rule found dates for it (a due date, an anchor, what met it). They are kept
 * as day numbers and ids rather than the outcome itself (which holds the snapshot's prepared
 * events, which a held report must not keep), and written as text when first read, each once.
 */
export class FoundObligation extends ObligationRecord {
  /** The due day; undefined when there is none. */
  readonly #dueDay: number | undefined;
  /** The due point of an hour-based rule when the anchor time is known (a date and time). */
  readonly #dueExact: Due | undefined;
  /** The anchor's label; undefined when there is no anchor. */
  readonly #anchorLabel: string | undefined;
  readonly #anchorId: string | null;
  readonly #anchorDay: number;
  /** The satisfying event's id; undefined when nothing has met the duty. */
  readonly #satisfiedId: string | undefined;
  readonly #satisfiedDay: number;
  /** The anchor as reported, once read. */
  #anchor: Obligation['anchor'] | undefined = undefined;
  /** The satisfying event as reported, once read. */
  #satisfiedBy: Obligation['satisfiedBy'] | undefined = undefined;

  /** One obligation of `entry`'s rule, from what the rule found (`found`). */
  constructor(entry: RuleInSet, writer: ObligationWriter, found: Outcome, status: ObligationStatus, lateness: Lateness | null, provisional: boolean) {
    super(entry, writer, found.instance, status, lateness, provisional);
    const due = found.due;
    this.#dueDay = due?.day;
    this.#dueExact = due?.minute === undefined ? undefined : due;
    const anchor = found.anchor;
    this.#anchorLabel = anchor?.label;
    this.#anchorId = anchor === undefined ? null : anchor.eventId;
    this.#anchorDay = anchor === undefined ? 0 : anchor.day;
    const satisfied = found.satisfied;
    this.#satisfiedId = satisfied?.id;
    this.#satisfiedDay = satisfied === undefined ? 0 : satisfied.day;
  }

  /**
   * The day number of `o`'s due date when it has one and it is a date alone; null when it has
   * none; undefined when only its text can tell (a date-time, or an obligation that is not a
   * record). See {@link compareDue}.
   */
  static dueDayOf(o: Obligation): number | null | undefined {
    if (o instanceof FoundObligation) return o.#dueDay === undefined ? null : o.#dueExact === undefined ? o.#dueDay : undefined;
    return o instanceof ObligationRecord ? null : undefined;
  }

  /** ISO date, or ISO date-time for hour-based rules when the anchor time is known. */
  override get due(): string | null {
    if (this.#dueDay === undefined) return null;
    return this.#dueExact === undefined ? isoDate(this.#dueDay) : dueText(this.#dueExact);
  }

  /** What started the clock. */
  override get anchor(): Obligation['anchor'] {
    if (this.#anchor === undefined) this.#anchor = this.#anchorLabel === undefined ? null : { eventId: this.#anchorId, date: isoDate(this.#anchorDay), label: this.#anchorLabel };
    return this.#anchor;
  }

  /** The event that met the duty. */
  override get satisfiedBy(): Obligation['satisfiedBy'] {
    if (this.#satisfiedBy === undefined) this.#satisfiedBy = this.#satisfiedId === undefined ? null : { eventId: this.#satisfiedId, date: isoDate(this.#satisfiedDay) };
    return this.#satisfiedBy;
  }
}

/**
 * Orders two obligations by their `due` text (none first), as a string comparison of it would,
 * without writing the text where both are records due on a date: ISO dates order as their day
 * numbers do. Negative when `a` is due first, zero when the text is the same.
 */
export function compareDue(a: Obligation, b: Obligation): number {
  const x = FoundObligation.dueDayOf(a);
  const y = FoundObligation.dueDayOf(b);
  if (x !== undefined && y !== undefined) return x === null || y === null ? (x === y ? 0 : x === null ? -1 : 1) : x - y;
  return byDueText(a, b);
}

/** Whether an obligation has a due date, read without writing it where the record keeps its day. */
export function hasDue(o: Obligation): boolean {
  const day = FoundObligation.dueDayOf(o);
  return day === undefined ? o.due !== null : day !== null;
}
