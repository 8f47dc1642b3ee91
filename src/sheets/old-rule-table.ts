import { formatDuration } from '../calendar/index.js';
import type { Duration } from '../calendar/duration.js';
import { triggerLabel } from '../engine/triggers.js';
import { getRuleSet, ruleSetChain } from '../rules/registry.js';
import type { Boundary, Phase, Rule, RuleSet, Trigger } from '../rules/rule-schema.js';

/** The header row of {@link ruleTable}. */
export const RULE_TABLE_HEADER = ['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind'] as const;

function anchorWords(t: Trigger): string {
  return 'age' in t ? triggerLabel(t) : `the ${triggerLabel(t)}`;
}

function boundaryWords(b: Boundary): string {
  if ('after' in b) return `after ${formatDuration(b.after)}`;
  if ('event' in b) return `after the ${triggerLabel(b.event)}`;
  return b.allOf.map(boundaryWords).join(' and ');
}

function within(d: Duration, from: string): string {
  const words = formatDuration(d);
  if (words === 'on the same day') return `on the day of ${from}`;
  return words.endsWith(' before') ? `${words} ${from}` : `within ${words} of ${from}`;
}

/** A later phase of a recurring rule in words, e.g. `every 3 months after 1 year`. */
export function phaseWords(phase: Phase): string {
  const every = `every ${formatDuration(phase.interval)}`;
  // Labels are written by the rule authors; some already say the interval ("Thereafter: at least monthly").
  if (phase.label) return phase.label.includes(':') ? phase.label : `${every} (${phase.label})`;
  return phase.from ? `${every} ${boundaryWords(phase.from)}` : `${every} (for some placements)`;
}

/** A rule's timescale in words, e.g. `every 20 working days from the start of the plan (first within 10 working days)`. */
export function timescaleWords(rule: Rule): string {
  switch (rule.kind) {
    case 'deadline':
      return within(rule.due, anchorWords(rule.anchor));
    case 'before-event':
      return `${formatDuration(rule.before)} before the ${triggerLabel(rule.target)}`;
    case 'presence':
      return `from ${anchorWords(rule.anchor)}, with no timescale`;
    case 'recurring': {
      const [first, ...later] = rule.phases;
      const start = anchorWords(rule.episode.start);
      let text = `every ${formatDuration(first!.interval)} from ${start}`;
      if (rule.first) {
        const words = formatDuration(rule.first);
        text += words === 'on the same day' ? ' (the first on the same day)' : ` (the first within ${words})`;
      }
      for (const p of later) text += `; ${phaseWords(p)}`;
      return text;
    }
    case 'count-in-window': {
      const window = 'every' in rule.window ? `every ${formatDuration(rule.window.every)}` : 'each school term';
      const needs = rule.requirements.map((r) => `${r.count} ${r.evidence}`).join(' and ');
      return `${needs} ${window} from ${anchorWords(rule.episode.start)}`;
    }
  }
}

function rowsOf(set: RuleSet): string[][] {
  return set.rules.map((rule) => [rule.id, rule.title, timescaleWords(rule), set.id, rule.kind]);
}

/**
 * The rules people can pick from, as a table with a header row: every rule of the given sets,
 * or of one of them (or a shipped set) and the sets it extends, base first.
 * @throws TimescaleError `unknown-rule-set`.
 */
export function ruleTable(sets: readonly RuleSet[], ruleSetId?: string): string[][] {
  let chosen: readonly RuleSet[] = sets;
  if (ruleSetId !== undefined) {
    const extra = Object.fromEntries(sets.map((s) => [s.id, s]));
    chosen = ruleSetChain(extra[ruleSetId] ?? getRuleSet(ruleSetId), extra);
  }
  return [[...RULE_TABLE_HEADER], ...chosen.flatMap(rowsOf)];
}
