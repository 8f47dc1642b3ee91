import type { WorkingDayCalendar } from '../calendar/types.js';
import type { RuleSet } from '../rules/rule-schema.js';
import { cannotStart } from './cannot-start.js';
import { checkOptions } from './check-options.js';
import { compare, type Measured } from './compare.js';
import { EvalContext } from './context.js';
import { PartialData, type Assumption } from './partial-data.js';
import type { Obligation, ObligationStatus, Report } from './obligation.js';
import { compareDue, hasDue } from './obligation-record.js';
import { prepare } from './prepare.js';
import { ReportText } from './report-text.js';
import { evaluateRule, single } from './rule-obligations.js';
import { rulesFor } from './rules-for.js';
import type { SnapshotProblem } from './snapshot-error.js';
import { checkSnapshot, type Snapshot } from './validate.js';

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * The rule set: an object (`leeds2023()` from `practice-timescales/rules/leeds-2023`,
   * `getRuleSet('leeds-2023')`, or one of your own from `parseRuleSet`), or an id. From the main
   * `practice-timescales` entry an id names a shipped set (`leeds-2023`, `west-berkshire`,
   * `england-statutory`) or one in `ruleSets`; from `practice-timescales/engine`, only one in `ruleSets`.
   */
  readonly ruleSet: string | RuleSet;
  /** The date to evaluate as of, `YYYY-MM-DD`. Required: the engine never reads the clock. */
  readonly asOf: string;
  /** The working-day calendar (default: England and Wales bank holidays). */
  readonly calendar?: WorkingDayCalendar;
  /** Extra rule sets a custom set may extend, by id. */
  readonly ruleSets?: Readonly<Record<string, RuleSet>>;
  /**
   * Refuse a snapshot with fields the schema does not know (`unrecognised-field` problems), instead
   * of ignoring them and listing them in the report's `warnings`. Default false: council exports
   * often carry extra fields.
   */
  readonly strict?: boolean;
  /** Assumptions stated where a source is silent (`visits-in-person`); answers resting on one say so. */
  readonly assume?: readonly Assumption[];
}

/** The later first: a breach's place among those of its status. */
function byLateness(a: Obligation, b: Obligation): number {
  return (b.lateness?.calendarDays ?? 0) - (a.lateness?.calendarDays ?? 0);
}

/** Lists this short are put in order by insertion, which costs less than a call to the general sort. */
const SHORT = 16;

/** Orders breaches by {@link byLateness}, keeping report order on a tie (both ways are stable). */
function sortByLateness(list: Obligation[]): void {
  if (list.length > SHORT) {
    list.sort(byLateness);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const o = list[i]!;
    let j = i - 1;
    for (; j >= 0 && byLateness(list[j]!, o) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = o;
  }
}

/**
 * Evaluates a validated snapshot. Use {@link evaluate} unless the snapshot is already known to be
 * valid (the command line validates once and reports errors itself). The report's `warnings` are
 * the ones given (validation's, which this function does not repeat).
 * @throws TimescaleError for a bad option, naming it (see {@link evaluate}).
 */
export function evaluateValidated(snapshot: Snapshot, options: EvaluateOptions, warnings: readonly SnapshotProblem[] = []): Report {
  const { asOfDay, calendar, ruleSet: set, ruleSets } = checkOptions(options);
  const rules = rulesFor(set, options.asOf, ruleSets);
  const partial = PartialData.of(snapshot, options.assume);
  const subject = prepare(partial?.snapshot ?? snapshot, asOfDay);
  // Partial data reviews each rule's obligations with their text, so it is written at once;
  // otherwise each obligation writes its text when it is read.
  const writer = partial === undefined ? new ReportText(subject.id, snapshot, asOfDay, calendar) : undefined;
  const ctx = new EvalContext(subject, calendar, writer === undefined);
  const obligations: Obligation[] = [];
  const measured: Measured[] = [];
  for (const entry of rules) {
    if (entry.subject !== subject.subject) continue;
    const from = obligations.length;
    const withheld = partial?.withheld(entry.rule);
    if (withheld !== undefined) obligations.push(single(ctx, entry, 'unknown', withheld, writer));
    else if (writer !== undefined && cannotStart(ctx, entry.rule, entry.starts)) obligations.push(single(ctx, entry, 'not-applicable', '', writer));
    else {
      evaluateRule(ctx, entry, obligations, writer);
      partial?.review(ctx, entry, obligations, from);
    }
    if (entry.measures !== undefined) measured.push({ measures: entry.measures, from, to: obligations.length });
  }
  compare(obligations, measured);
  // Breaches, most serious first: overdue, then met late, each the latest first (in report order on a tie).
  const breaches: Obligation[] = [];
  const metLateBreaches: Obligation[] = [];
  let nextDue: Obligation | null = null;
  let provisional = false;
  let overdue = 0;
  let metLate = 0;
  let due = 0;
  let met = 0;
  let excepted = 0;
  let unknown = 0;
  let notApplicable = 0;
  for (const o of obligations) {
    // A switch compares the status by identity; counting by it as a key, or by its place in a list, looks it up.
    switch (o.status) {
      case 'overdue':
        overdue++;
        breaches.push(o);
        break;
      case 'met-late':
        metLate++;
        metLateBreaches.push(o);
        break;
      case 'due':
        due++;
        if (hasDue(o) && (nextDue === null || compareDue(o, nextDue) < 0)) nextDue = o;
        break;
      case 'met':
        met++;
        break;
      case 'excepted':
        excepted++;
        break;
      case 'unknown':
        unknown++;
        break;
      case 'not-applicable':
        notApplicable++;
        break;
    }
    if (o.provisional) provisional = true;
  }
  sortByLateness(breaches);
  sortByLateness(metLateBreaches);
  for (let i = 0; i < metLateBreaches.length; i++) breaches.push(metLateBreaches[i]!);
  return {
    caseId: subject.id,
    subject: subject.subject,
    team: subject.team,
    worker: subject.worker,
    ruleSet: set.id,
    asOf: options.asOf,
    obligations,
    breaches,
    nextDue,
    // In the order of STATUSES, which reports have always kept.
    counts: { overdue, 'met-late': metLate, due, met, excepted, unknown, 'not-applicable': notApplicable } satisfies Record<ObligationStatus, number>,
    provisionalFrom: provisional ? calendar.provisionalFrom ?? null : null,
    warnings,
  };
}

/**
 * Evaluates a child's case snapshot (or a worker's supervision record) against a rule set as of
 * a date: every obligation with its due date, status and a plain-English explanation citing the
 * standard. Pure and deterministic: it never reads the clock.
 *
 * Fields the schema does not know are ignored and listed in the report's `warnings` (with
 * `strict`, refused).
 *
 * @throws SnapshotError when the snapshot is invalid (every problem, with codes and paths).
 * @throws TimescaleError for a bad option, naming it: `invalid-option` (missing or mistyped),
 *   `invalid-date` or `out-of-calendar-range` (asOf), `unknown-rule-set`, `invalid-rule-set`,
 *   `invalid-calendar`.
 */
export function evaluate(snapshot: unknown, options: EvaluateOptions): Report {
  // The snapshot is checked first: its problems are the ones a caller most needs to see.
  const strict = typeof options === 'object' && options !== null && options.strict === true;
  const { snapshot: valid, warnings } = checkSnapshot(snapshot, { strict });
  return evaluateValidated(valid, options, warnings);
}
