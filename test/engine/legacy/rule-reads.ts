import type { Boundary, Episode, Rule, Selector, Trigger } from '../../../src/rules/rule-schema.js';

/** Event types a rule reads, each with the fields it reads of them. */
export type TypeFields = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * What a rule reads from a snapshot: the events that start, bound or end its duty (`anchors`),
 * the events that meet it (`evidence`) and the child's facts it is conditioned on.
 */
export interface RuleReads {
  readonly anchors: TypeFields;
  readonly evidence: TypeFields;
  /** Evidence selectors that ask how a visit was made (`where.mode`). */
  readonly modeSelectors: readonly Selector[];
  readonly facts: readonly string[];
}

type Into = Map<string, Set<string>>;

function typesOf(s: Selector): readonly string[] {
  return Array.isArray(s.type) ? s.type : [s.type];
}

function addSelector(into: Into, s: Selector, extraFields: readonly string[] = []): void {
  for (const t of typesOf(s)) {
    let fields = into.get(t);
    if (!fields) into.set(t, (fields = new Set()));
    // A selector limited to dates (video visits under the coronavirus regulations) only adds
    // events; without its fields it matches none, and a visit of unrecorded mode in its period is
    // judged visit by visit. Its fields are not needed to judge the rule outside that period.
    if (s.during === undefined) for (const f of Object.keys(s.where ?? {})) fields.add(f);
    for (const f of extraFields) fields.add(f);
  }
}

function addTrigger(into: Into, t: Trigger, extra?: readonly string[]): void {
  if ('age' in t) {
    if (t.notBefore) addSelector(into, t.notBefore);
  } else addSelector(into, t, extra);
}

function addEpisode(into: Into, e: Episode): void {
  // The key ties an episode to its start; an end without it closes the episode regardless.
  addTrigger(into, e.start, e.key === undefined ? [] : [e.key]);
  for (const t of e.end ?? []) addTrigger(into, t);
}

function addBoundary(into: Into, b: Boundary): void {
  if ('event' in b) addSelector(into, b.event);
  else if ('allOf' in b) b.allOf.forEach((p) => addBoundary(into, p));
}

/** Adds whenStart fields to the types that start the episode. */
function addStartFields(into: Into, start: Trigger, fields: readonly string[]): void {
  if (!('age' in start)) addSelector(into, { type: start.type }, fields);
}

const cache = new WeakMap<Rule, RuleReads>();

/** What a rule reads, worked out once per rule. */
export function ruleReads(rule: Rule): RuleReads {
  let reads = cache.get(rule);
  if (reads) return reads;
  const anchors: Into = new Map();
  const evidence: Into = new Map();
  let evidenceSelectors: readonly Selector[] = [];
  const link = 'satisfiedBy' in rule && rule.satisfiedBy.link !== undefined && rule.satisfiedBy.link !== 'forEventId' ? [rule.satisfiedBy.link] : [];
  if (rule.appliesWhen?.withinEpisode) addEpisode(anchors, rule.appliesWhen.withinEpisode);
  switch (rule.kind) {
    case 'deadline':
    case 'presence':
      addTrigger(anchors, rule.anchor, link);
      if (rule.kind === 'deadline') for (const s of rule.cancelledBy ?? []) addSelector(anchors, s);
      if (rule.satisfiedBy.anchorField !== undefined && !('age' in rule.anchor)) addSelector(anchors, rule.anchor, [rule.satisfiedBy.anchorField]);
      evidenceSelectors = rule.satisfiedBy.events ?? [];
      break;
    case 'recurring':
      addEpisode(anchors, rule.episode);
      for (const p of rule.phases) {
        if (p.from) addBoundary(anchors, p.from);
        if (p.whenStart) addStartFields(anchors, rule.episode.start, Object.keys(p.whenStart));
      }
      evidenceSelectors = rule.satisfiedBy.events ?? [];
      break;
    case 'before-event':
      addSelector(anchors, rule.target);
      evidenceSelectors = rule.satisfiedBy.events ?? [];
      break;
    case 'count-in-window':
      addEpisode(anchors, rule.episode);
      evidenceSelectors = rule.requirements.flatMap((r) => r.events);
      break;
  }
  for (const s of evidenceSelectors) addSelector(evidence, s, link);
  const modeSelectors = evidenceSelectors.filter((s) => s.where?.mode !== undefined && typesOf(s).includes('visit'));
  reads = { anchors, evidence, modeSelectors, facts: Object.keys(rule.appliesWhen?.facts ?? {}) };
  cache.set(rule, reads);
  return reads;
}
