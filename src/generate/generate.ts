import { addMonthsToDay } from '../calendar/add-months.js';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../calendar/day-number.js';
import { englandAndWales } from '../calendar/england-and-wales.js';
import { TimescaleError } from '../errors.js';
import type { CaseSnapshot } from '../schemas/case-snapshot.js';
import { childInNeed, referralAndAssessment } from './assessment.js';
import { CaseBuilder } from './case-builder.js';
import { lookedAfter } from './looked-after.js';
import { careLeaver, privateFostering, recording } from './other-pathways.js';
import { childProtection } from './protection.js';
import { Random, snapshotSeed } from './random.js';
import { englishSchoolTerms } from './school-terms.js';

/** Options for {@link generateCaseload}. */
export interface CaseloadOptions {
  /** How many snapshots to generate. */
  readonly cases: number;
  /** The seed: the same seed always gives the same caseload. */
  readonly seed: number;
  /** The date the snapshots are exported on (no event is later), `YYYY-MM-DD`; default 2024-04-09. */
  readonly asOf?: string;
}

/** The as-of date generated snapshots are exported on unless another is given. */
export const DEFAULT_GENERATED_AS_OF = '2024-04-09';

// Every generated date, and every due date the engine derives from it, must fall inside the
// working-day calendar (2000 to 2040).
const EARLIEST_AS_OF = /* @__PURE__ */ parseIsoDate('2008-01-01');
const LATEST_AS_OF = /* @__PURE__ */ parseIsoDate('2039-12-31');
const YEAR = 365;

type Pathway = 'assessment' | 'child-in-need' | 'child-protection' | 'looked-after' | 'private-fostering' | 'care-leaver';

const PATHWAYS: readonly (readonly [Pathway, number])[] = [
  ['assessment', 18],
  ['child-in-need', 22],
  ['child-protection', 18],
  ['looked-after', 29],
  ['private-fostering', 4],
  ['care-leaver', 9],
];

function requireInteger(value: unknown, name: string, min: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new TimescaleError('invalid-option', `${name} must be a whole number${min === 0 ? ' of 0 or more' : ''}.`, [name]);
  }
}

function readAsOf(asOf: string): DayNumber {
  const day = parseIsoDate(asOf, ['asOf']);
  if (day < EARLIEST_AS_OF || day > LATEST_AS_OF) {
    throw new TimescaleError('out-of-calendar-range', `asOf must fall between ${formatIsoDate(EARLIEST_AS_OF)} and ${formatIsoDate(LATEST_AS_OF)} so that every generated date is inside the calendar.`, ['asOf']);
  }
  return day;
}

/** Runs one child's pathway from the day their involvement began. */
function runPathway(b: CaseBuilder, pathway: Pathway, start: DayNumber, schoolAge: boolean): void {
  const rng = b.rng;
  switch (pathway) {
    case 'assessment':
      referralAndAssessment(b, start);
      return;
    case 'child-in-need':
      childInNeed(b, referralAndAssessment(b, start) + rng.int(0, 10));
      return;
    case 'child-protection': {
      b.add('referral', start, {});
      const ended = childProtection(b, start + rng.int(0, 2));
      if (ended !== undefined && rng.chance(0.4)) childInNeed(b, ended);
      return;
    }
    case 'looked-after': {
      const from = rng.chance(0.4) ? referralAndAssessment(b, start) + rng.int(0, 60) : start;
      lookedAfter(b, from, schoolAge);
      return;
    }
    case 'private-fostering':
      privateFostering(b, start);
      return;
    case 'care-leaver':
      careLeaver(b, start);
  }
}

/**
 * One synthetic, fictional child's case snapshot, the same for the same seed and index on any
 * machine: a referral and assessment, a child in need plan, a child protection enquiry and
 * plan, a looked-after child's placements, a private fostering arrangement or a care leaver's
 * pathway, with reviews, plans, health and education, missing episodes and recording. Mostly on
 * time, with some late or missing events, so that reports on it have breaches to explain.
 * Only ids (`case-…`, `team-3`, `worker-17`), categories and dates: no names.
 *
 * @throws TimescaleError `invalid-option` for a seed or index that is not a whole number, or a
 * bad `asOf`.
 */
export function generateSnapshot(seed: number, index: number, asOf: string = DEFAULT_GENERATED_AS_OF): CaseSnapshot {
  requireInteger(seed, 'seed', Number.MIN_SAFE_INTEGER);
  requireInteger(index, 'index', 0);
  const asOfDay = readAsOf(asOf);
  const rng = new Random(snapshotSeed(seed, index));
  const pathway = rng.weighted(PATHWAYS);
  const careLeaving = pathway === 'care-leaver';
  const ageAtAsOf = careLeaving ? rng.int(18 * YEAR, 24 * YEAR + 300) : rng.int(0, 17 * YEAR + 300);
  const birth = asOfDay - ageAtAsOf;
  const history = pathway === 'looked-after' ? rng.int(10, 6 * YEAR) : rng.int(10, 3 * YEAR);
  const start = Math.max(asOfDay - history, careLeaving ? addMonthsToDay(birth, 18 * 12) : birth);
  const age = (day: DayNumber) => (day - birth) / YEAR;
  const schoolAge = age(asOfDay) >= 4.5 && age(start) < 16;
  const needsAdultServices = age(asOfDay) >= 13.5 && rng.chance(0.2);

  const b = new CaseBuilder(rng, englandAndWales(), asOfDay, birth);
  runPathway(b, pathway, start, schoolAge);
  recording(b, start, asOfDay, needsAdultServices ? addMonthsToDay(birth, 14 * 12 + 6) : undefined);
  b.events.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));

  return {
    caseId: `case-${seed}-${index}`,
    team: `team-${rng.int(1, 12)}`,
    worker: `worker-${rng.int(1, 150)}`,
    child: {
      dateOfBirth: formatIsoDate(birth),
      ...(needsAdultServices ? { needsAdultServices: true } : {}),
      ...(careLeaving ? { careLeaver: true } : {}),
    },
    ...(schoolAge && rng.chance(0.8) ? { schoolTerms: englishSchoolTerms(Math.min(start, asOfDay - YEAR), asOfDay + YEAR) } : {}),
    events: b.events,
    ...(b.variations.length > 0 ? { variations: b.variations } : {}),
  };
}

/**
 * A seeded caseload of synthetic snapshots (see {@link generateSnapshot}), generated one at a
 * time so that a large caseload need not sit in memory.
 *
 * @example
 * ```ts
 * import { evaluate, generateCaseload } from 'practice-timescales';
 * for (const snapshot of generateCaseload({ cases: 100, seed: 1 })) {
 *   const report = evaluate(snapshot, { ruleSet: 'leeds-2023', asOf: '2024-04-09' });
 * }
 * ```
 *
 * @throws TimescaleError `invalid-option` for a bad count, seed or `asOf`, when iteration starts.
 */
export function* generateCaseload(options: CaseloadOptions): Generator<CaseSnapshot> {
  if (typeof options !== 'object' || options === null) {
    throw new TimescaleError('invalid-option', 'generateCaseload needs options such as { cases: 100, seed: 1 }.', []);
  }
  const { cases, seed, asOf = DEFAULT_GENERATED_AS_OF } = options;
  requireInteger(cases, 'cases', 0);
  requireInteger(seed, 'seed', Number.MIN_SAFE_INTEGER);
  readAsOf(asOf);
  for (let i = 0; i < cases; i++) yield generateSnapshot(seed, i, asOf);
}
