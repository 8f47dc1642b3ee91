import { tryParseIsoDate, tryParseIsoDateTime, type DayNumber } from '../calendar/day-number.js';
import { typeNumber } from './event-types.js';
import type { CaseSnapshot } from '../schemas/case-snapshot.js';
import type { WorkerSnapshot } from '../schemas/worker-snapshot.js';
import type { PreparedEvent, PreparedSubject } from './prepared.js';
import { takeCheckedEvents, type Snapshot } from './validate.js';

function day(iso: string): DayNumber {
  // The schema has already checked the format; this only converts.
  return tryParseIsoDate(iso)!;
}

/** The order of a subject's events: by day, then time (none counts as midnight), then id. */
export function byDayThenId(a: PreparedEvent, b: PreparedEvent): number {
  return a.day - b.day || (a.minute ?? 0) - (b.minute ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every prepared event is made here, so that they all have one shape. */
function preparedEvent(id: string, type: string, number: number, dayNumber: DayNumber, text: unknown, raw: Readonly<Record<string, unknown>>): PreparedEvent {
  const at = typeof text === 'string' ? tryParseIsoDateTime(text) : undefined;
  return { id, type, typeNumber: number, day: dayNumber, minute: at?.epochMinutes, offset: at?.offsetMinutes ?? 0, raw };
}

function toEvent(raw: Record<string, unknown> & { id: string; type: string; date: string }, dayNumber: DayNumber): PreparedEvent {
  return preparedEvent(raw.id, raw.type, typeNumber(raw.type), dayNumber, raw.at, raw);
}

function workerEvent(raw: Record<string, unknown> & { id: string; type: string; date: string }): PreparedEvent {
  return toEvent(raw, day(raw.date));
}

/**
 * Worker snapshots keep some facts as fields (start in role, support periods); they become
 * events here so that one engine reads both kinds of record.
 */
function workerEvents(w: WorkerSnapshot): PreparedEvent[] {
  const out: PreparedEvent[] = [workerEvent({ id: 'startedOn', type: 'started-in-role', date: w.startedOn })];
  (w.periods ?? []).forEach((p, i) => {
    out.push(workerEvent({ id: `periods[${i}].start`, type: 'support-period-started', date: p.start, periodKind: p.kind, periodId: `periods[${i}]` }));
    out.push(workerEvent({ id: `periods[${i}].end`, type: 'support-period-ended', date: p.end, periodKind: p.kind, periodId: `periods[${i}]` }));
  });
  return out;
}

/** Moves an insertion sort may make, per event, before it leaves the list to the general sort. */
const MOVES_PER_EVENT = 4;

/**
 * Puts events in date order, as a stable sort does. A list out of order is usually nearly in
 * order (a few events of a day listed before an earlier id): an insertion sort puts those right
 * in a few comparisons, where the general sort would compare each event several times. A list
 * far from order goes to the general sort, which keeps the order the insertion sort left among
 * equal events, as both sorts are stable.
 */
function sortByDay(events: PreparedEvent[]): void {
  let budget = events.length * MOVES_PER_EVENT;
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    let j = i - 1;
    if (byDayThenId(events[j]!, e) <= 0) continue;
    do {
      events[j + 1] = events[j]!;
      j--;
    } while (j >= 0 && byDayThenId(events[j]!, e) > 0);
    events[j + 1] = e;
    budget -= i - j - 1;
    if (budget < 0) {
      events.sort(byDayThenId);
      return;
    }
  }
}

/**
 * The events by type, each list in date order, at the type's number: a rule's types are numbered
 * once, so finding their events is an array read, not a lookup by text. A change of living
 * arrangements that does not restate the placement kind keeps the kind it had (the event is
 * replaced, in `events` too), so rules selecting placements by kind still see the changed
 * placement. One pass does both.
 */
function indexByType(events: PreparedEvent[]): (PreparedEvent[] | undefined)[] {
  const byType: (PreparedEvent[] | undefined)[] = [];
  let kinds: Map<unknown, unknown> | undefined;
  for (let i = 0; i < events.length; i++) {
    let e = events[i]!;
    const type = e.type;
    if (type === 'placement-started' || type === 'placement-changed') {
      kinds ??= new Map();
      if (e.raw.kind === undefined && kinds.has(e.raw.placementId)) {
        e = { ...e, raw: { ...e.raw, kind: kinds.get(e.raw.placementId) } };
        events[i] = e;
      }
      kinds.set(e.raw.placementId, e.raw.kind);
    }
    const n = e.typeNumber;
    const list = byType[n];
    if (list) list.push(e);
    else {
      // Filled up to the number first, so that the array never has holes.
      while (byType.length < n) byType.push(undefined);
      byType[n] = [e];
    }
  }
  return byType;
}

function indexById(events: readonly PreparedEvent[]): Map<string, PreparedEvent> {
  const byId = new Map<string, PreparedEvent>();
  for (const e of events) byId.set(e.id, e);
  return byId;
}

/**
 * A prepared subject. `byId` is built when first read: only rules that link events by id (linked
 * anchors, exceptions, partial data) read it, and most snapshots meet none of them.
 */
class Prepared implements PreparedSubject {
  private ids: Map<string, PreparedEvent> | undefined = undefined;

  constructor(
    readonly subject: 'child' | 'worker',
    readonly id: string,
    readonly team: string | undefined,
    readonly worker: string | undefined,
    readonly facts: Readonly<Record<string, unknown>>,
    readonly birthDay: DayNumber | undefined,
    readonly asOf: DayNumber,
    readonly events: readonly PreparedEvent[],
    readonly byTypeNumber: readonly (readonly PreparedEvent[] | undefined)[],
    readonly variations: PreparedSubject['variations'],
    readonly schoolTerms: PreparedSubject['schoolTerms'],
  ) {}

  get byId(): ReadonlyMap<string, PreparedEvent> {
    return (this.ids ??= indexById(this.events));
  }
}

/** Indexes a validated snapshot for evaluation as of a day. Events after that day are left out. */
export function prepare(snapshot: Snapshot, asOf: DayNumber): PreparedSubject {
  const isWorker = 'workerId' in snapshot;
  const events: PreparedEvent[] = [];
  const list = snapshot.events as unknown as readonly (Record<string, unknown> & { id: string; type: string; date: string })[];
  // A snapshot just checked is prepared from what the check read of its events (each field of an
  // event is a lookup, as events come in many shapes); any other is read from its events.
  const read = takeCheckedEvents(snapshot);
  // Snapshots usually list events in date order already, and a stable sort leaves an ordered list
  // as it is: noticing order as the events are made usually saves the sort.
  let ordered = true;
  let last: PreparedEvent | undefined;
  for (let i = 0; i < list.length; i++) {
    const raw = list[i]!;
    const pe = read !== undefined ? preparedEvent(read.ids[i]!, read.types[i]!, read.typeNumbers[i]!, read.days[i]!, read.ats[i], raw) : toEvent(raw, day(raw.date));
    if (pe.day > asOf) continue;
    if (last !== undefined && ordered && byDayThenId(last, pe) > 0) ordered = false;
    events.push(pe);
    last = pe;
  }
  if (isWorker) {
    for (const e of workerEvents(snapshot)) if (e.day <= asOf) events.push(e);
    ordered = false;
  }
  if (!ordered) sortByDay(events);
  const byTypeNumber = indexByType(events);
  if (isWorker) {
    const w = snapshot;
    const facts = { role: w.role, startedOn: w.startedOn, qualifiedOn: w.qualifiedOn };
    return new Prepared('worker', w.workerId, w.team, w.workerId, facts, undefined, asOf, events, byTypeNumber, [], undefined);
  }
  const c = snapshot as CaseSnapshot;
  return new Prepared('child', c.caseId, c.team, c.worker, c.child, day(c.child.dateOfBirth), asOf, events, byTypeNumber, c.variations ?? [], c.schoolTerms);
}
