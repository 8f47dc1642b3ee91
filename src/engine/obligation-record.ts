import type { RuleInSet } from '../rules/chain.js';
import type { Rule } from '../rules/rule-schema.js';
import type { Role } from '../schemas/primitives.js';
import { comparedSentence } from './compared-sentence.js';
import type { Lateness, Obligation, ObligationStatus, TraceStep } from './obligation.js';

/** Writes the full obligation (explanation and trace included) for one found on the fast path. */
export interface ObligationWriter {
  /** The case (or worker) id of the report the obligations belong to. */
  readonly caseId: string;
  /** The obligation found for a rule, written in full. */
  written(found: Obligation, entry: RuleInSet): Obligation;
}

type Comparison = NonNullable<Obligation['comparison']>;

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
 * the next (instance, status, dates, lateness). What its rule and report say once for all of
 * their obligations (case id, rule id, set, area, title, citation, who to alert) is read from
 * them, and `explanation` and `trace` are written when first read (by evaluating the rule again
 * with tracing on), so a caller who never reads them does not pay for them, and a held report
 * stays small. Every field reads as before, and `JSON.stringify` gives exactly the object the
 * engine wrote before (same fields, same order). Spreading, `Object.keys`, `structuredClone` and
 * `postMessage` see own fields only: use `JSON.parse(JSON.stringify(report))` (or the JSON text)
 * for a plain copy.
 */
export class ObligationRecord implements Obligation {
  declare readonly instance: number;
  declare readonly status: ObligationStatus;
  declare readonly due: string | null;
  declare readonly anchor: Obligation['anchor'];
  declare readonly satisfiedBy: Obligation['satisfiedBy'];
  declare readonly lateness: Lateness | null;
  declare readonly provisional: boolean;
  declare readonly comparison?: Comparison;
  readonly #entry: RuleInSet;
  readonly #writer: ObligationWriter;

  /** The fields of one obligation of `entry`'s rule; the writer holds the case id and writes the text. */
  constructor(
    entry: RuleInSet,
    writer: ObligationWriter,
    instance: number,
    status: ObligationStatus,
    due: string | null,
    anchor: Obligation['anchor'],
    satisfiedBy: Obligation['satisfiedBy'],
    lateness: Lateness | null,
    provisional: boolean,
  ) {
    const self = this as { -readonly [K in keyof ObligationRecord]: ObligationRecord[K] };
    self.instance = instance;
    self.status = status;
    self.due = due;
    self.anchor = anchor;
    self.satisfiedBy = satisfiedBy;
    self.lateness = lateness;
    self.provisional = provisional;
    this.#entry = entry;
    this.#writer = writer;
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
