import type { Rule } from '../../../src/rules/rule-schema.js';
import type { Supply } from '../../../src/schemas/supply.js';
import { eventLabel } from '../../../src/rules/vocabulary.js';
import { ruleReads, type TypeFields } from './rule-reads.js';

/**
 * Fields every source gives or whose absence never makes a false answer: ids and dates, the
 * time of day (hour-based rules fall back to whole days) and a visit's mode (a visit whose mode
 * is `not-recorded` is judged visit by visit, see `partial-data.ts`).
 */
const ALWAYS: ReadonlySet<string> = new Set(['id', 'date', 'at']);
const PER_EVENT: Readonly<Record<string, ReadonlySet<string>>> = { visit: new Set(['mode']) };

/** A source's declaration read for lookups. */
export interface SupplyIndex {
  readonly source: string;
  readonly types: ReadonlyMap<string, { readonly fields: ReadonlySet<string> | undefined; readonly latestOnly: boolean; readonly partialHistory: boolean }>;
  readonly facts: ReadonlySet<string>;
}

/** Indexes a declaration. */
export function indexSupply(supply: Supply): SupplyIndex {
  return {
    source: supply.source,
    types: new Map(supply.events.map((e) => [e.type, { fields: e.fields === undefined ? undefined : new Set(e.fields), latestOnly: e.latestOnly === true, partialHistory: e.partialHistory === true }])),
    facts: new Set(supply.facts ?? []),
  };
}

function fieldName(field: string): string {
  return field.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** What the source cannot give of the types and fields read, as phrases. */
function missing(index: SupplyIndex, read: TypeFields): string[] {
  const types: string[] = [];
  const fields: string[] = [];
  for (const [type, wanted] of read) {
    const supplied = index.types.get(type);
    if (!supplied) {
      types.push(eventLabel(type));
      continue;
    }
    if (!supplied.fields) continue;
    for (const f of wanted) {
      if (!ALWAYS.has(f) && !PER_EVENT[type]?.has(f) && !supplied.fields.has(f)) fields.push(`the ${fieldName(f)} of a ${eventLabel(type)}`);
    }
  }
  const out: string[] = [];
  if (types.length > 0) out.push(`any ${types.join(' or ')}`);
  return out.concat(fields);
}

/**
 * Why a rule cannot be judged from a source, or undefined when it can: the events that start
 * or meet its duty, a field it compares, or a fact it is conditioned on, that the source does not
 * record. E.g. "the SSDA903 return does not record any visit".
 */
export function supplyGap(index: SupplyIndex, rule: Rule): string | undefined {
  const reads = ruleReads(rule);
  const gaps = [...missing(index, reads.anchors), ...missing(index, reads.evidence)];
  for (const f of reads.facts) if (!index.facts.has(f)) gaps.push(`whether the child's ${fieldName(f)} holds`);
  if (gaps.length === 0) return undefined;
  return `${index.source} does not record ${[...new Set(gaps)].join(', nor ')}`;
}

/** The evidence types of a rule the source keeps only the latest of. */
export function latestOnlyEvidence(index: SupplyIndex, rule: Rule): readonly string[] {
  return [...ruleReads(rule).evidence.keys()].filter((t) => index.types.get(t)?.latestOnly === true);
}

/**
 * How well a source can judge a rule: `exact` when it records all the rule reads; `approximate`
 * when it can judge it only in part (only the latest event is kept, so only the current cycle
 * is judged; or the rule needs an in-person visit and the source does not record how visits were
 * made, so it rests on an assumption or on visits' absence); `unknown` when it cannot.
 */
export type Coverage = 'exact' | 'approximate' | 'unknown';

/** Whether visits from this source carry their mode (a `mode` field declared for `visit`). */
function recordsVisitMode(index: SupplyIndex): boolean {
  const visit = index.types.get('visit');
  return visit !== undefined && (visit.fields === undefined || visit.fields.has('mode'));
}

/** How well a source's declaration lets a rule be judged, with the reason when not exactly. */
export function ruleCoverage(supply: Supply, rule: Rule): { coverage: Coverage; reason?: string } {
  const index = indexSupply(supply);
  const gap = supplyGap(index, rule);
  if (gap !== undefined) return { coverage: 'unknown', reason: gap };
  const latest = latestOnlyEvidence(index, rule);
  if (latest.length > 0) return { coverage: 'approximate', reason: `${index.source} keeps only the latest ${latest.map(eventLabel).join(' or ')}` };
  if (ruleReads(rule).modeSelectors.length > 0 && !recordsVisitMode(index)) {
    return { coverage: 'approximate', reason: `${index.source} does not record how a visit was made` };
  }
  return { coverage: 'exact' };
}
