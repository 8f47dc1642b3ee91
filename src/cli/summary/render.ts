import { formatCount, naturalCompare } from '../../report/format.js';
import type { RuleSet } from '../../rules/rule-schema.js';
import type { Counts } from '../pipeline.js';
import { csvRows, type Cell } from '../output/csv.js';
import { printable } from '../output/text.js';
import { onTimePercent, type Caseload, type Group, type Overdue, type RuleRow } from './tally.js';

/** The groups a summary gives after the overall figures. */
export type SummaryGroup = 'team' | 'worker';

/** What the summary is of: the rule set, the as-of date, the record counts and the groups shown. */
export interface SummaryContext {
  readonly ruleSet: RuleSet;
  readonly asOf: string;
  readonly counts: Counts;
  /** The groups to give (default both). */
  readonly by?: ReadonlySet<SummaryGroup>;
  /** What the cases were narrowed to (`team east`), when they were. */
  readonly narrowedTo?: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Groups in natural order of their names: team-2 before team-10. */
function sortedGroups(map: ReadonlyMap<string, Group>): [string, Group][] {
  return [...map].sort(([a], [b]) => naturalCompare(a, b));
}

function shows(by: ReadonlySet<SummaryGroup> | undefined, group: SummaryGroup): boolean {
  return by === undefined || by.has(group);
}

function percentText(row: RuleRow): string {
  const p = onTimePercent(row);
  return p === null ? '-' : `${p.toFixed(1)}%`;
}

function overdueText(o: Overdue | null): string {
  return o ? `${plural(o.workingDays, 'working day')} (case ${o.caseId})` : '';
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()}`;
  return [line(header), ...rows.map(line)];
}

function groupText(title: string, group: Group): string[] {
  const rows = group.sortedRows();
  if (rows.length === 0) return [`${title} (${plural(group.cases, 'case')})`, '  No obligation applies.', ''];
  return [
    `${title} (${plural(group.cases, 'case')})`,
    ...table(
      ['On time', 'Late', 'Overdue', 'Due', 'Unknown', '% on time', 'Longest overdue', 'Rule [id]'],
      rows.map((r) => [formatCount(r.met + r.excepted), formatCount(r.metLate), formatCount(r.overdue), formatCount(r.due), formatCount(r.unknown), percentText(r), overdueText(r.longest), `${r.title} [${r.ruleId}]`]),
      new Set([0, 1, 2, 3, 4, 5]),
    ),
    '',
  ];
}

/** The summary for people: overall, the longest overdue, then by team and by worker. */
export function summaryText(caseload: Caseload, ctx: SummaryContext): string {
  const { counts } = ctx;
  const lines = [
    `Caseload summary as of ${ctx.asOf} under ${ctx.ruleSet.id} (${ctx.ruleSet.title})`,
    `${plural(counts.evaluated, 'case')} evaluated${counts.rejected > 0 ? `, ${plural(counts.rejected, 'record')} rejected (listed on stderr)` : ''}${ctx.narrowedTo ? `; the summary is of ${plural(caseload.overall.cases, 'case')} only (${ctx.narrowedTo})` : ''}.`,
    '"On time" counts obligations met on time or under a recorded exception; "% on time" is of those met or overdue (obligations still due are not yet judged), rounded down; "Unknown" could not be worked out (a fact such as school term dates is missing). Rules that apply to no case are left out. Longest overdue first.',
    '',
    ...groupText('Overall', caseload.overall),
  ];
  if (caseload.longest.length > 0) {
    lines.push(`Longest overdue (${caseload.longest.length} longest)`);
    lines.push(
      ...table(
        ['Overdue by', 'Case', 'Team', 'Worker', 'Due', 'Rule [id]'],
        caseload.longest.map((o) => [plural(o.workingDays, 'working day'), o.caseId, o.team ?? '', o.worker ?? '', o.due ?? '', `${caseload.titleOf(o.ruleId)} [${o.ruleId}]`]),
        new Set(),
      ),
      '',
    );
  }
  if (shows(ctx.by, 'team') && caseload.teams.size > 0) {
    lines.push(`By team${caseload.noTeam > 0 ? ` (${plural(caseload.noTeam, 'case')} name no team)` : ''}`, '');
    for (const [team, g] of sortedGroups(caseload.teams)) lines.push(...groupText(`Team ${team}`, g));
  }
  if (shows(ctx.by, 'worker') && caseload.workers.size > 0) {
    lines.push(`By worker${caseload.noWorker > 0 ? ` (${plural(caseload.noWorker, 'case')} name no worker)` : ''}`, '');
    for (const [worker, g] of sortedGroups(caseload.workers)) lines.push(...groupText(`Worker ${worker}`, g));
  }
  // Each element is one line of ours: escaping it keeps an id's control characters from forging lines.
  return `${lines.map(printable).join('\n')}\n`;
}

function rowJson(r: RuleRow): Record<string, unknown> {
  return { ruleId: r.ruleId, ruleSet: r.ruleSet, title: r.title, met: r.met, excepted: r.excepted, metLate: r.metLate, overdue: r.overdue, due: r.due, unknown: r.unknown, onTimePercent: onTimePercent(r), longestOverdue: r.longest };
}

function groupsJson(map: ReadonlyMap<string, Group>, key: string): Record<string, unknown>[] {
  return sortedGroups(map).map(([id, g]) => ({ [key]: id, cases: g.cases, rules: g.sortedRows().map(rowJson) }));
}

/** The summary as one JSON document. */
export function summaryJson(caseload: Caseload, ctx: SummaryContext): string {
  return `${JSON.stringify(
    {
      asOf: ctx.asOf,
      ruleSet: ctx.ruleSet.id,
      ...ctx.counts,
      overall: { cases: caseload.overall.cases, rules: caseload.overall.sortedRows().map(rowJson) },
      longestOverdue: caseload.longest,
      ...(shows(ctx.by, 'team') ? { byTeam: groupsJson(caseload.teams, 'team') } : {}),
      ...(shows(ctx.by, 'worker') ? { byWorker: groupsJson(caseload.workers, 'worker') } : {}),
      casesWithoutTeam: caseload.noTeam,
      casesWithoutWorker: caseload.noWorker,
    },
    null,
    2,
  )}\n`;
}

/** The columns of `summary --format csv`. */
export const SUMMARY_COLUMNS = ['scope', 'group', 'cases', 'ruleId', 'ruleSet', 'title', 'met', 'excepted', 'metLate', 'overdue', 'due', 'unknown', 'onTimePercent', 'longestOverdueWorkingDays', 'longestOverdueCalendarDays', 'longestOverdueCaseId', 'longestOverdueDue'] as const;

function groupCsv(scope: string, name: string, g: Group): Cell[][] {
  return g.sortedRows().map((r) => [scope, name, g.cases, r.ruleId, r.ruleSet, r.title, r.met, r.excepted, r.metLate, r.overdue, r.due, r.unknown, onTimePercent(r), r.longest?.workingDays, r.longest?.calendarDays, r.longest?.caseId, r.longest?.due]);
}

/** The summary as CSV: one row per rule per group (overall, each team, each worker, as `by` says). */
export function summaryCsv(caseload: Caseload, bom: string, by?: ReadonlySet<SummaryGroup>): string {
  const rows: Cell[][] = [[...SUMMARY_COLUMNS], ...groupCsv('overall', '', caseload.overall)];
  if (shows(by, 'team')) for (const [team, g] of sortedGroups(caseload.teams)) rows.push(...groupCsv('team', team, g));
  if (shows(by, 'worker')) for (const [worker, g] of sortedGroups(caseload.workers)) rows.push(...groupCsv('worker', worker, g));
  return bom + csvRows(rows);
}
