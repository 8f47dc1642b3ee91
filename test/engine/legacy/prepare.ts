/**
 * The implementation before issue 12's fused pass, kept verbatim (imports aside) as the oracle of
 * the differential tests in `../fused-check.test.ts`: the new one must give the same answers.
 */
import { typeNumber } from '../../../src/engine/event-types.js';
import { byNumber } from './by-number.js';
import type { DayNumber } from '../../../src/calendar/day-number.js';
import { tryParseIsoDate, tryParseIsoDateTime } from './day-number.js';
import type { CaseSnapshot } from '../../../src/schemas/case-snapshot.js';
import type { WorkerSnapshot } from '../../../src/schemas/worker-snapshot.js';
import type { PreparedEvent, PreparedSubject } from '../../../src/engine/prepared.js';
import type { Snapshot } from './validate.js';

function day(iso: string): DayNumber {
  // The schema has already checked the format; this only converts.
  return tryParseIsoDate(iso)!;
}

function byDayThenId(a: PreparedEvent, b: PreparedEvent): number {
  return a.day - b.day || (a.minute ?? 0) - (b.minute ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function toEvent(raw: Record<string, unknown> & { id: string; type: string; date: string }): PreparedEvent {
  const at = typeof raw.at === 'string' ? tryParseIsoDateTime(raw.at) : undefined;
  return { id: raw.id, type: raw.type, typeNumber: typeNumber(raw.type), day: day(raw.date), minute: at?.epochMinutes, offset: at?.offsetMinutes ?? 0, raw };
}

/**
 * Worker snapshots keep some facts as fields (start in role, support periods); they become
 * events here so that one engine reads both kinds of record.
 */
function workerEvents(w: WorkerSnapshot): PreparedEvent[] {
  const out: PreparedEvent[] = [toEvent({ id: 'startedOn', type: 'started-in-role', date: w.startedOn })];
  (w.periods ?? []).forEach((p, i) => {
    out.push(toEvent({ id: `periods[${i}].start`, type: 'support-period-started', date: p.start, periodKind: p.kind, periodId: `periods[${i}]` }));
    out.push(toEvent({ id: `periods[${i}].end`, type: 'support-period-ended', date: p.end, periodKind: p.kind, periodId: `periods[${i}]` }));
  });
  return out;
}

/**
 * A change of living arrangements that does not restate the placement kind keeps the kind it
 * had, so rules selecting placements by kind still see the changed placement.
 */
function inheritPlacementKind(events: PreparedEvent[]): void {
  const kinds = new Map<unknown, unknown>();
  events.forEach((e, i) => {
    if (e.type !== 'placement-started' && e.type !== 'placement-changed') return;
    if (e.raw.kind === undefined && kinds.has(e.raw.placementId)) {
      events[i] = { ...e, raw: { ...e.raw, kind: kinds.get(e.raw.placementId) } };
    }
    kinds.set(e.raw.placementId, events[i]!.raw.kind);
  });
}

/** Indexes a validated snapshot for evaluation as of a day. Events after that day are left out. */
export function prepare(snapshot: Snapshot, asOf: DayNumber): PreparedSubject {
  const isWorker = 'workerId' in snapshot;
  const events: PreparedEvent[] = [];
  for (const e of snapshot.events) {
    const pe = toEvent(e as unknown as Record<string, unknown> & { id: string; type: string; date: string });
    if (pe.day <= asOf) events.push(pe);
  }
  if (isWorker) for (const e of workerEvents(snapshot)) if (e.day <= asOf) events.push(e);
  events.sort(byDayThenId);
  inheritPlacementKind(events);
  const byType = new Map<string, PreparedEvent[]>();
  const byId = new Map<string, PreparedEvent>();
  for (const e of events) {
    const list = byType.get(e.type);
    if (list) list.push(e);
    else byType.set(e.type, [e]);
    byId.set(e.id, e);
  }
  if (isWorker) {
    const w = snapshot;
    return {
      subject: 'worker', id: w.workerId, team: w.team, worker: w.workerId,
      facts: { role: w.role, startedOn: w.startedOn, qualifiedOn: w.qualifiedOn },
      birthDay: undefined, asOf, events, byTypeNumber: byNumber(byType), byId, variations: [], schoolTerms: undefined,
    };
  }
  const c = snapshot as CaseSnapshot;
  return {
    subject: 'child', id: c.caseId, team: c.team, worker: c.worker,
    facts: c.child, birthDay: day(c.child.dateOfBirth), asOf, events, byTypeNumber: byNumber(byType), byId,
    variations: c.variations ?? [], schoolTerms: c.schoolTerms,
  };
}
