import { formatIsoDate, parseIsoDate } from '../../src/calendar/day-number.js';
import { CASE_COLUMNS, EVENT_BASE_COLUMNS, columnKind, evaluate, type CaseSnapshot } from '../../src/index.js';
import { dayFromSerial, serialFromDay } from '../../src/sheets/cells.js';

/** The as-of date the EVALUATE tests judge on. */
export const AS_OF = '2024-04-09';

/** Case snapshots as an events table the way a team keeps one: dates as date cells, flags as TRUE/FALSE. */
export function table(snapshots: readonly CaseSnapshot[]): unknown[][] {
  const eventFields = new Set<string>();
  for (const s of snapshots) for (const e of s.events) for (const k of Object.keys(e)) if (!['id', 'type', 'date', 'at', 'recordedOn'].includes(k)) eventFields.add(k);
  const header = [...CASE_COLUMNS, ...EVENT_BASE_COLUMNS, ...eventFields];
  const cell = (column: string, value: unknown): unknown => {
    if (value === undefined) return '';
    if (columnKind(column) === 'date') return serialFromDay(parseIsoDate(value as string));
    if (Array.isArray(value)) return value.join(';');
    return value;
  };
  const rows: unknown[][] = [header];
  for (const s of snapshots) {
    const caseCells: Record<string, unknown> = { caseId: s.caseId, team: s.team, worker: s.worker, ...s.child };
    const events = s.events.length ? s.events : [undefined];
    events.forEach((e, i) => {
      const values: Record<string, unknown> = { ...(i === 0 ? caseCells : { caseId: s.caseId }), ...(e ? { ...e, eventId: e.id } : {}) };
      rows.push(header.map((c) => cell(c, c === 'id' ? undefined : values[c])));
    });
  }
  return rows;
}

/** The engine's answers as EVALUATE spills them, with dates as ISO text. */
export function engineRows(snapshots: readonly CaseSnapshot[], ruleSet: string, asOf = AS_OF): unknown[][] {
  return snapshots.flatMap((s) =>
    evaluate(s, { ruleSet, asOf }).obligations.map((o) => [o.caseId, o.ruleId, o.title, o.status, o.due === null ? '' : o.due.slice(0, 10), o.lateness?.workingDays ?? '', o.explanation]),
  );
}

/** EVALUATE's answers without the header, due dates as ISO text. */
export function isoRows(out: unknown[][]): unknown[][] {
  return out.slice(1).map((r) => r.map((v, i) => (i === 4 && typeof v === 'number' ? formatIsoDate(dayFromSerial(v)) : v)));
}

