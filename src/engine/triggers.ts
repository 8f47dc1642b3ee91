import type { Boundary, Episode, Selector, Trigger } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import { UnknownFact } from './context.js';
import { ceasedByAbsence } from './absence.js';
import { eligibilityAnchors } from './eligibility.js';
import { durationText, eventLabel } from '../rules/vocabulary.js';
import type { Anchor } from './outcome.js';
import { anchorOf } from './linked-anchor.js';
import type { PreparedEvent } from './prepared.js';
import { memoQuestion, remembered } from './memo-slot.js';
import { compileSelection, compileSelector, NONE, type Selection } from './select.js';

const EVENTS = memoQuestion('events:');
const ANCHORS = memoQuestion('anchors:');
const EPISODES = memoQuestion('episodes:');

/** Each selector, or list of selectors, of the rule tables compiled once into a search. */
const selections = new WeakMap<Selector | readonly Selector[], Selection>();

/** The events a selector (or any of several) matches, in date order. */
function findEvents(ctx: EvalContext, key: Selector | readonly Selector[]): readonly PreparedEvent[] {
  let select = selections.get(key);
  if (!select) {
    select = compileSelection((Array.isArray(key) ? key : [key as Selector]).map(compileSelector));
    selections.set(key, select);
  }
  return select(ctx.subject);
}

/** Events matching any of the selectors, in date order. The list is shared: never modify it. */
export function eventsMatching(ctx: EvalContext, selectors: readonly Selector[]): readonly PreparedEvent[] {
  if (selectors.length === 0) return NONE;
  // A lone selector is keyed by itself, as it is when asked for alone.
  return selectors.length === 1 ? eventsOf(ctx, selectors[0]!) : remembered(ctx, EVENTS, selectors, findEvents);
}

/** Events matching one selector, in date order. The list is shared: never modify it. */
export function eventsOf(ctx: EvalContext, selector: Selector): readonly PreparedEvent[] {
  return remembered(ctx, EVENTS, selector, findEvents);
}

/** Each event an event trigger matches, as an anchor. */
function findAnchors(ctx: EvalContext, trigger: Exclude<Trigger, { age: unknown }>): Anchor[] {
  return eventsOf(ctx, trigger).map((e) => anchorOf(ctx, trigger, e));
}

/**
 * The anchors a trigger gives: each matching event, or the day the child reaches an age.
 * With `includeFuture`, an age not yet reached still gives its (future) day. The list may be
 * shared: never modify it.
 */
export function resolveTrigger(ctx: EvalContext, trigger: Trigger, includeFuture = false): readonly Anchor[] {
  if ('age' in trigger) {
    const birth = ctx.subject.birthDay;
    if (birth === undefined) throw new UnknownFact('the date of birth is not recorded');
    if (trigger.eligibility) return eligibilityAnchors(ctx, birth, { age: trigger.age, eligibility: trigger.eligibility }, includeFuture);
    const day = ctx.add(birth, trigger.age);
    let anchor: Anchor = { eventId: null, day, label: `age of ${durationText(trigger.age)}` };
    if (trigger.notBefore) {
      // The duty starts when both have happened: the age reached and the child known.
      const first = eventsOf(ctx, trigger.notBefore)[0];
      if (!first) return [];
      if (first.day > day) anchor = { eventId: first.id, day: first.day, label: `${eventLabel(first.type)} (after the age of ${durationText(trigger.age)})`, event: first };
    }
    if (anchor.day > ctx.asOf && !includeFuture) return [];
    return [anchor];
  }
  return remembered(ctx, ANCHORS, trigger, findAnchors);
}


/** A resolved span of an episode. `endDay` is undefined while it is still open. */
export interface ResolvedEpisode {
  /** Where the episode's clock starts. */
  readonly start: Anchor;
  /** The event that opened the episode, when its clock starts later (cut to a rule's condition). */
  readonly opening?: Anchor;
  readonly endDay: number | undefined;
  readonly endLabel: string | undefined;
  readonly keyValue: unknown;
}

/** True unless the event carries the episode's key field with another value (e.g. another placement's visit). */
export function sameKey(key: string | undefined, keyValue: unknown, e: PreparedEvent | undefined): boolean {
  if (key === undefined || !e) return true;
  const v = e.raw[key];
  return v === undefined || v === keyValue;
}

/**
 * The episodes of a spec, in date order. Unkeyed episodes do not overlap: a start inside an
 * open episode is part of it. Keyed episodes (e.g. per placement) run side by side.
 */
export function resolveEpisodes(ctx: EvalContext, spec: Episode): readonly ResolvedEpisode[] {
  return remembered(ctx, EPISODES, spec, findEpisodes);
}

function byDay(a: Anchor, b: Anchor): number {
  return a.day - b.day;
}

/**
 * Every anchor of an episode's end triggers, by day (a stable sort: on a tie, in the order of the
 * triggers, then of the events). One trigger's anchors are usually in that order already, and are
 * then taken as they are.
 */
function endsInOrder(ctx: EvalContext, triggers: readonly Trigger[] | undefined): readonly Anchor[] {
  if (triggers === undefined || triggers.length === 0) return [];
  const ends = resolveTrigger(ctx, triggers[0]!);
  if (triggers.length > 1) {
    const all = ends.slice();
    for (let i = 1; i < triggers.length; i++) for (const a of resolveTrigger(ctx, triggers[i]!)) all.push(a);
    return all.sort(byDay);
  }
  for (let i = 1; i < ends.length; i++) if (ends[i]!.day < ends[i - 1]!.day) return ends.slice().sort(byDay);
  return ends;
}

function findEpisodes(ctx: EvalContext, spec: Episode): ResolvedEpisode[] {
  const starts = resolveTrigger(ctx, spec.start);
  if (starts.length === 0) return [];
  const ends = endsInOrder(ctx, spec.end);
  const out: ResolvedEpisode[] = [];
  const used = new Set<Anchor>();
  let openUntil = -Infinity;
  for (const s of starts) {
    const keyValue = spec.key === undefined ? undefined : s.event?.raw[spec.key];
    if (spec.key === undefined && s.day < openUntil) continue;
    // An end on the start's own day closes it (a placement that ended the day it began) unless
    // that end already closed an earlier episode (a plan ended and a new one began that day).
    // An end is never the start event itself; ages have no event, so an age end (25) still
    // closes an episode an age (18) opened.
    const recorded = ends.find((e) => (e.day > s.day || (e.day === s.day && !used.has(e))) && (e.eventId === null || e.eventId !== s.eventId) && sameKey(spec.key, keyValue, e.event));
    // An absence too long ends the episode before any recorded end (Leeds private fostering).
    const ceased = spec.ceasesAfterAbsence && ceasedByAbsence(ctx, spec.ceasesAfterAbsence, s.day, recorded?.day, spec.key, keyValue);
    const end = ceased || recorded;
    if (end && end === recorded) used.add(end);
    out.push({ start: s, endDay: end?.day, endLabel: end?.label, keyValue });
    if (spec.key === undefined) openUntil = end ? end.day : Infinity;
  }
  return out;
}

/** True when the event belongs to the episode: inside its dates and, if keyed, with its key. */
export function inEpisode(ep: ResolvedEpisode, key: string | undefined, e: PreparedEvent): boolean {
  if (e.day < ep.start.day || (ep.endDay !== undefined && e.day > ep.endDay)) return false;
  return sameKey(key, ep.keyValue, e);
}

/** The day a phase boundary falls in an episode, or undefined when it has not happened. */
export function boundaryDay(ctx: EvalContext, ep: ResolvedEpisode, key: string | undefined, b: Boundary): number | undefined {
  if ('after' in b) return ctx.add(ep.start.day, b.after);
  if ('event' in b) return eventsOf(ctx, b.event).find((e) => inEpisode(ep, key, e))?.day;
  let latest = -Infinity;
  for (const part of b.allOf) {
    const d = boundaryDay(ctx, ep, key, part);
    if (d === undefined) return undefined;
    latest = Math.max(latest, d);
  }
  return latest;
}
