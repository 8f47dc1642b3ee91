/**
 * How the report (and the command line's text for people) writes names and numbers: teams and
 * workers in natural order, counts with thousands separators, percentages rounded down.
 */

const COLLATOR = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/**
 * Natural order for names people read: `team-2` before `team-10`, case ignored; names equal
 * under it fall back to code-unit order so that the order is total and stable.
 */
export function naturalCompare(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A whole number with thousands separators: `12,345`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** `1 child`, `1,234 children`. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * The share `part / whole` as a percentage rounded down to one decimal, so that it never shows
 * 100% while anything is late; null when the whole is 0.
 */
export function percentDown(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((1000 * part) / whole) / 10;
}

/** A percentage as people read it (`92.5%`), or a dash when nothing was judged. */
export function formatPercent(p: number | null): string {
  return p === null ? '–' : `${p.toFixed(1)}%`;
}
