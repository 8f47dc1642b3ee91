import type { Episode, Rule, Trigger } from '../rules/rule-schema.js';
import type { EvalContext } from './context.js';
import type { Anchor } from './outcome.js';
import { anchorWords, triggerLabel } from '../rules/vocabulary.js';
import { resolveEpisodes, resolveTrigger, type ResolvedEpisode } from './triggers.js';

function factHolds(value: unknown, expected: unknown): boolean {
  return Array.isArray(expected) ? expected.includes(value) : value === expected;
}

/**
 * Why a rule does not apply to this subject, or undefined when it may. A fact the snapshot does
 * not record is read as not holding (e.g. a child not recorded as a care leaver), and the reason
 * says so, so that a missing flag never produces a breach.
 */
export function notApplicableReason(ctx: EvalContext, rule: Rule): string | undefined {
  const when = rule.appliesWhen;
  if (!when) return undefined;
  const facts = when.facts;
  for (const fact in facts) {
    const expected = facts[fact];
    const value = ctx.subject.facts[fact];
    if (!factHolds(value, expected)) {
      return value === undefined ? `the snapshot does not record ${fact}` : `${fact} is not ${Array.isArray(expected) ? expected.join(' or ') : String(expected)}`;
    }
  }
  if (when.withinEpisode && resolveEpisodes(ctx, when.withinEpisode).length === 0) {
    return `no ${triggerLabel(when.withinEpisode.start)} is recorded`;
  }
  return undefined;
}

function inside(span: ResolvedEpisode, day: number): boolean {
  return day >= span.start.day && (span.endDay === undefined || day <= span.endDay);
}

/**
 * The anchors of a trigger for which the rule's condition holds: each instance of every kind
 * is judged on its own anchor day, so a duty never starts while the child is outside the period
 * the rule is limited to (e.g. a child who had left care).
 */
export function anchorsFor(ctx: EvalContext, rule: Rule, trigger: Trigger, includeFuture = false): readonly Anchor[] {
  const anchors = resolveTrigger(ctx, trigger, includeFuture);
  const spec = rule.appliesWhen?.withinEpisode;
  if (!spec) return anchors;
  const spans = resolveEpisodes(ctx, spec);
  return anchors.filter((a) => spans.some((s) => inside(s, a.day)));
}

/**
 * The episodes of a recurring or counted rule, cut to the periods in which its condition holds:
 * an episode runs from the later of its start and the condition's start to the earlier of the
 * two ends, once for each period of the condition it overlaps. A risk of exclusion identified
 * before a child became looked after starts the looked-after duty on the day care began; one
 * identified after the child left care starts none.
 */
export function episodesFor(ctx: EvalContext, rule: Rule, episode: Episode): readonly ResolvedEpisode[] {
  const episodes = resolveEpisodes(ctx, episode);
  const spec = rule.appliesWhen?.withinEpisode;
  if (!spec) return episodes;
  const spans = resolveEpisodes(ctx, spec);
  const out: ResolvedEpisode[] = [];
  for (const ep of episodes) {
    for (const span of spans) {
      const startsInside = inside(span, ep.start.day);
      if (!startsInside && !(span.start.day > ep.start.day && (ep.endDay === undefined || span.start.day <= ep.endDay))) continue;
      const endsFirst = span.endDay !== undefined && (ep.endDay === undefined || span.endDay < ep.endDay);
      out.push({
        start: startsInside ? ep.start : span.start,
        opening: ep.opening ?? ep.start,
        endDay: endsFirst ? span.endDay : ep.endDay,
        endLabel: endsFirst ? span.endLabel : ep.endLabel,
        keyValue: ep.keyValue,
      });
    }
  }
  return out;
}

/**
 * Why a rule whose trigger happened gave no instance: what started it fell outside the period
 * the rule is limited to (e.g. the 16th birthday of a child who had left care). Undefined when
 * the trigger never happened.
 */
export function outsideConditionReason(ctx: EvalContext, rule: Rule, trigger: Trigger): string | undefined {
  const spec = rule.appliesWhen?.withinEpisode;
  if (!spec || resolveTrigger(ctx, trigger, true).length === 0) return undefined;
  return `${anchorWords(trigger)} did not fall within a period that starts with ${anchorWords(spec.start)}`;
}
