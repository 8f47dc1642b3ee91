import type { Lateness, ObligationStatus } from '../../engine/obligation.js';

/** An obligation as the summary counts it (an engine `Obligation` is one). */
export interface CountedObligation {
  readonly ruleId: string;
  readonly status: ObligationStatus;
  readonly due: string | null;
  readonly lateness: Lateness | null;
}

/**
 * A case as the summary counts it: whose it is and its obligations that apply (an engine
 * `Report` is one). Plain data, so that a worker thread can send it.
 */
export interface CountedCase {
  readonly caseId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly obligations: readonly CountedObligation[];
}

/** A rule's set and title, as the summary names it. */
export type DescribeRule = (ruleId: string) => { readonly ruleSet: string; readonly title: string };

/** How one rule's obligations stand in one group of cases. */
export interface RuleRow {
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly title: string;
  /** Met on time. */
  met: number;
  /** Met under a recorded exception (on time by the standard's own allowance). */
  excepted: number;
  metLate: number;
  overdue: number;
  due: number;
  unknown: number;
  /** The longest-overdue obligation of this rule in the group. */
  longest: Overdue | null;
}

/** An overdue obligation, as the summary names it: case, rule, due date and how late. */
export interface Overdue {
  readonly caseId: string;
  readonly team: string | null;
  readonly worker: string | null;
  readonly ruleId: string;
  readonly due: string | null;
  readonly workingDays: number;
  readonly calendarDays: number;
}

/** A group of cases (all, one team, one worker) and its rows by rule, in rule order. */
export class Group {
  cases = 0;
  readonly rules = new Map<string, RuleRow>();

  add(report: CountedCase, overdue: (o: CountedObligation) => Overdue, describe: DescribeRule): void {
    this.cases++;
    for (const o of report.obligations) {
      if (o.status === 'not-applicable') continue;
      let row = this.rules.get(o.ruleId);
      if (!row) {
        row = { ruleId: o.ruleId, ...describe(o.ruleId), met: 0, excepted: 0, metLate: 0, overdue: 0, due: 0, unknown: 0, longest: null };
        this.rules.set(o.ruleId, row);
      }
      switch (o.status) {
        case 'met':
          row.met++;
          break;
        case 'excepted':
          row.excepted++;
          break;
        case 'met-late':
          row.metLate++;
          break;
        case 'due':
          row.due++;
          break;
        case 'unknown':
          row.unknown++;
          break;
        case 'overdue': {
          row.overdue++;
          const candidate = overdue(o);
          if (!row.longest || longerOverdue(candidate, row.longest) < 0) row.longest = candidate;
          break;
        }
      }
    }
  }

  /** Rows with the longest overdue first, then the most overdue, then in rule order. */
  sortedRows(): RuleRow[] {
    const order = [...this.rules.values()];
    return order
      .map((row, i) => ({ row, i }))
      .sort((a, b) => (a.row.longest && b.row.longest ? longerOverdue(a.row.longest, b.row.longest) : a.row.longest ? -1 : b.row.longest ? 1 : 0) || b.row.overdue - a.row.overdue || a.i - b.i)
      .map((x) => x.row);
  }
}

/** Negative when `a` is more overdue than `b`; ties broken by case and rule id so output is stable. */
export function longerOverdue(a: Overdue, b: Overdue): number {
  return b.workingDays - a.workingDays || b.calendarDays - a.calendarDays || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * The share of obligations met on time, of those that have been met or have fallen overdue
 * (obligations still due are not yet judged), as a percentage rounded down to one decimal so
 * that it never shows 100% while anything is late. Null when nothing has been judged.
 */
export function onTimePercent(row: RuleRow): number | null {
  const onTime = row.met + row.excepted;
  const judged = onTime + row.metLate + row.overdue;
  return judged === 0 ? null : Math.floor((1000 * onTime) / judged) / 10;
}

/** The caseload view: overall, by team and by worker, and the longest overdue obligations. */
export class Caseload {
  readonly overall = new Group();
  readonly teams = new Map<string, Group>();
  readonly workers = new Map<string, Group>();
  /** The longest overdue obligations, longest first, at most `top` of them. */
  readonly longest: Overdue[] = [];
  /** Cases that name no team, or no worker, and so are in no team's (worker's) figures. */
  noTeam = 0;
  noWorker = 0;

  /**
   * @param top how many of the longest overdue obligations to keep
   * @param describe a rule's set and title, by its id
   */
  constructor(
    private readonly top: number,
    private readonly describe: DescribeRule,
  ) {}

  /** A rule's title, for a rule id the caseload has seen. */
  titleOf(ruleId: string): string {
    return this.overall.rules.get(ruleId)?.title ?? ruleId;
  }

  /** Adds one case's report. */
  add(report: CountedCase): void {
    const overdue = (o: CountedObligation): Overdue => ({
      caseId: report.caseId,
      team: report.team ?? null,
      worker: report.worker ?? null,
      ruleId: o.ruleId,
      due: o.due,
      workingDays: o.lateness?.workingDays ?? 0,
      calendarDays: o.lateness?.calendarDays ?? 0,
    });
    this.overall.add(report, overdue, this.describe);
    if (report.team !== undefined) groupOf(this.teams, report.team).add(report, overdue, this.describe);
    else this.noTeam++;
    if (report.worker !== undefined) groupOf(this.workers, report.worker).add(report, overdue, this.describe);
    else this.noWorker++;
    if (this.top > 0) {
      for (const o of report.obligations) {
        if (o.status === 'overdue') this.keepLongest(overdue(o));
      }
    }
  }

  private keepLongest(o: Overdue): void {
    const list = this.longest;
    if (list.length === this.top && longerOverdue(o, list[list.length - 1]!) >= 0) return;
    let i = list.length;
    while (i > 0 && longerOverdue(o, list[i - 1]!) < 0) i--;
    list.splice(i, 0, o);
    if (list.length > this.top) list.pop();
  }
}

function groupOf(map: Map<string, Group>, key: string): Group {
  let g = map.get(key);
  if (!g) {
    g = new Group();
    map.set(key, g);
  }
  return g;
}
