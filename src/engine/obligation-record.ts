import type { Rule } from '../rules/rule-schema.js';
import type { Role } from '../schemas/primitives.js';
import type { Lateness, Obligation, ObligationStatus, TraceStep } from './obligation.js';

/** Writes the full obligation (explanation and trace included) for one found on the fast path. */
export interface ObligationWriter {
  /** The `k`-th obligation of the rule at `ruleIndex` in the report's rules, written in full. */
  written(ruleIndex: number, k: number, found: Obligation): Obligation;
}

/** The fields of an obligation found on the fast path, everything but its text. */
export interface ObligationFields {
  readonly caseId: string;
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly area: Rule['area'];
  readonly title: string;
  readonly instance: number;
  readonly status: ObligationStatus;
  readonly due: string | null;
  readonly anchor: Obligation['anchor'];
  readonly satisfiedBy: Obligation['satisfiedBy'];
  readonly lateness: Lateness | null;
  readonly cite: Rule['cite'];
  readonly provisional: boolean;
  readonly escalateTo: Role | undefined;
}

type Comparison = NonNullable<Obligation['comparison']>;

/**
 * An obligation as the fast path gives it: every field a plain property, except `explanation`
 * and `trace`, which are written when first read (by evaluating the rule again with tracing on),
 * so a caller who never reads them does not pay for them. `JSON.stringify` gives exactly the
 * object the engine wrote before (same fields, same order). `structuredClone` and
 * `postMessage` copy own properties only: send `JSON.parse(JSON.stringify(report))` (or the
 * JSON text) to another thread to keep the text.
 */
export class ObligationRecord implements Obligation {
  declare readonly caseId: string;
  declare readonly ruleId: string;
  declare readonly ruleSet: string;
  declare readonly area: Rule['area'];
  declare readonly title: string;
  declare readonly instance: number;
  declare readonly status: ObligationStatus;
  declare readonly due: string | null;
  declare readonly anchor: Obligation['anchor'];
  declare readonly satisfiedBy: Obligation['satisfiedBy'];
  declare readonly lateness: Lateness | null;
  declare readonly cite: Rule['cite'];
  declare readonly provisional: boolean;
  declare readonly escalateTo?: Role;
  declare readonly comparison?: Comparison;
  readonly #writer: ObligationWriter;
  readonly #ruleIndex: number;
  readonly #k: number;
  /** What the comparison with rules measuring the same duty adds to the explanation. */
  #compared = '';

  constructor(f: ObligationFields, writer: ObligationWriter, ruleIndex: number, k: number) {
    // Assigned in the order a report has always serialised them.
    const self = this as { -readonly [K in keyof ObligationRecord]: ObligationRecord[K] };
    self.caseId = f.caseId;
    self.ruleId = f.ruleId;
    self.ruleSet = f.ruleSet;
    self.area = f.area;
    self.title = f.title;
    self.instance = f.instance;
    self.status = f.status;
    self.due = f.due;
    self.anchor = f.anchor;
    self.satisfiedBy = f.satisfiedBy;
    self.lateness = f.lateness;
    self.cite = f.cite;
    self.provisional = f.provisional;
    if (f.escalateTo) self.escalateTo = f.escalateTo;
    this.#writer = writer;
    this.#ruleIndex = ruleIndex;
    this.#k = k;
  }

  /** One or two plain-English sentences citing the standard, written when first read. */
  get explanation(): string {
    return this.#writer.written(this.#ruleIndex, this.#k, this).explanation + this.#compared;
  }

  /** The working from anchor to due date to the matching event, written when first read. */
  get trace(): readonly TraceStep[] {
    return this.#writer.written(this.#ruleIndex, this.#k, this).trace;
  }

  /** Records the comparison with other rules measuring the same duty, and its sentence. */
  compared(comparison: Comparison, sentence: string): this {
    (this as { comparison?: Comparison }).comparison = comparison;
    this.#compared = sentence;
    return this;
  }

  /** The obligation as JSON has always had it: every field, the text included, in report order. */
  toJSON(): Obligation {
    const o: { -readonly [K in keyof Obligation]: Obligation[K] } = {
      caseId: this.caseId,
      ruleId: this.ruleId,
      ruleSet: this.ruleSet,
      area: this.area,
      title: this.title,
      instance: this.instance,
      status: this.status,
      due: this.due,
      anchor: this.anchor,
      satisfiedBy: this.satisfiedBy,
      lateness: this.lateness,
      explanation: this.explanation,
      trace: this.trace,
      cite: this.cite,
      provisional: this.provisional,
    };
    if (this.escalateTo !== undefined) o.escalateTo = this.escalateTo;
    if (this.comparison !== undefined) o.comparison = this.comparison;
    return o;
  }
}
