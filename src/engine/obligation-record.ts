import type { Rule } from '../rules/rule-schema.js';
import type { Role } from '../schemas/primitives.js';
import type { Lateness, Obligation, ObligationStatus, TraceStep } from './obligation.js';

/** Writes the full obligation (explanation and trace included) for one found on the fast path. */
export interface ObligationWriter {
  /** The obligation found, written in full. */
  written(found: Obligation): Obligation;
}

type Comparison = NonNullable<Obligation['comparison']>;

/** What the comparison with rules measuring the same duty adds to an explanation (few have one). */
const comparedSentences = new WeakMap<Obligation, string>();

/**
 * An obligation as a plain object: its fields (own, in report order, none undefined) with the
 * explanation and trace where a report has always had them, after `lateness`.
 */
export function withText(fields: object, explanation: string, trace: readonly TraceStep[]): Obligation {
  const o: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    o[key] = value;
    if (key === 'lateness') {
      o.explanation = explanation;
      o.trace = trace;
    }
  }
  return o as unknown as Obligation;
}

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

  /** The fields in the order a report has always serialised them; the writer writes the text. */
  constructor(
    caseId: string,
    ruleId: string,
    ruleSet: string,
    area: Rule['area'],
    title: string,
    instance: number,
    status: ObligationStatus,
    due: string | null,
    anchor: Obligation['anchor'],
    satisfiedBy: Obligation['satisfiedBy'],
    lateness: Lateness | null,
    cite: Rule['cite'],
    provisional: boolean,
    escalateTo: Role | undefined,
    writer: ObligationWriter | undefined,
  ) {
    const self = this as { -readonly [K in keyof ObligationRecord]: ObligationRecord[K] };
    self.caseId = caseId;
    self.ruleId = ruleId;
    self.ruleSet = ruleSet;
    self.area = area;
    self.title = title;
    self.instance = instance;
    self.status = status;
    self.due = due;
    self.anchor = anchor;
    self.satisfiedBy = satisfiedBy;
    self.lateness = lateness;
    self.cite = cite;
    self.provisional = provisional;
    if (escalateTo) self.escalateTo = escalateTo;
    this.#writer = writer!;
  }

  /** One or two plain-English sentences citing the standard, written when first read. */
  get explanation(): string {
    return this.#writer.written(this).explanation + (comparedSentences.get(this) ?? '');
  }

  /** The working from anchor to due date to the matching event, written when first read. */
  get trace(): readonly TraceStep[] {
    return this.#writer.written(this).trace;
  }

  /** Records the comparison with other rules measuring the same duty, and its sentence. */
  compared(comparison: Comparison, sentence: string): this {
    (this as { comparison?: Comparison }).comparison = comparison;
    comparedSentences.set(this, sentence);
    return this;
  }

  /** The obligation as JSON has always had it: every field, the text included, in report order. */
  toJSON(): Obligation {
    return withText(this, this.explanation, this.trace);
  }
}
