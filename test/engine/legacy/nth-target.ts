import type { Rule } from '../../../src/rules/rule-schema.js';
import type { EvalContext } from './context.js';
import { isoDate } from './iso-text.js';
import type { Anchor } from './outcome.js';
import { triggerLabel } from '../../../src/rules/vocabulary.js';
import { inEpisode, resolveEpisodes, type ResolvedEpisode } from './triggers.js';

type BeforeEventRule = Extract<Rule, { kind: 'before-event' }>;

/** A target a before-event rule is due by, and the first day evidence for it counts. */
export interface Target {
  readonly anchor: Anchor;
  readonly from: number;
}

/** The latest episode a target falls in (episodes of one kind do not overlap unless keyed). */
function episodeOf(episodes: readonly ResolvedEpisode[], key: string | undefined, anchor: Anchor): ResolvedEpisode | undefined {
  for (let i = episodes.length - 1; i >= 0; i--) if (anchor.event && inEpisode(episodes[i]!, key, anchor.event)) return episodes[i];
  return undefined;
}

/**
 * The targets of a before-event rule, in date order. With `nthTarget`, only the nth of each
 * episode: numbered by the field where the snapshot records it, otherwise by date order within
 * the episode, so "the second review" never vanishes because reviews were not numbered. An
 * unnumbered target outside every recorded episode cannot be placed: the first such gives the
 * reason the duty is unknown (`unknown`), and the targets of recorded episodes still count.
 */
export function targetsOf(ctx: EvalContext, rule: BeforeEventRule, anchors: readonly Anchor[]): { targets: Target[]; unknown?: string } {
  const spec = rule.nthTarget;
  if (!spec) return { targets: anchors.map((anchor) => ({ anchor, from: -Infinity })) };
  const episodes = resolveEpisodes(ctx, spec.episode);
  const seen = new Map<ResolvedEpisode, number>();
  const targets: Target[] = [];
  let unknown: string | undefined;
  for (const anchor of anchors) {
    const ep = episodeOf(episodes, spec.episode.key, anchor);
    const recorded = spec.field === undefined ? undefined : anchor.event?.raw[spec.field];
    const place = ep ? (seen.get(ep) ?? 0) + 1 : undefined;
    if (ep) seen.set(ep, place!);
    const number = typeof recorded === 'number' ? recorded : place;
    if (number === undefined) {
      const field = spec.field ? ` and it records no ${spec.field}` : '';
      unknown ??= `no ${triggerLabel(spec.episode.start)} is recorded on or before the ${anchor.label} on ${isoDate(anchor.day)}${field}, so which ${anchor.label} is number ${spec.nth} cannot be worked out`;
      continue;
    }
    if (number === spec.nth) targets.push({ anchor, from: ep ? ep.start.day : -Infinity });
  }
  return unknown === undefined ? { targets } : { targets, unknown };
}
