import type { DayNumber } from '../calendar/day-number.js';
import type { CaseBuilder } from './case-builder.js';
import { addVisit, addVisits } from './visits.js';

/**
 * A private fostering arrangement: a visit within 7 working days of the notification, then
 * 6-weekly in the first year and 12-weekly after, now and then a spell away from the carer.
 */
export function privateFostering(b: CaseBuilder, start: DayNumber): void {
  const rng = b.rng;
  b.add('private-fostering-notified', start, {});
  const ended = rng.chance(0.3) ? start + rng.int(60, 800) : undefined;
  const stop = Math.min(ended ?? Infinity, b.asOf);
  const first = b.deadline(start, b.wd(start, 7));
  if (first !== undefined) {
    addVisit(b, first);
    const yearOn = start + 365;
    addVisits(b, b.series(first, stop, (last) => last + (last < yearOn ? 42 : 84)));
  }
  if (rng.chance(0.1)) {
    const away = rng.int(start + 20, Math.max(start + 20, stop));
    b.add('private-fostering-child-away', away, {});
    b.add('private-fostering-child-returned', away + rng.int(3, 40), { carer: rng.chance(0.8) ? 'same' : 'different' });
  }
  b.add('private-fostering-ended', ended, {});
}

/**
 * A care leaver: a personal adviser visiting at least every 8 weeks and a pathway plan
 * reviewed every 6 months, and a housing plan.
 */
export function careLeaver(b: CaseBuilder, start: DayNumber): void {
  addVisits(b, b.series(start, b.asOf, (last) => last + 56), { by: 'personal-adviser' });
  for (const d of b.series(start, b.asOf, (last) => b.months(last, 6))) b.add('pathway-plan-review', d, {});
  if (b.rng.chance(0.7)) b.add('housing-plan', b.rng.int(start, b.asOf), {});
}

/**
 * What most open cases share: a referral to advocacy from the age of 10, significant events
 * recorded within 2 working days (the same day in an emergency), case supervision at least
 * every 3 months, chronology updates, and an alert to adult services for a young person who
 * will need them.
 */
export function recording(b: CaseBuilder, start: DayNumber, end: DayNumber, adultServicesFrom: DayNumber | undefined): void {
  const rng = b.rng;
  const ten = b.age(10);
  if (ten <= end && rng.chance(0.6)) b.add('advocacy-referral', b.deadline(Math.max(ten, start), Math.max(ten, start) + 20, 0.2, 0), {});
  for (let i = rng.int(0, 4); i > 0; i--) {
    const day = rng.int(start, end);
    const emergency = rng.chance(0.2);
    const recorded = b.deadline(day, emergency ? day : b.wd(day, 2), 0.12, 0);
    b.add('significant-event', day, { ...(emergency ? { emergency: true } : {}), ...(recorded !== undefined && recorded <= b.asOf ? { recordedOn: b.dateOf(recorded) } : {}) });
  }
  for (const d of b.series(start, end, (last) => b.months(last, 3))) {
    const recorded = b.deadline(d, d + 7, 0.1, 0);
    b.add('case-supervision', d, recorded !== undefined && recorded <= b.asOf ? { recordedOn: b.dateOf(recorded) } : {});
  }
  if (rng.chance(0.4)) b.add('chronology-updated', rng.int(start, end), {});
  if (adultServicesFrom !== undefined && adultServicesFrom <= end) b.add('adult-services-alerted', b.deadline(adultServicesFrom - 30, adultServicesFrom + 30), {});
}
