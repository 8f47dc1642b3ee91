import { STATUSES, type Obligation, type ObligationStatus, type Report } from '../index.js';

/** What {@link TimescaleMatchers.toHaveObligation} looks for; every field given must match. */
export interface ObligationPattern {
  /** The rule id, e.g. `leeds.visits.child-in-need`. */
  readonly rule?: string;
  /** The status, or any of several. */
  readonly status?: ObligationStatus | readonly ObligationStatus[];
  /** The due date (`YYYY-MM-DD`, or the date-time of an hour-based rule), or `null` for none. */
  readonly due?: string | null;
  /** The instance: 0 for the first, each interval of a recurring rule counts one. */
  readonly instance?: number;
  /** The id of the event that met it, or `null` for none. */
  readonly satisfiedBy?: string | null;
  /** Whether the due date depends on bank holidays not yet announced. */
  readonly provisional?: boolean;
}

/** Narrows {@link TimescaleMatchers.toBeDueBy} on a report to one rule. */
export interface DueByFilter {
  readonly rule?: string;
}

/**
 * The matchers, as they appear on `expect(...)` once registered with `expect.extend(timescaleMatchers)`.
 * `R` is the framework's return type (void for vitest and jest).
 */
export interface TimescaleMatchers<R = unknown> {
  /** The report holds an obligation matching every field given. */
  toHaveObligation(expected: ObligationPattern): R;
  /** The report has no breaches: nothing overdue and nothing met late (`report.breaches` is empty). */
  toHaveNoBreaches(): R;
  /**
   * On a report: an open obligation (status `due` or `overdue`), of `filter.rule` when given, falls
   * due on or before `date`. On one obligation: its due date is on or before `date`, whatever its
   * status. An hour-based due date-time counts by its date.
   */
  toBeDueBy(date: string, filter?: DueByFilter): R;
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** Candidates shown in a failure message, the width an explanation is cut to, and how much of its start is kept. */
const SHOWN = 3;
const EXPLANATION_WIDTH = 160;
const HEAD_WIDTH = 60;

function isReport(value: unknown): value is Report {
  return typeof value === 'object' && value !== null && Array.isArray((value as Report).obligations) && Array.isArray((value as Report).breaches);
}

function isObligation(value: unknown): value is Obligation {
  return typeof value === 'object' && value !== null && typeof (value as Obligation).ruleId === 'string' && 'due' in value && 'status' in value;
}

function notAReport(matcher: string): MatcherResult {
  return { pass: false, message: () => `${matcher} expects a report from evaluate() (or for toBeDueBy one obligation); it received something else.` };
}

function statuses(pattern: ObligationPattern): readonly ObligationStatus[] | undefined {
  if (pattern.status === undefined) return undefined;
  return typeof pattern.status === 'string' ? [pattern.status] : pattern.status;
}

/** The fields of `pattern` that `o` does not match. */
function differences(o: Obligation, pattern: ObligationPattern): string[] {
  const out: string[] = [];
  if (pattern.rule !== undefined && o.ruleId !== pattern.rule) out.push('rule');
  const wanted = statuses(pattern);
  if (wanted && !wanted.includes(o.status)) out.push('status');
  if (pattern.due !== undefined && o.due !== pattern.due) out.push('due');
  if (pattern.instance !== undefined && o.instance !== pattern.instance) out.push('instance');
  if (pattern.satisfiedBy !== undefined && (o.satisfiedBy?.eventId ?? null) !== pattern.satisfiedBy) out.push('satisfiedBy');
  if (pattern.provisional !== undefined && o.provisional !== pattern.provisional) out.push('provisional');
  return out;
}

function dayNumber(date: string | null | undefined): number | undefined {
  if (!date) return undefined;
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isNaN(t) ? undefined : t / 86_400_000;
}

/**
 * How far `o` is from `pattern`: the same rule first, then fewer fields that differ, then the
 * nearer due date, so the closest candidates are the ones a reader would compare by eye.
 */
function distance(o: Obligation, pattern: ObligationPattern): [number, number, number] {
  const diff = differences(o, pattern);
  const wantedDay = dayNumber(pattern.due);
  const gotDay = dayNumber(o.due);
  const apart = wantedDay === undefined ? 0 : gotDay === undefined ? Number.MAX_SAFE_INTEGER : Math.abs(gotDay - wantedDay);
  return [diff.includes('rule') ? 1 : 0, diff.length, apart];
}

function byDistance(pattern: ObligationPattern) {
  return (a: Obligation, b: Obligation): number => {
    const da = distance(a, pattern);
    const db = distance(b, pattern);
    return da[0] - db[0] || da[1] - db[1] || da[2] - db[2];
  };
}

/**
 * An explanation in one line: its start (status and case) and its end (the dates that decide)
 * are kept, and the middle, which quotes the standard, gives way.
 */
function cut(text: string): string {
  if (text.length <= EXPLANATION_WIDTH) return text;
  const head = text.slice(0, HEAD_WIDTH);
  const tail = text.slice(text.length - (EXPLANATION_WIDTH - HEAD_WIDTH - 3));
  return `${head.slice(0, head.lastIndexOf(' ') + 1 || HEAD_WIDTH)}… ${tail.slice(tail.indexOf(' ') + 1)}`;
}

/** One obligation in two lines: rule, instance, status and due date, then its explanation cut short. */
function describeObligation(o: Obligation, differs?: readonly string[]): string {
  const head = `  ${o.ruleId}${o.instance > 0 ? ` #${o.instance}` : ''}  ${o.status}  due ${o.due ?? '(none)'}`;
  const note = differs && differs.length > 0 ? `  (differs: ${differs.join(', ')})` : '';
  return `${head}${note}\n    ${cut(o.explanation)}`;
}

function describePattern(pattern: ObligationPattern): string {
  const parts: string[] = [];
  if (pattern.rule !== undefined) parts.push(`rule ${pattern.rule}`);
  const wanted = statuses(pattern);
  if (wanted) parts.push(`status ${wanted.join(' or ')}`);
  if (pattern.due !== undefined) parts.push(`due ${pattern.due ?? '(none)'}`);
  if (pattern.instance !== undefined) parts.push(`instance ${pattern.instance}`);
  if (pattern.satisfiedBy !== undefined) parts.push(`met by ${pattern.satisfiedBy ?? '(nothing)'}`);
  if (pattern.provisional !== undefined) parts.push(pattern.provisional ? 'provisional' : 'not provisional');
  return parts.length > 0 ? parts.join(' · ') : 'any obligation';
}

/** Up to {@link SHOWN} obligations, then how many more there are. */
function listed(items: readonly Obligation[], describe: (o: Obligation) => string): string {
  const lines = items.slice(0, SHOWN).map(describe);
  if (items.length > SHOWN) lines.push(`  … and ${items.length - SHOWN} more`);
  return lines.join('\n');
}

function subject(report: Report): string {
  return `the report for ${report.subject === 'worker' ? 'worker' : 'case'} ${report.caseId} as of ${report.asOf}`;
}

function toHaveObligation(received: unknown, expected: ObligationPattern): MatcherResult {
  if (!isReport(received)) return notAReport('toHaveObligation');
  const found = received.obligations.find((o) => differences(o, expected).length === 0);
  if (found) {
    return { pass: true, message: () => `Expected ${subject(received)} not to have an obligation with ${describePattern(expected)}, but it has:\n${describeObligation(found)}` };
  }
  const closest = [...received.obligations].sort(byDistance(expected));
  return {
    pass: false,
    message: () =>
      closest.length === 0
        ? `Expected ${subject(received)} to have an obligation with ${describePattern(expected)}, but it has no obligations.`
        : `Expected ${subject(received)} to have an obligation with ${describePattern(expected)}.\nClosest of ${closest.length}:\n${listed(closest, (o) => describeObligation(o, differences(o, expected)))}`,
  };
}

function toHaveNoBreaches(received: unknown): MatcherResult {
  if (!isReport(received)) return notAReport('toHaveNoBreaches');
  const { breaches } = received;
  return {
    pass: breaches.length === 0,
    message: () =>
      breaches.length === 0
        ? `Expected ${subject(received)} to have breaches, but it has none (${received.obligations.length} obligations).`
        : `Expected ${subject(received)} to have no breaches, but it has ${breaches.length}:\n${listed(breaches, (o) => describeObligation(o))}`,
  };
}

/** The open statuses, in the order the report lists them. */
const OPEN: readonly ObligationStatus[] = STATUSES.filter((s) => s === 'due' || s === 'overdue');

function dueOnOrBefore(o: Obligation, date: string): boolean {
  return o.due !== null && o.due.slice(0, 10) <= date;
}

function toBeDueBy(received: unknown, date: string, filter: DueByFilter = {}): MatcherResult {
  if (isObligation(received)) {
    const pass = dueOnOrBefore(received, date);
    return {
      pass,
      message: () => `Expected the obligation ${pass ? 'not ' : ''}to be due on or before ${date}:\n${describeObligation(received)}`,
    };
  }
  if (!isReport(received)) return notAReport('toBeDueBy');
  const open = received.obligations
    .filter((o) => OPEN.includes(o.status) && (filter.rule === undefined || o.ruleId === filter.rule))
    .sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'));
  const hits = open.filter((o) => dueOnOrBefore(o, date));
  const what = `an open obligation${filter.rule === undefined ? '' : ` of ${filter.rule}`} due on or before ${date}`;
  return {
    pass: hits.length > 0,
    message: () =>
      hits.length > 0
        ? `Expected ${subject(received)} not to have ${what}, but it has ${hits.length}:\n${listed(hits, (o) => describeObligation(o))}`
        : open.length === 0
          ? `Expected ${subject(received)} to have ${what}, but nothing${filter.rule === undefined ? '' : ` of ${filter.rule}`} is open.`
          : `Expected ${subject(received)} to have ${what}. Open, soonest first:\n${listed(open, (o) => describeObligation(o))}`,
  };
}

/**
 * The matchers for vitest and jest, one implementation for both:
 * `expect.extend(timescaleMatchers)`, then `expect(report).toHaveObligation({ rule, status, due })`,
 * `expect(report).toHaveNoBreaches()`, `expect(report).toBeDueBy('2024-04-03', { rule })`.
 * A failure message names what was expected and the closest obligations found (rule, status, due
 * and explanation), at most three of them, each explanation cut to one line.
 */
export const timescaleMatchers = { toHaveObligation, toHaveNoBreaches, toBeDueBy };
