import type { ObligationStatus } from '../index.js';
import type { ChildTimeline, TimelineMark } from './collect.js';
import { attrs, dateText } from './html.js';

const WIDTH = 900;
const LEFT = 10;
const RIGHT = 10;
const LINE_Y = 22;

/**
 * The marks' shapes: each status its own shape as well as colour, so colour is never the only
 * signal. Each draws itself at (x, y) as path data, so that all the marks of one shape on a
 * timeline are one `<path>`: a caseload's timelines stay small and quick to lay out.
 */
const SHAPES: Readonly<Record<string, { readonly label: string; readonly style: string; readonly d: (x: number, y: number) => string }>> = {
  anchor: { label: 'clock started', style: 'fill="#595959"', d: (x, y) => `M${x - 3} ${y - 3}h6v6h-6z` },
  met: { label: 'met on time', style: 'fill="#2e7d32"', d: (x, y) => `M${x - 5} ${y}a5 5 0 1 0 10 0a5 5 0 1 0-10 0` },
  due: { label: 'coming due (due date)', style: 'fill="#fff" stroke="#1f4e79" stroke-width="2"', d: (x, y) => `M${x - 5} ${y}a5 5 0 1 0 10 0a5 5 0 1 0-10 0` },
  unknown: { label: 'unknown (due date)', style: 'fill="#fff" stroke="#595959" stroke-width="2"', d: (x, y) => `M${x - 5} ${y - 5}h10v10h-10z` },
  'met-late': { label: 'met late', style: 'fill="#8a5300"', d: (x, y) => `M${x} ${y - 6}l6 6-6 6-6-6z` },
  overdue: { label: 'overdue (due date)', style: 'fill="#c62828"', d: (x, y) => `M${x} ${y - 7}l7 13h-14z` },
};

/** The legend of the timelines' shapes. */
export function timelineLegend(): string {
  const items = Object.values(SHAPES).map((s) => `<li><svg width="16" height="16" aria-hidden="true" focusable="false"><path ${s.style} d="${s.d(8, 8)}"/></svg> ${s.label}</li>`);
  return `<ul class="legend" aria-label="Key to the timelines">${items.join('')}</ul>`;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** Where a mark sits on the line and which shape it takes. */
function points(m: TimelineMark): { date: string; shape: string }[] {
  const out: { date: string; shape: string }[] = [];
  if (m.anchor) out.push({ date: m.anchor.date, shape: 'anchor' });
  if ((m.status === 'met' || m.status === 'excepted') && m.metOn) out.push({ date: m.metOn, shape: 'met' });
  else if (m.status === 'met-late' && m.metOn) out.push({ date: m.metOn, shape: 'met-late' });
  else if ((m.status === 'overdue' || m.status === 'due' || m.status === 'unknown') && m.due) out.push({ date: m.due, shape: m.status });
  return out;
}

/**
 * A child's obligations on one line through time, from the earliest date to the as-of date or
 * the latest due date: what started each clock, when each was met, and the due dates of those
 * overdue, coming due or unknown. Breaches are drawn last, so that they are never hidden.
 */
export function timelineSvg(child: ChildTimeline, asOf: string, label: string): string {
  const pts = child.marks.flatMap(points);
  const dates = [asOf, ...pts.map((p) => p.date)].sort();
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const first = dayNumber(from);
  const span = Math.max(1, dayNumber(to) - first);
  const x = (iso: string) => Math.round(LEFT + ((dayNumber(iso) - first) / span) * (WIDTH - LEFT - RIGHT));
  // An anchor on another mark is the event that met the previous interval, drawn already; and
  // marks of one shape closer than a pixel or two would draw as one.
  const taken = pts.filter((p) => p.shape !== 'anchor').map((p) => x(p.date));
  const paths = Object.entries(SHAPES)
    .map(([shape, s]) => {
      let xs = [...new Set(pts.filter((p) => p.shape === shape).map((p) => x(p.date) & ~1))];
      if (shape === 'anchor') xs = xs.filter((ax) => !taken.some((tx) => Math.abs(tx - ax) <= 3));
      return xs.length === 0 ? '' : `<path ${s.style} d="${xs.map((px) => s.d(px, LINE_Y)).join('')}"/>`;
    })
    .join('');
  const asOfX = x(asOf);
  return (
    `<svg viewBox="0 0 ${WIDTH} 52" role="img"${attrs({ 'aria-label': label })}>` +
    `<path stroke="#8c8c8c" stroke-width="2" d="M${LEFT} ${LINE_Y}H${WIDTH - RIGHT}"/>` +
    `<path stroke="#1a1a1a" stroke-dasharray="3 2" d="M${asOfX} 6V38"/>` +
    paths +
    `<g font-size="11" fill="#1a1a1a"><text x="${LEFT}" y="48">${dateText(from)}</text>` +
    `<text x="${WIDTH - RIGHT}" y="48" text-anchor="end">${dateText(to)}${to === asOf ? ' (as of)' : ''}</text>` +
    (to === asOf ? '' : `<text x="${asOfX}" y="48" text-anchor="middle">as of</text>`) +
    `</g></svg>`
  );
}

/** Statuses a timeline's table lists; the others are counted and drawn, not listed. */
export const LISTED: ReadonlySet<ObligationStatus> = new Set(['overdue', 'due', 'unknown']);
