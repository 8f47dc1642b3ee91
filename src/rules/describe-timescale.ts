import { formatDuration } from '../calendar/format-duration.js';
import type { Duration } from '../calendar/duration.js';
import { eventLabel } from '../engine/labels.js';
import type { Boundary, Episode, Rule, Selector, Trigger } from './rule-schema.js';

type Where = NonNullable<Selector['where']>[string];

function list(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;
}

function whereText(field: string, value: Where): string {
  if (value === null) return `no ${field}`;
  if (Array.isArray(value)) return `${field} ${list(value.map((v) => (v === null ? 'not recorded' : String(v))))}`;
  if (typeof value === 'object') return `${field} at least ${value.atLeast}`;
  if (value === true) return field;
  return `${field} ${String(value)}`;
}

/** "start of the placement (kind foster or residential)": an event selector in words. */
function describeSelector(s: Selector): string {
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

/** A role as people say it: `multi-agency-group` → "multi-agency group". */
function roleName(role: string): string {
  return role.replace(/-/g, ' ').replace('looked after', 'looked-after').replace('multi agency', 'multi-agency');
}

function describeTrigger(t: Trigger): string {
  if ('age' in t) return `${ageText(t.age)}${t.notBefore ? ` (or the ${describeSelector(t.notBefore)}, if later)` : ''}`;
  return describeSelector(t);
}

function describeBoundary(b: Boundary): string {
  if ('after' in b) return `${formatDuration(b.after)} after the start`;
  if ('event' in b) return `the first ${describeSelector(b.event)}`;
  return `the later of ${list(b.allOf.map(describeBoundary), 'and')}`;
}

function within(d: Duration, of: string): string {
  const text = formatDuration(d);
  return text === 'on the same day' ? `on the same day as the ${of}` : `within ${text} of the ${of}`;
}

function episodeText(e: Episode): string {
  const ends = (e.end ?? []).map(describeTrigger);
  return ends.length ? `, until the ${list(ends)}` : '';
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function variationText(rule: Extract<Rule, { kind: 'recurring' }>): string {
  if (!rule.variation) return '';
  const allowances = rule.variation.map((v) => {
    const who = v.allOf ? `${list(v.allOf.map(roleName), 'and')} together` : list((v.anyOf ?? []).map(roleName));
    const bound = v.max ? `up to ${formatDuration(v.max)}` : 'any interval';
    return `${bound}${v.min ? ` and at least ${formatDuration(v.min)}` : ''}, agreed by the ${who}`;
  });
  return ` Another interval may be agreed: ${allowances.join('; or ')}.`;
}

/**
 * The timescale of a rule in plain English, derived from its kind, durations and phases (so the
 * catalogue can never drift from the table), e.g. "Visit: first within 2 working days of the
 * start of the child protection plan, then within 15 working days of the last one".
 */
export function describeTimescale(rule: Rule): string {
  const facts = Object.entries(rule.appliesWhen?.facts ?? {}).map(([f, v]) => `${f} ${Array.isArray(v) ? list(v.map(String)) : String(v)}`);
  const applies = facts.length ? ` Applies when ${list(facts, 'and')}.` : '';
  switch (rule.kind) {
    case 'deadline': {
      const nth = rule.satisfiedBy.nth !== undefined && rule.satisfiedBy.nth > 1 ? `The ${ORDINALS[rule.satisfiedBy.nth] ?? `number ${rule.satisfiedBy.nth}`} ` : '';
      const what = nth ? `${nth}${rule.satisfiedBy.evidence.replace(/^(second|third) /, '')}` : capitalise(rule.satisfiedBy.evidence);
      const cancel = rule.cancelledBy ? ` Ends if the ${list(rule.cancelledBy.map(describeSelector))} comes first.` : '';
      const exception = rule.exception ? ` The ${list(rule.exception.anyOf.map(roleName))} may record an exception with the earliest date.` : '';
      return `${what} ${within(rule.due, describeTrigger(rule.anchor))}.${cancel}${exception}${applies}`;
    }
    case 'recurring': {
      const [first, ...later] = rule.phases;
      const start = describeTrigger(rule.episode.start);
      const opening = `${capitalise(rule.satisfiedBy.evidence)}: first ${within(rule.first ?? first!.interval, start)}, then within ${formatDuration(first!.interval)} of the last one${first!.label ? ` (${first!.label})` : ''}`;
      const only = (p: typeof first) => (p?.whenStart ? ` when the start has ${Object.entries(p.whenStart).map(([f, v]) => whereText(f, v)).join(' and ')}` : '');
      const phases = later.map((p) => `; from ${p.from ? describeBoundary(p.from) : 'the start'}${only(p)}, within ${formatDuration(p.interval)}${p.label ? ` (${p.label})` : ''}`).join('');
      return `${opening}${phases}${episodeText(rule.episode)}.${variationText(rule)}${applies}`;
    }
    case 'before-event': {
      const before = formatDuration(rule.before);
      const when = before === 'on the same day' ? 'by the day of' : `at least ${before} before`;
      return `${capitalise(rule.satisfiedBy.evidence)} ${when} each ${describeSelector(rule.target)}.${applies}`;
    }
    case 'count-in-window': {
      const every = 'every' in rule.window ? formatDuration(rule.window.every).replace(/^1 /, '') : '';
      const window = 'every' in rule.window ? `each ${every} from the ${describeTrigger(rule.episode.start)}` : `each school term from the ${describeTrigger(rule.episode.start)}`;
      const counts = rule.requirements.map((r) => `at least ${r.count} ${r.evidence}`);
      return `In ${window}: ${list(counts, 'and')}${episodeText(rule.episode)}.${applies}`;
    }
    case 'presence':
      return `${capitalise(rule.satisfiedBy.evidence)} required from the ${describeTrigger(rule.anchor)} (no timescale).${applies}`;
  }
}
