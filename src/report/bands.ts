/** A red/amber/green band of an on-time rate. */
export type Band = 'green' | 'amber' | 'red';

/**
 * The lowest on-time percentages that count as green and as amber; anything below amber is red.
 * Councils set their own in performance reports, so the report states them and they can be set.
 */
export interface Thresholds {
  readonly green: number;
  readonly amber: number;
}

/** 90% and over green, 75% and over amber: a common choice in children's services scorecards. */
export const DEFAULT_THRESHOLDS: Thresholds = { green: 90, amber: 75 };

/** The band of an on-time percentage; null when nothing was judged. */
export function bandOf(percent: number | null, t: Thresholds): Band | null {
  if (percent === null) return null;
  return percent >= t.green ? 'green' : percent >= t.amber ? 'amber' : 'red';
}

/** What is wrong with thresholds (each a percentage from 0 to 100, amber no higher than green), or undefined. */
export function thresholdsProblem(t: Thresholds): string | undefined {
  const ok = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100;
  if (ok(t.green) && ok(t.amber) && t.amber <= t.green) return undefined;
  return 'The red/amber/green thresholds must be percentages from 0 to 100, the amber one no higher than the green one (for example 90,75).';
}

/** The bands in words, as the report states them. */
export function thresholdsText(t: Thresholds): string {
  return `green at ${t.green}% on time or more, amber from ${t.amber}% to below ${t.green}%, red below ${t.amber}%`;
}
