import { formatIsoDateTime } from '../../../src/calendar/day-number.js';
import type { WorkingDayCalendar } from '../../../src/calendar/types.js';
import { ruleKind } from '../../../src/rules/kinds/index.js';
import type { RuleInSet } from '../../../src/rules/chain.js';
import type { Rule, RuleSet } from '../../../src/rules/rule-schema.js';
import { checkOptions } from './check-options.js';
import { compare } from './compare.js';
import { notApplicableReason, outsideConditionReason } from './conditions.js';
import { EvalContext, UnknownFact } from './context.js';
import { notEligibleReason } from './eligibility.js';
import { explain } from './explain.js';
import { evaluatorOf } from './kinds.js';
import { isoDate } from './iso-text.js';
import { PartialData, type Assumption } from './partial-data.js';
import { STATUSES, type Lateness, type Obligation, type ObligationStatus, type Report } from './obligation.js';
import type { Outcome } from './outcome.js';
import { prepare } from './prepare.js';
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

/**
 * Why a rule gave no instance: what started it fell outside the period the rule is limited to
 * (e.g. the 16th birthday of a child who had left care), or nothing has started it yet.
 */
function noInstanceReason(ctx: EvalContext, rule: Rule): string {
  const trigger = ruleKind(rule).trigger(rule);
  const outside = outsideConditionReason(ctx, rule, trigger);
  if (outside) return outside;
  if ('age' in trigger && trigger.eligibility) return notEligibleReason({ age: trigger.age, eligibility: trigger.eligibility });
  if ('age' in trigger && !trigger.notBefore) return 'the age that starts this duty has not been reached';
  return evaluatorOf(rule).noInstanceReason?.(ctx, rule) ?? `no event that starts this duty is recorded up to ${isoDate(ctx.asOf)}`;
}

function lateness(ctx: EvalContext, o: Outcome): Lateness | null {
  if (!o.lateTo || !o.due) return null;
  const calendarDays = o.lateTo.day - o.due.day;
  const workingDays = ctx.workingDaysBetween(o.due.day, o.lateTo.day);
  if (o.due.minute !== undefined && o.lateTo.minute !== undefined) {
    return { workingDays, calendarDays, hours: Math.ceil((o.lateTo.minute - o.due.minute) / 60) };
  }
  return { workingDays, calendarDays };
}

function toObligation(ctx: EvalContext, entry: RuleInSet, o: Outcome): Obligation {
  const { rule, ruleSet } = entry;
  let status = o.status;
  let late: Lateness | null = null;
  let outcome = o;
  try {
    late = lateness(ctx, o);
  } catch (e) {
    if (!(e instanceof UnknownFact)) throw e;
    status = 'unknown';
    outcome = { ...o, reason: e.reason };
  }
  const due = o.due ? (o.due.minute !== undefined ? formatIsoDateTime(o.due.minute, o.due.offset ?? 0) : isoDate(o.due.day)) : null;
  const cal = ctx.calendar;
  const obligation: { -readonly [K in keyof Obligation]: Obligation[K] } = {
    caseId: ctx.subject.id,
    ruleId: rule.id,
    ruleSet: ruleSet.id,
    area: rule.area,
    title: rule.title,
    instance: o.instance,
    status,
    due,
    anchor: o.anchor ? { eventId: o.anchor.eventId, date: isoDate(o.anchor.day), label: o.anchor.label } : null,
    satisfiedBy: o.satisfied ? { eventId: o.satisfied.id, date: isoDate(o.satisfied.day) } : null,
    lateness: late,
    explanation: explain(ctx.subject.id, rule, outcome, status, due, late, ctx.asOf),
    trace: o.trace,
    cite: rule.cite,
    provisional: o.due !== undefined && o.due.day >= cal.provisionalFromDay,
  };
  if (rule.escalateTo) obligation.escalateTo = rule.escalateTo;
  return obligation;
}

function single(ctx: EvalContext, entry: RuleInSet, status: ObligationStatus, reason: string): Obligation {
  return toObligation(ctx, entry, { instance: 0, status, reason, trace: [{ step: 'note', detail: reason }] });
}

/** Appends a rule's obligations to `into`. */
function evaluateRule(ctx: EvalContext, entry: RuleInSet, into: Obligation[]): void {
  const { rule } = entry;
  let found: Outcome[];
  try {
    const reason = notApplicableReason(ctx, rule);
    if (reason) {
      into.push(single(ctx, entry, 'not-applicable', reason));
      return;
    }
    found = evaluatorOf(rule).evaluate(ctx, rule);
    if (found.length === 0) {
      into.push(single(ctx, entry, 'not-applicable', noInstanceReason(ctx, rule)));
      return;
    }
  } catch (e) {
    if (!(e instanceof UnknownFact)) throw e;
    into.push(single(ctx, entry, 'unknown', e.reason));
    return;
  }
  for (const o of found) into.push(toObligation(ctx, entry, o));
}

const SEVERITY: Readonly<Record<ObligationStatus, number>> = { overdue: 0, 'met-late': 1, due: 2, unknown: 3, excepted: 4, met: 5, 'not-applicable': 6 };

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
  const ctx = new EvalContext(subject, calendar);
  const obligations: Obligation[] = [];
  for (const entry of rules) {
    if ((entry.rule.subject ?? 'child') !== subject.subject) continue;
    const withheld = partial?.withheld(entry.rule);
    if (withheld !== undefined) {
      obligations.push(single(ctx, entry, 'unknown', withheld));
      continue;
    }
    const from = obligations.length;
    evaluateRule(ctx, entry, obligations);
    partial?.review(ctx, entry, obligations, from);
  }
  const compared = compare(obligations, rules);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ObligationStatus, number>;
  let nextDue: Obligation | null = null;
  let provisional = false;
  for (const o of compared) {
    counts[o.status]++;
    if (o.status === 'due' && o.due !== null && (nextDue === null || o.due < nextDue.due!)) nextDue = o;
    if (o.provisional) provisional = true;
  }
  const breaches = compared
    .filter((o) => o.status === 'overdue' || o.status === 'met-late')
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status] || (b.lateness?.calendarDays ?? 0) - (a.lateness?.calendarDays ?? 0));
  return {
    caseId: subject.id,
    subject: subject.subject,
    team: subject.team,
    worker: subject.worker,
    ruleSet: set.id,
    asOf: options.asOf,
    obligations: compared,
    breaches,
    nextDue,
    counts,
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
