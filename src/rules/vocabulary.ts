import type { Duration } from '../calendar/duration.js';
import { formatDuration } from '../calendar/format-duration.js';
import type { Boundary, Eligibility, Episode, Selector, Trigger } from './rule-schema.js';

/**
 * The words for events, triggers, roles and timescales: one home for the engine's explanations
 * and the rule catalogue, so that both say the same thing about the same rule.
 */

/** Plain-English names of events. */
const LABELS: Readonly<Record<string, string>> = {
  referral: 'referral',
  'decision-to-assess': 'decision to assess',
  'assessment-started': 'start of the assessment',
  'assessment-progress-review': 'manager progress review',
  'assessment-authorised': 'assessment sign-off',
  'strategy-discussion': 'strategy discussion',
  'section-47-started': 'start of the section 47 enquiry',
  'section-47-concluded': 'conclusion of the section 47 enquiry',
  'initial-child-protection-conference': 'initial child protection conference',
  'review-child-protection-conference': 'review child protection conference',
  'child-protection-plan-started': 'start of the child protection plan',
  'child-protection-plan-ended': 'end of the child protection plan',
  'core-group-meeting': 'core group meeting',
  'report-shared': 'report shared',
  'child-in-need-plan-started': 'start of the child in need plan',
  'child-in-need-review': 'child in need review',
  'child-in-need-plan-ended': 'end of the child in need plan',
  'service-delivery-manager-review': 'Service Delivery Manager review',
  'became-looked-after': 'date the child became looked after',
  'ceased-looked-after': 'date the child ceased to be looked after',
  'placement-started': 'start of the placement',
  'placement-changed': 'change of living arrangements',
  'placement-ended': 'end of the placement',
  'looked-after-review': 'looked-after review',
  'permanence-agreed': 'review that agreed permanence',
  'needs-assessment-completed': "assessment of the young person's needs",
  'private-fostering-notified': 'private fostering referral',
  'private-fostering-child-away': "child's absence from private foster care",
  'private-fostering-child-returned': "child's return to private foster care",
  'private-fostering-ended': 'end of the private fostering arrangement',
  'support-period-ended': 'end of the supported period',
  'case-closed': 'closure of the case',
  'adoption-order-made': 'adoption order',
  'carer-approved': "carer's approval",
  'missing-episode-started': 'start of the missing episode',
  'missing-episode-ended': "child's return",
  'significant-event': 'significant event',
  'case-supervision': 'case supervision',
  'started-in-role': 'start in role',
  'support-period-started': 'start of the supported period',
  'quality-dispute-raised': 'dispute about the quality of work',
};

// The fallback names made so far: the engine names the event of every anchor, and half of a
// caseload's events (visits among them) have no name of their own. Capped, as types are data.
const SPACED = new Map<string, string>();
const SPACED_KEPT = 512;

/** The plain-English name of an event type (falls back to the type with spaces). */
export function eventLabel(type: string): string {
  const label = LABELS[type];
  if (label !== undefined) return label;
  let spaced = SPACED.get(type);
  if (spaced === undefined) {
    spaced = type.replace(/-/g, ' ');
    if (SPACED.size < SPACED_KEPT) SPACED.set(type, spaced);
  }
  return spaced;
}

/** A role as people say it: `multi-agency-group` → "multi-agency group". */
export function roleName(role: string): string {
  return role.replace(/-/g, ' ').replace('looked after', 'looked-after').replace('multi agency', 'multi-agency');
}

/** "Visit" from "visit". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a visit", "an initial child protection conference". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "a, b or c" (or "a, b and c"). */
export function list(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

/** "second", or "number 7" past the fifth. */
export function ordinalWord(n: number): string {
  return ORDINALS[n] ?? `number ${n}`;
}

const words = new WeakMap<Duration, string>();

/** A rule table's duration in words ("6 weeks"), worded once per duration object. */
export function durationText(duration: Duration): string {
  let text = words.get(duration);
  if (text === undefined) {
    text = formatDuration(duration);
    words.set(duration, text);
  }
  return text;
}

/** "an eligible child (looked after for 13 weeks in all since the age of 14 years, and still looked after)". */
export function eligibleWords(e: Eligibility): string {
  return `an eligible child (looked after for ${e.total.weeks} weeks in all since the age of ${durationText(e.sinceAge)}, and still looked after)`;
}

/** A plain-English name for what a trigger waits for, as explanations use it. */
export function triggerLabel(trigger: Trigger): string {
  if ('age' in trigger) {
    if (trigger.eligibility) return `the age of ${durationText(trigger.age)} or, if later, becoming ${eligibleWords(trigger.eligibility)}`;
    const age = `the age of ${durationText(trigger.age)}`;
    return trigger.notBefore ? `${age} or, if later, the ${triggerLabel(trigger.notBefore)}` : age;
  }
  const types = Array.isArray(trigger.type) ? trigger.type : [trigger.type];
  return types.map(eventLabel).join(' or ');
}

/** A trigger as the subject of a sentence: "the referral", "the age of 16 years". */
export function anchorWords(t: Trigger): string {
  return 'age' in t ? triggerLabel(t) : `the ${triggerLabel(t)}`;
}

type Where = NonNullable<Selector['where']>[string];

function whereText(field: string, value: Where | readonly unknown[]): string {
  if (value === null) return `no ${field}`;
  if (Array.isArray(value)) return `${field} ${list(value.map((v) => (v === null ? 'not recorded' : String(v))))}`;
  if (typeof value === 'object') return `${field} at least ${(value as { atLeast: number }).atLeast}`;
  if (value === true) return field;
  return `${field} ${String(value)}`;
}

/** Field conditions in words: "kind foster or residential and intendedUntil18". */
export function fieldsText(fields: Readonly<Record<string, Where | readonly unknown[]>>, joiner = '; '): string {
  return Object.entries(fields).map(([f, v]) => whereText(f, v)).join(joiner);
}

/** "start of the placement (kind foster or residential)": an event selector in words. */
export function describeSelector(s: Selector): string {
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const name = list(types.map(eventLabel));
  const where = Object.entries(s.where ?? {}).map(([f, v]) => whereText(f, v));
  const during = (s.during ?? []).map((p) => (p.to ? `${p.from} to ${p.to}` : `from ${p.from}`));
  if (during.length) where.push(`counted ${list(during)}`);
  return where.length ? `${name} (${where.join('; ')})` : name;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function ageText(age: Duration): string {
  const whole = Object.keys(age).length === 1 && age.years !== undefined;
  return whole ? `${ordinal(age.years!)} birthday` : `age of ${formatDuration(age)}`;
}

/** A trigger as the catalogue describes it: "16th birthday (or the …, if later)". */
export function describeTrigger(t: Trigger): string {
  if ('age' in t) {
    const e = t.eligibility;
    const eligible = e ? ` (or becoming an eligible child, if later: looked after for ${e.total.weeks} weeks in all since the ${ageText(e.sinceAge)}, before the ${ageText(e.untilAge)})` : '';
    return `${ageText(t.age)}${t.notBefore ? ` (or the ${describeSelector(t.notBefore)}, if later)` : ''}${eligible}`;
  }
  const linked = t.earlierLinked ? ` (or the ${eventLabel(t.earlierLinked.type)} it names in ${t.earlierLinked.field}, if earlier)` : '';
  return `${describeSelector(t)}${linked}`;
}

/** When a phase begins, in words. */
export function describeBoundary(b: Boundary): string {
  if ('after' in b) return `${formatDuration(b.after)} after the start`;
  if ('event' in b) return `the first ${describeSelector(b.event)}`;
  return `the later of ${list(b.allOf.map(describeBoundary), 'and')}`;
}

/** "within 6 weeks of the start of the placement", or "on the same day as …". */
export function within(d: Duration, of: string): string {
  const text = formatDuration(d);
  return text === 'on the same day' ? `on the same day as the ${of}` : `within ${text} of the ${of}`;
}

/** ", until the end of the placement or …" for an episode with ends. */
export function episodeText(e: Episode): string {
  const ends = (e.end ?? []).map(describeTrigger);
  const absence = e.ceasesAfterAbsence;
  if (absence) ends.push(`${describeSelector(absence.away)} lasting more than ${formatDuration(absence.longerThan)} without a ${describeSelector(absence.back)}`);
  return ends.length ? `, until the ${list(ends)}` : '';
}
