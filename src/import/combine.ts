import type { CaseEvent } from '../schemas/events.js';
import type { CaseSnapshot } from '../schemas/case-snapshot.js';
import type { Supply, SuppliedEvents } from '../schemas/supply.js';
import { problem, type CouncilDueDate, type ImportEntry, type ImportProblem, type ImportResult } from './problem.js';

/** One source's import, named for the ids it gives (`cin-census`, `ssda903`). */
export interface NamedSource {
  readonly name: string;
  readonly entries: AsyncIterable<ImportEntry>;
}

/** Event fields that hold ids of the same source, prefixed with it so that sources never collide. */
const ID_FIELDS = ['placementId', 'episodeId', 'assessmentId', 'forEventId', 'disputeEventId', 'reviewEventId'] as const;

function prefixed(name: string, e: CaseEvent): CaseEvent {
  const out: Record<string, unknown> = { ...e, id: `${name}:${e.id}` };
  for (const f of ID_FIELDS) if (typeof out[f] === 'string') out[f] = `${name}:${out[f] as string}`;
  return out as CaseEvent;
}

/** Both sources' declarations as one: a type either records is recorded, with the fields of both. */
function mergeSupply(list: readonly Supply[]): Supply {
  const byType = new Map<string, SuppliedEvents[]>();
  for (const s of list) for (const e of s.events) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const events: SuppliedEvents[] = [...byType].map(([type, all]) => {
    const fields = all.some((e) => e.fields === undefined) ? undefined : [...new Set(all.flatMap((e) => e.fields ?? []))];
    return {
      type,
      ...(fields ? { fields } : {}),
      // Only the latest, or only part of the history, when every source that records it says so.
      ...(all.every((e) => e.latestOnly === true) ? { latestOnly: true } : {}),
      ...(all.every((e) => e.partialHistory === true) ? { partialHistory: true } : {}),
    };
  });
  return { source: list.map((s) => s.source).join(' and '), events, facts: [...new Set(list.flatMap((s) => s.facts ?? []))] };
}

interface Part {
  readonly source: string;
  readonly result: ImportResult;
}

/** One child's parts from several sources as one result. */
function mergeChild(id: string, parts: readonly Part[]): ImportResult {
  const problems: ImportProblem[] = parts.flatMap((p) => p.result.problems);
  const uses = new Map<string, number>();
  const snaps = parts.flatMap((p) => {
    if (p.result.kind !== 'snapshot') return [];
    // A child twice in one source keeps its records apart: `ssda903`, then `ssda903-2`.
    const n = (uses.get(p.source) ?? 0) + 1;
    uses.set(p.source, n);
    return [{ source: n === 1 ? p.source : `${p.source}-${n}`, snapshot: p.result.snapshot, dueDates: p.result.dueDates ?? [] }];
  });
  if (snaps.length === 0) return { kind: 'error', caseId: id, problems };
  if (snaps.length === 1 && parts.length === 1) return parts[0]!.result;
  const births = new Set(snaps.map((s) => s.snapshot.child.dateOfBirth));
  if (births.size > 1) {
    problems.push(problem({ file: snaps.map((s) => s.source).join(', ') }, 'dateOfBirth', 'conflicting-fact', `The sources give different dates of birth for the child (${snaps.map((s) => s.source).join(', ')}); no snapshot is made until they agree.`, id));
    return { kind: 'error', caseId: id, problems };
  }
  // The same dated event from two sources (a referral in the census and in SSD) is kept once.
  const seen = new Set<string>();
  const events: CaseEvent[] = [];
  for (const s of snaps) {
    for (const e of s.snapshot.events) {
      const key = `${e.type}|${e.date}`;
      if (seen.has(key) && e.type !== 'visit') continue;
      seen.add(key);
      events.push(prefixed(s.source, e));
    }
  }
  const supplies = snaps.flatMap((s) => (s.snapshot.supply ? [s.snapshot.supply] : []));
  const first = snaps[0]!.snapshot;
  const careLeaver = snaps.some((s) => s.snapshot.child.careLeaver === true);
  const snapshot: CaseSnapshot = {
    caseId: id,
    ...(snaps.find((s) => s.snapshot.team)?.snapshot.team ? { team: snaps.find((s) => s.snapshot.team)!.snapshot.team! } : {}),
    ...(snaps.find((s) => s.snapshot.worker)?.snapshot.worker ? { worker: snaps.find((s) => s.snapshot.worker)!.snapshot.worker! } : {}),
    child: { dateOfBirth: first.child.dateOfBirth, ...(careLeaver ? { careLeaver } : {}) },
    events,
    // A source without a declaration records everything; with one, the union of what they record.
    ...(supplies.length === snaps.length ? { supply: mergeSupply(supplies) } : {}),
  };
  const dueDates: CouncilDueDate[] = snaps.flatMap((s) =>
    s.dueDates.map((d) => ({
      ...d,
      ...(d.anchorEventId !== undefined ? { anchorEventId: `${s.source}:${d.anchorEventId}` } : {}),
      ...(d.metByEventId !== undefined ? { metByEventId: `${s.source}:${d.metByEventId}` } : {}),
    })),
  );
  return { kind: 'snapshot', caseId: id, snapshot, problems, ...(dueDates.length > 0 ? { dueDates } : {}) };
}

/**
 * Combines the imports of several sources about the same children (the CIN census with the
 * SSDA903 return by `LAchildID`/`CHILD`, or SSD with either): a child found in several becomes
 * one snapshot, its events from each source (ids prefixed by the source's name), its supply the
 * union of theirs. Sources that disagree on a fact (two dates of birth) make that child a coded
 * error, `conflicting-fact`, not a silent choice. Every child of every source comes back once.
 */
export async function* combineSources(sources: readonly NamedSource[]): AsyncGenerator<ImportEntry> {
  const children = new Map<string, Part[]>();
  const unnamed: ImportResult[] = [];
  for (const s of sources) {
    for await (const e of s.entries) {
      if (e.kind === 'problem') {
        yield e;
        continue;
      }
      if (e.caseId === undefined) {
        unnamed.push(e);
        continue;
      }
      const parts = children.get(e.caseId) ?? [];
      parts.push({ source: s.name, result: e });
      children.set(e.caseId, parts);
    }
  }
  yield* unnamed;
  for (const [id, parts] of children) yield mergeChild(id, parts);
}
