import type { DayNumber } from '../calendar/day-number.js';
import type { PlacementKind } from '../schemas/primitives.js';
import { VARIED_RULES } from './assessment.js';
import type { CaseBuilder } from './case-builder.js';
import { addVisit, addVisits } from './visits.js';

const HOME_KINDS: readonly (readonly [PlacementKind, number])[] = [
  ['foster', 50],
  ['connected-person', 12],
  ['residential', 10],
  ['temporarily-approved-carer', 6],
  ['placed-with-parents-interim-care-order', 4],
  ['placed-with-parents-care-order', 4],
  ['adoptive', 6],
  ['young-offender-institution', 2],
  ['health-setting', 2],
  ['other', 4],
];

/** Placements a Head of Service must hear of within 48 hours. */
const NEEDS_HEAD_OF_SERVICE: ReadonlySet<PlacementKind> = new Set(['connected-person', 'temporarily-approved-carer', 'placed-with-parents-interim-care-order', 'placed-with-parents-care-order']);

/**
 * One placement: a planning meeting, a visit on the day (with the looked-after pack for the
 * first placement) and within a week, then 6-weekly (3-monthly once permanence is agreed after
 * the first year), with now and then a change of living arrangements. Returns its id.
 */
function placement(b: CaseBuilder, start: DayNumber, end: DayNumber, kind: PlacementKind, first: boolean): string {
  const rng = b.rng;
  const placementId = b.id('p');
  const long = end - start > 400 && rng.chance(0.4);
  b.add('placement-started', start, { placementId, kind, ...(long ? { intendedUntil18: true } : {}) });
  b.add('placement-planning-meeting', b.deadline(start, start + 5, 0.1, 0.1), { placementId });
  if (NEEDS_HEAD_OF_SERVICE.has(kind)) b.add('head-of-service-report', b.deadline(start, start + 2), { placementId });
  if (kind === 'temporarily-approved-carer' && end - start > 100) b.add('carer-approved', start + rng.int(60, 120), { placementId });
  if (rng.chance(0.8)) addVisit(b, start, { placementId, ...(first && rng.chance(0.9) ? { lookedAfterPack: true } : {}) });
  const firstWeek = b.deadline(start + 1, start + 7);
  if (firstWeek === undefined) return placementId;
  addVisit(b, firstWeek, { placementId });
  const permanence = long && rng.chance(0.6) ? start + rng.int(366, 500) : undefined;
  if (permanence !== undefined) b.add('permanence-agreed', permanence, { placementId });
  if (permanence !== undefined && rng.chance(0.3)) {
    b.vary(VARIED_RULES.permanentPlacementVisits, { months: 3 }, ['looked-after-review'], permanence, 'Agreed at the review once the placement was made permanent.');
  }
  const visits = b.series(firstWeek, end, (last) => (permanence !== undefined && last >= permanence ? b.months(last, 3) : last + 42));
  addVisits(b, visits, { placementId });
  if (end - start > 120 && rng.chance(0.1)) b.add('placement-changed', rng.int(start + 30, end - 30), { placementId });
  if (kind === 'adoptive' && end < b.asOf && rng.chance(0.6)) b.add('adoption-order-made', end, {});
  return placementId;
}

/**
 * A short-break series or a residential school alongside the child's home: visits within a
 * week, again within 12 weeks, then at least twice a year (one unannounced), and short-break
 * plan reviews.
 */
function sidePlacement(b: CaseBuilder, start: DayNumber, end: DayNumber): void {
  const rng = b.rng;
  const placementId = b.id('p');
  const shortBreaks = rng.chance(0.7);
  b.add('placement-started', start, {
    placementId,
    kind: shortBreaks ? 'short-break-series' : 'residential-school',
    ...(shortBreaks ? { shortBreakHoursPerYear: rng.int(20, 400) } : {}),
  });
  const first = b.deadline(start, start + 7);
  addVisit(b, first, { placementId });
  addVisit(b, b.deadline(start + 30, start + 84), { placementId });
  for (let y = start; y < end; y += 365) {
    addVisit(b, rng.int(y + 90, y + 200), { placementId, unannounced: rng.chance(0.8) });
    if (rng.chance(0.85)) addVisit(b, rng.int(y + 200, y + 364), { placementId });
  }
  if (shortBreaks) for (const d of b.series(start, end, (last, i) => b.months(last, i === 0 ? 3 : 6))) b.add('short-break-plan-review', d, {});
  if (end < b.asOf) b.add('placement-ended', end, { placementId });
}

/** A missing episode: start and return with times, a return interview within 72 hours. */
function missingEpisode(b: CaseBuilder, day: DayNumber): void {
  const rng = b.rng;
  const episodeId = b.id('m');
  const gone = b.timeOn(day);
  b.addAt('missing-episode-started', gone, { episodeId });
  b.add('missing-coordinator-notified', b.deadline(day, day, 0.15, 0.05), { episodeId });
  const back = b.hoursAfter(gone, 72);
  if (back === undefined) return;
  b.addAt('missing-episode-ended', back, { episodeId });
  if (back.day - day >= 2) b.add('missing-strategy-meeting', b.deadline(day + 1, day + 4), { episodeId });
  const interview = b.hoursAfter(back, 72);
  if (interview) b.addAt('return-interview', interview, { episodeId });
}

/** Reviews at 20 working days, 3 months and then 6-monthly, each with a report shared 5 days before. */
function reviews(b: CaseBuilder, start: DayNumber, stop: DayNumber): void {
  const rng = b.rng;
  const days = b.series(start, stop, (last, i) => (i === 0 ? b.wd(last, 20) : b.months(last, i === 1 ? 3 : 6)));
  days.forEach((d, i) => {
    const id = b.add('looked-after-review', d, { reviewNumber: i + 1 });
    if (id !== undefined && rng.chance(0.85)) b.add('report-shared', b.deadline(d - 10, d - 5, 0.15, 0), { forEventId: id, sharedWith: ['parents'] });
    if (i === 1 && rng.chance(0.7)) b.add('permanence-plan-completed', b.deadline(d - 30, d, 0.15, 0), {});
  });
}

/** Education: a PEP meeting within 20 school days, termly reviews, now and then a risk of exclusion. */
function education(b: CaseBuilder, start: DayNumber, stop: DayNumber): void {
  const rng = b.rng;
  const pep = b.deadline(start + 5, b.wd(start, 25), 0.1, 0.05);
  b.add('pep-meeting', pep, {});
  if (pep === undefined) return;
  for (const d of b.series(pep, stop, (last) => b.months(last, 4))) b.add('pep-review', d, {});
  if (stop - start > 120 && rng.chance(0.1)) {
    const risk = rng.int(start + 30, stop - 30);
    b.add('exclusion-risk-identified', risk, {});
    const ended = rng.chance(0.5) ? risk + rng.int(40, 300) : undefined;
    for (const d of b.series(risk, Math.min(ended ?? Infinity, stop), (last) => b.months(last, 3))) b.add('pep-review', d, {});
    b.add('exclusion-risk-ended', ended, {});
  }
}

/**
 * A looked-after child: placements of various kinds (sometimes a short-break series or a
 * residential school alongside), reviews, a health assessment, a care plan, personal education
 * plans for school-age children, plans at 16, and now and then missing episodes. Returns the day
 * the child ceased to be looked after, if they did.
 */
export function lookedAfter(b: CaseBuilder, start: DayNumber, schoolAge: boolean): DayNumber | undefined {
  const rng = b.rng;
  b.add('became-looked-after', start, { legalStatus: rng.weighted([['section-20', 30], ['interim-care-order', 30], ['care-order', 25], ['placement-order', 5], ['police-protection', 5], ['remand', 2], ['other', 3]] as const) });
  const ceased = rng.chance(0.25) ? start + rng.int(30, 900) : undefined;
  const stop = Math.min(ceased ?? Infinity, b.asOf);
  b.add('health-assessment-arranged', b.deadline(start, start + 5), {});
  b.add('health-assessment', b.deadline(start + 3, b.wd(start, 20)), {});
  b.add('care-plan-completed', b.deadline(start, b.wd(start, 10)), {});
  reviews(b, start, stop);
  let from = start;
  while (from <= stop) {
    const until = rng.chance(0.45) ? from + rng.int(30, 700) : Infinity;
    const placementId = placement(b, from, Math.min(until, stop), rng.weighted(HOME_KINDS), from === start);
    if (until > stop) {
      if (ceased !== undefined) b.add('placement-ended', ceased, { placementId });
      break;
    }
    b.add('placement-ended', until, { placementId });
    from = until;
  }
  if (rng.chance(0.1)) sidePlacement(b, start + rng.int(0, 200), stop);
  if (rng.chance(0.15)) for (let i = rng.int(1, 3); i > 0; i--) missingEpisode(b, rng.int(start, stop));
  if (schoolAge) education(b, start, stop);
  const sixteen = b.age(16);
  if (sixteen >= start && sixteen <= stop) {
    b.add('needs-assessment-completed', b.deadline(sixteen - 60, b.months(sixteen, 3)), {});
    b.add('housing-plan', b.deadline(sixteen - 90, sixteen, 0.15, 0.1), {});
  }
  if (rng.chance(0.02)) {
    const raised = rng.int(start, stop);
    const dispute = b.add('quality-dispute-raised', raised, {});
    if (dispute !== undefined) b.add('quality-dispute-plan', b.deadline(raised, b.wd(raised, 5)), { disputeEventId: dispute });
  }
  b.add('ceased-looked-after', ceased, {});
  return ceased;
}
