import type { DayNumber } from '../calendar/day-number.js';
import type { CaseBuilder } from './case-builder.js';
import { addVisit, addVisits } from './visits.js';

/** Rule ids the generated variations name (see rules/*.json). */
export const VARIED_RULES = {
  childInNeedVisits: 'leeds.visits.child-in-need',
  section47Visit: 'leeds.visits.section-47',
  permanentPlacementVisits: 'leeds.visits.looked-after',
  childInNeedReviews: 'leeds.reviews.child-in-need',
  childProtectionVisits: 'leeds.visits.child-protection',
} as const;

/**
 * A referral and, usually, a Child and Family Assessment: decision to assess, a visit within
 * days, manager reviews at 10 and 20 working days and sign-off within 45. Returns the day the
 * assessment ended (or the referral day when nothing followed).
 */
export function referralAndAssessment(b: CaseBuilder, start: DayNumber): DayNumber {
  const rng = b.rng;
  b.add('referral', start, {});
  if (rng.chance(0.08)) {
    b.add('case-closed', start + rng.int(1, 10), {});
    return start;
  }
  const assessmentId = b.id('a');
  const decision = rng.chance(0.7) ? start : b.wd(start, rng.int(1, 2));
  b.add('decision-to-assess', decision, { assessmentId });
  b.add('assessment-started', decision, { assessmentId });
  addVisit(b, b.deadline(decision, b.wd(decision, 5)));
  const quick = rng.chance(0.3);
  const signedOff = b.deadline(b.wd(decision, 3), b.wd(decision, quick ? 10 : 45));
  const end = signedOff ?? b.wd(decision, 45);
  for (const at of [10, 20]) {
    const due = b.wd(decision, at);
    if (due < end) b.add('assessment-progress-review', b.deadline(b.wd(due, -2), due, 0.1, 0.1), { assessmentId });
  }
  b.add('assessment-authorised', signedOff, { assessmentId });
  if (rng.chance(0.85)) b.add('chronology-updated', rng.int(decision, end), {});
  if (rng.chance(0.7)) b.add('genogram-completed', rng.int(decision, end), {});
  return end;
}

/**
 * A child in need plan: visits at least every 20 working days, reviews every 3 months, a
 * Service Delivery Manager review after 9 months, sometimes a plan that sets weekly visits.
 * Returns the day the plan ended, if it did.
 */
export function childInNeed(b: CaseBuilder, start: DayNumber): DayNumber | undefined {
  const rng = b.rng;
  b.add('child-in-need-plan-started', start, {});
  const ended = rng.chance(0.45) ? start + rng.int(60, 700) : undefined;
  const stop = Math.min(ended ?? Infinity, b.asOf);
  const weekly = rng.chance(0.08);
  if (weekly) {
    b.vary(VARIED_RULES.childInNeedVisits, { workingDays: 5 }, [rng.chance(0.8) ? 'team-manager' : 'social-worker'], start, 'Set in the child in need plan.');
  }
  addVisits(b, b.series(start, stop, (last) => b.wd(last, weekly ? 5 : 20)));
  const threeMonthly = rng.chance(0.1);
  if (threeMonthly) {
    b.vary(VARIED_RULES.childInNeedReviews, { months: 3 }, ['multi-agency-group'], start);
  }
  for (const d of b.series(start, stop, (last) => (threeMonthly ? b.months(last, 3) : last + 42))) b.add('child-in-need-review', d, {});
  const nineMonths = b.months(start, 9);
  if (stop > nineMonths) b.add('service-delivery-manager-review', b.deadline(nineMonths, b.wd(nineMonths, 10)), {});
  b.add('child-in-need-plan-ended', ended, {});
  if (ended !== undefined && rng.chance(0.5)) b.add('case-closed', ended + rng.int(0, 20), {});
  return ended;
}
