/**
 * addWorkingDays on ISO strings: this library's precomputed tables against the loop a developer
 * would write with date-holidays, and against date-fns addBusinessDays (which ignores bank
 * holidays, so it is a floor on what a Date-based answer costs rather than a correct one).
 * All three take and return ISO strings, over the same seeded pseudo-random cases.
 */
import { addBusinessDays, formatISO, parseISO } from 'date-fns';
import Holidays from 'date-holidays';
import { englandAndWales } from '../src/calendar/index.js';
import { formatIsoDate, parseIsoDate } from '../src/calendar/day-number.js';

const GOAL = 5_000_000;
const CASES = 10_000;
const REPEATS = 5;

/** mulberry32: a small seeded generator, so every run measures the same cases. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCases(): { dates: string[]; ns: number[] } {
  const random = seeded(20_240_105);
  const first = parseIsoDate('2001-01-01');
  const span = parseIsoDate('2039-12-31') - first;
  const dates: string[] = [];
  const ns: number[] = [];
  for (let i = 0; i < CASES; i++) {
    // Slice so each case is its own string, as input parsed from a request would be.
    dates.push(` ${formatIsoDate(first + Math.floor(random() * span))}`.slice(1));
    ns.push(Math.floor(random() * 86) - 20); // -20 … 65 working days, the spread of practice timescales
  }
  return { dates, ns };
}

type AddWorkingDays = (date: string, n: number) => string;

/** Operations per second of `fn` over the cases, run for at least `ms`. */
function opsPerSecond(fn: AddWorkingDays, dates: string[], ns: number[], ms: number): number {
  let sink = 0;
  let ops = 0;
  let i = 0;
  const start = performance.now();
  let now = start;
  do {
    for (let k = 0; k < 64; k++) {
      sink += fn(dates[i]!, ns[i]!).length;
      i = i + 1 === dates.length ? 0 : i + 1;
    }
    ops += 64;
    now = performance.now();
  } while (now - start < ms);
  if (sink === 0) throw new Error('results were empty');
  return ops / ((now - start) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(fn: AddWorkingDays, dates: string[], ns: number[], ms: number): number {
  opsPerSecond(fn, dates, ns, ms); // warm-up, so the JIT has compiled the path being timed
  return median(Array.from({ length: REPEATS }, () => opsPerSecond(fn, dates, ns, ms)));
}

function withDateHolidays(): AddWorkingDays {
  const england = new Holidays('GB', 'ENG');
  return (date, n) => {
    const d = parseISO(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      d.setDate(d.getDate() + step);
      const dow = d.getDay();
      if (dow === 0 || dow === 6) continue;
      const holidays = england.isHoliday(d);
      if (holidays && holidays.some((h) => h.type === 'public')) continue;
      left--;
    }
    return formatISO(d, { representation: 'date' });
  };
}

const withDateFns: AddWorkingDays = (date, n) => formatISO(addBusinessDays(parseISO(date), n), { representation: 'date' });

const format = (opsPerSec: number) => `${Math.round(opsPerSec).toLocaleString('en-GB')} ops/s`;

/** Prints ops/s for each implementation and ours as a multiple of each. */
export default function run(): void {
  const { dates, ns } = makeCases();
  const cal = englandAndWales();
  const ours = measure((date, n) => cal.addWorkingDays(date, n), dates, ns, 300);
  const fns = measure(withDateFns, dates, ns, 300);
  // A longer window: each call of this loop takes tens of milliseconds.
  const holidays = measure(withDateHolidays(), dates, ns, 1000);
  console.log(`cases: ${CASES} seeded ISO dates 2001-2039, n from -20 to 65; median of ${REPEATS} runs after a warm-up`);
  console.log(`practice-timescales addWorkingDays      ${format(ours)}`);
  console.log(`date-fns addBusinessDays (no holidays)  ${format(fns)}  ours / theirs = ${(ours / fns).toFixed(1)}x`);
  console.log(`date-holidays isHoliday day-by-day loop ${format(holidays)}  ours / theirs = ${(ours / holidays).toFixed(0)}x`);
  console.log(`goal of ${format(GOAL)}: ${ours >= GOAL ? 'met' : 'NOT met'}`);
}
