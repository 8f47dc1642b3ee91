import type { ObligationStatus } from '../index.js';
import type { ChildTimeline, TimelineMark } from './collect.js';
import { attrs, dateText, esc } from './html.js';

const WIDTH = 900;
const LEFT = 10;
const RIGHT = 10;
const LINE_Y = 22;

/** The marks' shapes: each status its own shape as well as colour, so colour is never the only signal. */
const SHAPES: Readonly<Record<string, { readonly label: string; readonly svg: string }>> = {
  anchor: { label: 'clock started', svg: '<rect x="-3" y="-3" width="6" height="6" fill="#595959"/>' },
  met: { label: 'met on time', svg: '<circle r="5" fill="#2e7d32"/>' },
  'met-late': { label: 'met late', svg: '<path d="M0-6L6 0L0 6L-6 0Z" fill="#8a5300"/>' },
  overdue: { label: 'overdue (due date)', svg: '<path d="M0-7L7 6H-7Z" fill="#c62828"/>' },
  due: { label: 'coming due (due date)', svg: '<circle r="5" fill="#fff" stroke="#1f4e79" stroke-width="2"/>' },
  unknown: { label: 'unknown (due date)', svg: '<rect x="-5" y="-5" width="10" height="10" fill="#fff" stroke="#595959" stroke-width="2"/>' },
};

/** The shapes once, in a hidden SVG, for every timeline to `<use>`. */
export function timelineDefs(): string {
  const symbols = Object.entries(SHAPES)
    .map(([k, s]) => `<symbol id="tl-${k}" viewBox="-8 -8 16 16" width="16" height="16" overflow="visible"><g>${s.svg}</g></symbol>`)
    .join('');
  return `<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>${symbols}</defs></svg>`;
}

/** The legend of the timelines' shapes. */
export function timelineLegend(): string {
  const items = Object.entries(SHAPES).map(([k, s]) => `<li><svg width="16" height="16" aria-hidden="true" focusable="false"><use href="#tl-${k}"/></svg> ${esc(s.label)}</li>`);
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

const DRAW_ORDER: Readonly<Record<string, number>> = { anchor: 0, met: 1, due: 2, unknown: 3, 'met-late': 4, overdue: 5 };

/**
 * A child's obligations on one line through time, from the earliest date to the as-of date or
 * the latest due date: what started each clock, when each was met, and the due dates of those
 * overdue, coming due or unknown. The breaches are drawn last so that they are never hidden.
 */
export function timelineSvg(child: ChildTimeline, asOf: string, label: string): string {
  const pts = child.marks.flatMap(points).sort((a, b) => DRAW_ORDER[a.shape]! - DRAW_ORDER[b.shape]!);
  const dates = [asOf, ...pts.map((p) => p.date)].sort();
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;
  const span = Math.max(1, dayNumber(to) - dayNumber(from));
  const x = (iso: string) => (LEFT + ((dayNumber(iso) - dayNumber(from)) / span) * (WIDTH - LEFT - RIGHT)).toFixed(1);
  const marks = pts.map((p) => `<use href="#tl-${p.shape}" x="${x(p.date)}" y="${LINE_Y}" width="16" height="16" transform="translate(-8,-8)"/>`).join('');
  const asOfX = x(asOf);
  return (
    `<svg viewBox="0 0 ${WIDTH} 52" role="img"${attrs({ 'aria-label': label })}>` +
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${LINE_Y}" y2="${LINE_Y}" stroke="#8c8c8c" stroke-width="2"/>` +
    `<line x1="${asOfX}" x2="${asOfX}" y1="6" y2="38" stroke="#1a1a1a" stroke-dasharray="3 2"/>` +
    marks +
    `<text x="${LEFT}" y="48" font-size="11" fill="#1a1a1a">${dateText(from)}</text>` +
    `<text x="${WIDTH - RIGHT}" y="48" font-size="11" fill="#1a1a1a" text-anchor="end">${dateText(to)}${to === asOf ? ' (as of)' : ''}</text>` +
    (to === asOf ? '' : `<text x="${asOfX}" y="48" font-size="11" fill="#1a1a1a" text-anchor="middle">as of</text>`) +
    `</svg>`
  );
}

/** Statuses a timeline's table lists; obligations met on time are counted, not listed. */
export const LISTED: ReadonlySet<ObligationStatus> = new Set(['overdue', 'met-late', 'due', 'unknown']);
