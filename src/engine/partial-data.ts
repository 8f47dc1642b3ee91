import { tryParseIsoDate } from '../calendar/day-number.js';
import type { RuleInSet } from '../rules/chain.js';
import type { Rule, Selector } from '../rules/rule-schema.js';
import type { CaseSnapshot } from '../schemas/case-snapshot.js';
import type { EvalContext } from './context.js';
import { typeNumber, VISIT } from './event-types.js';
import { explain } from './explain.js';
import { isoDate } from './iso-text.js';
import { eventLabel } from '../rules/vocabulary.js';
import type { Obligation, TraceStep } from './obligation.js';
import type { PreparedEvent } from './prepared.js';
import { outcome } from './outcome.js';
import { ruleReads } from './rule-reads.js';
import { compileSelector, type CompiledSelector } from './select.js';
import { indexSupply, latestOnlyEvidence, supplyGap, type SupplyIndex } from './supply.js';
import { checkedEventsOf, type Snapshot } from './validate.js';

/**
 * Assumptions a caller may state where a source is silent. `visits-in-person`: a visit whose
 * mode is `not-recorded` is taken to have been made in person.
 */
export const ASSUMPTIONS = ['visits-in-person'] as const;
/** An assumption, see {@link ASSUMPTIONS}. */
export type Assumption = (typeof ASSUMPTIONS)[number];

const ASSUMED_IN_PERSON = 'This relies on an assumption: visits whose mode is not recorded were taken to have been made in person (visits-in-person).';

/** A visit selector without its mode condition, to find visits that might have matched. */
const withoutMode = new WeakMap<Selector, CompiledSelector>();
function anyModeOf(s: Selector): CompiledSelector {
  let c = withoutMode.get(s);
  if (!c) {
    const { mode: _mode, ...where } = s.where ?? {};
    c = compileSelector({ ...s, type: 'visit', where });
    withoutMode.set(s, c);
  }
  return c;
}

type Mutable = { -readonly [K in keyof Obligation]: Obligation[K] };

/** The mode of a visit whose source did not record how it was made. */
const UNRECORDED = 'not-recorded';

/** Whether an event (a snapshot's, or a prepared event's fields) is a visit whose mode was not recorded. */
function modeNotRecorded(e: { readonly type?: unknown; readonly mode?: unknown }): boolean {
  return e.type === 'visit' && e.mode === UNRECORDED;
}

/**
 * Whether any visit of a case records no mode. Where the check has read the events, from what it
 * recorded of them: each event read again is a lookup in its own shape.
 */
function anyModeNotRecorded(c: CaseSnapshot): boolean {
  const read = checkedEventsOf(c);
  if (read === undefined) return c.events.some(modeNotRecorded);
  for (let i = 0; i < read.length; i++) if (read.typeNumbers[i] === VISIT && read.modes[i] === UNRECORDED) return true;
  return false;
}

/**
 * Partial data: a snapshot whose source records only some events and fields (its `supply`), or
 * whose visits do not record their mode. Hooked into evaluation so that what a source does not
 * record gives `unknown`, naming it, never a breach and never a vanished duty:
 *
 * - a rule reading events, fields or facts the source does not record is withheld as unknown;
 * - with latest-only evidence, only the current cycle is judged: cycles the latest event closed
 *   (or met late) are unknown, as earlier events are not kept;
 * - a breach that a visit of unrecorded mode inside its period might have prevented is unknown,
 *   unless the caller assumes visits were in person, and every answer resting on that
 *   assumption says so.
 */
export class PartialData {
  private constructor(
    /** The snapshot to evaluate, with any assumption applied. */
    readonly snapshot: Snapshot,
    private readonly supply: SupplyIndex | undefined,
    private readonly assumed: ReadonlySet<string>,
    private readonly unrecordedMode: boolean,
  ) {}

  /** The partial-data view of a snapshot, or undefined when it records everything. */
  static of(snapshot: Snapshot, assume: readonly Assumption[] | undefined): PartialData | undefined {
    if ('workerId' in snapshot) return undefined;
    const c = snapshot as CaseSnapshot;
    const unrecorded = anyModeNotRecorded(c);
    if (!c.supply && !unrecorded) return undefined;
    const supply = c.supply ? indexSupply(c.supply) : undefined;
    if (!unrecorded || !assume?.includes('visits-in-person')) return new PartialData(snapshot, supply, new Set(), unrecorded);
    const assumed = new Set<string>();
    const events = c.events.map((e) => {
      if (!modeNotRecorded(e)) return e;
      assumed.add(e.id);
      return { ...e, mode: 'in-person' as const };
    });
    return new PartialData({ ...c, events }, supply, assumed, false);
  }

  /** Why a rule cannot be judged from this source at all, or undefined. */
  withheld(rule: Rule): string | undefined {
    return this.supply ? supplyGap(this.supply, rule) : undefined;
  }

  /** Reviews the obligations a rule gave (`list` from index `from` on), in place. */
  review(ctx: EvalContext, entry: RuleInSet, list: Obligation[], from: number): void {
    const { rule } = entry;
    const latest = this.supply ? latestOnlyEvidence(this.supply, rule) : [];
    const maybe = this.unrecordedMode ? this.maybeVisits(ctx, rule) : [];
    for (let i = from; i < list.length; i++) {
      const o = list[i]!;
      const reason = this.latestOnlyReason(ctx, rule, o, latest) ?? this.partialHistoryReason(ctx, o) ?? this.modeReason(ctx, o, maybe);
      if (reason !== undefined) list[i] = this.unknown(ctx, rule, o, reason);
      else if (this.assumed.size > 0 && this.restsOnAssumption(o)) list[i] = { ...o, explanation: `${o.explanation} ${ASSUMED_IN_PERSON}`, trace: [...o.trace, { step: 'note', detail: ASSUMED_IN_PERSON }] };
    }
  }

  private restsOnAssumption(o: Obligation): boolean {
    return (o.satisfiedBy !== null && this.assumed.has(o.satisfiedBy.eventId)) || (o.anchor?.eventId != null && this.assumed.has(o.anchor.eventId));
  }

  /** Latest-only evidence: a cycle closed by the latest event is earlier than the current one. */
  private latestOnlyReason(ctx: EvalContext, rule: Rule, o: Obligation, latest: readonly string[]): string | undefined {
    if (latest.length === 0 || o.satisfiedBy === null) return undefined;
    const by = ctx.subject.byId.get(o.satisfiedBy.eventId);
    if (!by || !latest.includes(by.type)) return undefined;
    if (rule.kind !== 'recurring' && o.status !== 'met-late') return undefined;
    return `${this.supply!.source} keeps only the latest ${eventLabel(by.type)}, so only the cycle after it can be judged, not the ${rule.kind === 'recurring' ? 'cycles' : 'time'} before it`;
  }

  /**
   * A breach counted from the first recorded event of a type whose earlier history the source
   * does not hold: that event may not have been the first, so the interval that applied is unknown.
   */
  private partialHistoryReason(ctx: EvalContext, o: Obligation): string | undefined {
    if (!this.supply || (o.status !== 'overdue' && o.status !== 'met-late') || !o.anchor?.eventId) return undefined;
    const anchor = ctx.subject.byId.get(o.anchor.eventId);
    if (!anchor || this.supply.types.get(anchor.type)?.partialHistory !== true) return undefined;
    if (ctx.subject.byTypeNumber[typeNumber(anchor.type)]?.[0] !== anchor) return undefined;
    return `${this.supply.source} holds this child's ${eventLabel(anchor.type)}s only from ${o.anchor.date}, and an earlier one may have come first, so the interval counted from it cannot be judged`;
  }

  /** Visits of unrecorded mode that would count for the rule had they been in person. */
  private maybeVisits(ctx: EvalContext, rule: Rule): readonly PreparedEvent[] {
    const selectors = ruleReads(rule).modeSelectors.filter((s) => {
      const m = s.where!.mode;
      return !(Array.isArray(m) ? m.includes(UNRECORDED) : m === UNRECORDED);
    });
    if (selectors.length === 0) return [];
    const visits = ctx.subject.byTypeNumber[VISIT] ?? [];
    return visits.filter((e) => modeNotRecorded(e.raw) && selectors.some((s) => anyModeOf(s).test(e)));
  }

  /** A breach that a visit of unrecorded mode in its period might have prevented. */
  private modeReason(ctx: EvalContext, o: Obligation, maybe: readonly PreparedEvent[]): string | undefined {
    if (maybe.length === 0 || (o.status !== 'overdue' && o.status !== 'met-late')) return undefined;
    const start = o.anchor ? maybe.find((e) => e.day >= dayOf(o.anchor!.date))?.day : maybe[0]!.day;
    if (start === undefined) return undefined;
    const end = o.status === 'met-late' && o.satisfiedBy ? dayOf(o.satisfiedBy.date) - 1 : ctx.asOf;
    const inPeriod = maybe.filter((e) => e.day >= start && e.day <= end);
    if (inPeriod.length === 0) return undefined;
    const dates = inPeriod.slice(0, 3).map((e) => isoDate(e.day)).join(', ');
    return `the visit${inPeriod.length === 1 ? '' : 's'} on ${dates}${inPeriod.length > 3 ? ' and later' : ''} do${inPeriod.length === 1 ? 'es' : ''} not record how ${inPeriod.length === 1 ? 'it was' : 'they were'} made, so whether the duty was met in person is not known (state the assumption visits-in-person to judge it)`;
  }

  private unknown(ctx: EvalContext, rule: Rule, o: Obligation, reason: string): Obligation {
    const trace: TraceStep[] = [...o.trace, { step: 'note', detail: reason }];
    const out: Mutable = { ...o, status: 'unknown', lateness: null };
    out.explanation = explain(ctx.subject.id, rule, outcome({ instance: o.instance, status: 'unknown', reason, trace }), 'unknown', o.due, null, ctx.asOf);
    out.trace = trace;
    return out;
  }
}

function dayOf(iso: string): number {
  // Obligation dates were written by the engine from day numbers (a due time keeps its date first).
  return tryParseIsoDate(iso.slice(0, 10))!;
}
