import type { Lateness, ObligationStatus } from '../../engine/obligation.js';

/** An obligation as the summary counts it (an engine `Obligation` is one). */
export interface CountedObligation {
  readonly ruleId: string;
  readonly status: ObligationStatus;
  readonly due: string | null;
  readonly lateness: Lateness | null;
}

/** A case's report as the summary reads it (an engine `Report` is one). */
export interface CountedReport {
  readonly caseId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly obligations: readonly CountedObligation[];
}

/** The statuses a summary counts, in the order of a rule's counts in a {@link CaseTally}. */
const COUNTED: readonly ObligationStatus[] = ['met', 'excepted', 'met-late', 'overdue', 'due', 'unknown'];
const SLOTS = COUNTED.length;
const [MET, EXCEPTED, MET_LATE, OVERDUE, DUE, UNKNOWN] = [0, 1, 2, 3, 4, 5] as const;
/** Entries per overdue obligation in {@link CaseTally.overdue}. */
const OVERDUE_ENTRY = 4;

/**
 * A case as the summary counts it: whose it is, how many of its obligations of each rule stand in
 * each status, and its overdue obligations. Plain data of numbers and a few strings, so that a
 * worker thread sends it cheaply (a tenth of the cost of cloning the obligations themselves).
 */
export interface CaseTally {
  readonly caseId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  /** The rules whose obligations apply, in the order the report first names them. */
  readonly rules: readonly string[];
  /** For each rule of `rules`, its obligations by status, in the order of `COUNTED`. */
  readonly counts: readonly number[];
  /** Each overdue obligation, in report order, as four entries: index in `rules`, due date, working and calendar days late. */
  readonly overdue: readonly (string | number | null)[];
}

/** Tallies one case's report: the obligations that apply, by rule and status. */
export function tallyCase(report: CountedReport): CaseTally {
  const index = new Map<string, number>();
  const rules: string[] = [];
  const counts: number[] = [];
  const overdue: (string | number | null)[] = [];
  for (const o of report.obligations) {
    if (o.status === 'not-applicable') continue;
    let i = index.get(o.ruleId);
    if (i === undefined) {
      i = rules.length;
      index.set(o.ruleId, i);
      rules.push(o.ruleId);
      for (let k = 0; k < SLOTS; k++) counts.push(0);
    }
    const slot = COUNTED.indexOf(o.status);
    if (slot >= 0) counts[i * SLOTS + slot]!++;
    if (o.status === 'overdue') overdue.push(i, o.due, o.lateness?.workingDays ?? 0, o.lateness?.calendarDays ?? 0);
  }
  return { caseId: report.caseId, team: report.team, worker: report.worker, rules, counts, overdue };
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

  /** Adds one case: its tally, and its overdue obligations (in the tally's order) as the summary names them. */
  add(tally: CaseTally, overdue: readonly Overdue[], describe: DescribeRule): void {
    this.cases++;
    const rows: RuleRow[] = [];
    for (let i = 0; i < tally.rules.length; i++) {
      const ruleId = tally.rules[i]!;
      let row = this.rules.get(ruleId);
      if (!row) {
        row = { ruleId, ...describe(ruleId), met: 0, excepted: 0, metLate: 0, overdue: 0, due: 0, unknown: 0, longest: null };
        this.rules.set(ruleId, row);
      }
      const c = i * SLOTS;
      row.met += tally.counts[c + MET]!;
      row.excepted += tally.counts[c + EXCEPTED]!;
      row.metLate += tally.counts[c + MET_LATE]!;
      row.overdue += tally.counts[c + OVERDUE]!;
      row.due += tally.counts[c + DUE]!;
      row.unknown += tally.counts[c + UNKNOWN]!;
      rows.push(row);
    }
    for (let k = 0; k < overdue.length; k++) {
      const row = rows[tally.overdue[OVERDUE_ENTRY * k] as number]!;
      const candidate = overdue[k]!;
      if (!row.longest || longerOverdue(candidate, row.longest) < 0) row.longest = candidate;
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

  /** Adds one case. */
  add(tally: CaseTally): void {
    const overdue: Overdue[] = [];
    for (let k = 0; k < tally.overdue.length; k += OVERDUE_ENTRY) {
      overdue.push({
        caseId: tally.caseId,
        team: tally.team ?? null,
        worker: tally.worker ?? null,
        ruleId: tally.rules[tally.overdue[k] as number]!,
        due: tally.overdue[k + 1] as string | null,
        workingDays: tally.overdue[k + 2] as number,
        calendarDays: tally.overdue[k + 3] as number,
      });
    }
    this.overall.add(tally, overdue, this.describe);
    if (tally.team !== undefined) groupOf(this.teams, tally.team).add(tally, overdue, this.describe);
    else this.noTeam++;
    if (tally.worker !== undefined) groupOf(this.workers, tally.worker).add(tally, overdue, this.describe);
    else this.noWorker++;
    if (this.top > 0) for (const o of overdue) this.keepLongest(o);
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
