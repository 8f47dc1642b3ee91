import type { Obligation, ObligationStatus, Report, RuleSet, WorkingDayCalendar } from '../index.js';

/** How one group's obligations stand: the judged ones (on time, late, overdue) and the rest. */
export interface Tally {
  /** Met on time, or under a recorded exception. */
  onTime: number;
  /** Met, but late. */
  late: number;
  overdue: number;
  /** Not yet due (still open, not yet judged). */
  due: number;
  /** Could not be worked out: a fact is missing. */
  unknown: number;
}

/** A new tally of nothing. */
export function emptyTally(): Tally {
  return { onTime: 0, late: 0, overdue: 0, due: 0, unknown: 0 };
}

/** Obligations met or fallen overdue: the ones an on-time rate is of. */
export function judged(t: Tally): number {
  return t.onTime + t.late + t.overdue;
}

function count(t: Tally, status: ObligationStatus): void {
  switch (status) {
    case 'met':
    case 'excepted':
      t.onTime++;
      break;
    case 'met-late':
      t.late++;
      break;
    case 'overdue':
      t.overdue++;
      break;
    case 'due':
      t.due++;
      break;
    case 'unknown':
      t.unknown++;
      break;
    case 'not-applicable':
      break;
  }
}

/** A rule as the report names it: title for people, id for tracing, and its citation. */
export interface RuleInfo {
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly title: string;
  readonly area: Obligation['area'];
  readonly cite: Obligation['cite'];
  readonly tally: Tally;
}

/** Who a case belongs to, as the input gives it; null when the snapshot names nobody. */
export interface Owner {
  readonly caseId: string;
  readonly team: string | null;
  readonly worker: string | null;
}

/** An obligation overdue now, with the engine's explanation. */
export interface OverdueItem extends Owner {
  readonly ruleId: string;
  readonly due: string;
  readonly workingDays: number;
  readonly calendarDays: number;
  readonly explanation: string;
}

/** An obligation falling due within the planner's window. */
export interface PlannerItem extends Owner {
  readonly ruleId: string;
  /** The due date (ISO date; the date part of a date-time). */
  readonly due: string;
  /** The date-time, for hour-based rules whose anchor time is known. */
  readonly dueAt: string | null;
}

/** One mark on a child's timeline. */
export interface TimelineMark {
  readonly ruleId: string;
  readonly status: ObligationStatus;
  readonly due: string | null;
  readonly anchor: { readonly date: string; readonly label: string } | null;
  readonly metOn: string | null;
  readonly workingDaysLate: number | null;
}

/** A child's obligations through time: what started each clock, when each fell due and when it was met. */
export interface ChildTimeline extends Owner {
  readonly marks: readonly TimelineMark[];
}

/** What the report is of, fixed before any case is read. */
export interface ReportScope {
  readonly ruleSet: Pick<RuleSet, 'id' | 'title'>;
  readonly asOf: string;
  readonly calendar: WorkingDayCalendar;
  /** The planner's window in working days after the as-of date. */
  readonly plannerDays: number;
  /** How many whole months before the as-of month the trend covers. */
  readonly trendMonths: number;
}

/** The months of the trend, oldest first, as `YYYY-MM`: the whole months before the as-of month. */
export function trendMonths(asOf: string, months: number): string[] {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let k = months; k >= 1; k--) {
    const i = y * 12 + m - k;
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

function groupTally<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) {
    t = emptyTally();
    map.set(key, t);
  }
  return t;
}

/**
 * The caseload as the report shows it, built one case report at a time. Keeps counts for every
 * case, and the obligations themselves only for what the report lists: overdue now, due within
 * the planner's window, and the timelines of the children with either.
 */
export class CaseloadFigures {
  children = 0;
  /** Records the reader could not use; they are in no figure. */
  rejected = 0;
  readonly overall = emptyTally();
  readonly rules = new Map<string, RuleInfo>();
  /** By team; the key null holds cases that name no team. */
  readonly teams = new Map<string | null, Tally>();
  readonly childrenByTeam = new Map<string | null, number>();
  readonly workers = new Set<string>();
  /** Trend: by month of due date, overall and by team (the key null: cases that name no team). */
  readonly trend = new Map<string, { readonly all: Tally; readonly teams: Map<string | null, Tally> }>();
  readonly overdue: OverdueItem[] = [];
  readonly planner: PlannerItem[] = [];
  readonly timelines: ChildTimeline[] = [];
  /** The last date the planner covers. */
  readonly plannerTo: string;
  readonly months: readonly string[];

  constructor(readonly scope: ReportScope) {
    this.plannerTo = scope.calendar.addWorkingDays(scope.asOf, scope.plannerDays);
    this.months = trendMonths(scope.asOf, scope.trendMonths);
    for (const m of this.months) this.trend.set(m, { all: emptyTally(), teams: new Map() });
  }

  /** Adds one child's report. */
  add(report: Report): void {
    const owner: Owner = { caseId: report.caseId, team: report.team ?? null, worker: report.worker ?? null };
    this.children++;
    this.childrenByTeam.set(owner.team, (this.childrenByTeam.get(owner.team) ?? 0) + 1);
    if (owner.worker !== null) this.workers.add(owner.worker);
    const team = groupTally(this.teams, owner.team);
    let listed = false;
    for (const o of report.obligations) {
      if (o.status === 'not-applicable') continue;
      let rule = this.rules.get(o.ruleId);
      if (!rule) {
        rule = { ruleId: o.ruleId, ruleSet: o.ruleSet, title: o.title, area: o.area, cite: o.cite, tally: emptyTally() };
        this.rules.set(o.ruleId, rule);
      }
      count(rule.tally, o.status);
      count(this.overall, o.status);
      count(team, o.status);
      const day = o.due === null ? null : o.due.slice(0, 10);
      if (day !== null && o.status !== 'due' && o.status !== 'unknown') {
        const month = this.trend.get(day.slice(0, 7));
        if (month) {
          count(month.all, o.status);
          count(groupTally(month.teams, owner.team), o.status);
        }
      }
      if (o.status === 'overdue' && day !== null) {
        this.overdue.push({ ...owner, ruleId: o.ruleId, due: day, workingDays: o.lateness?.workingDays ?? 0, calendarDays: o.lateness?.calendarDays ?? 0, explanation: o.explanation });
        listed = true;
      } else if (o.status === 'due' && day !== null && day <= this.plannerTo) {
        this.planner.push({ ...owner, ruleId: o.ruleId, due: day, dueAt: o.due !== null && o.due.length > 10 ? o.due : null });
        listed = true;
      }
    }
    if (listed) this.timelines.push({ ...owner, marks: report.obligations.filter((o) => o.status !== 'not-applicable').map(markOf) });
  }
}

function markOf(o: Obligation): TimelineMark {
  return {
    ruleId: o.ruleId,
    status: o.status,
    due: o.due === null ? null : o.due.slice(0, 10),
    anchor: o.anchor === null ? null : { date: o.anchor.date.slice(0, 10), label: o.anchor.label },
    metOn: o.satisfiedBy === null ? null : o.satisfiedBy.date.slice(0, 10),
    workingDaysLate: o.lateness?.workingDays ?? null,
  };
}
