import type { DayNumber } from '../calendar/day-number.js';
import { VARIED_RULES } from './assessment.js';
import type { CaseBuilder } from './case-builder.js';
import { addVisit, addVisits } from './visits.js';

function conferenceWithReports(b: CaseBuilder, type: 'initial-child-protection-conference' | 'review-child-protection-conference', day: DayNumber | undefined): string | undefined {
  const id = b.add(type, day, {});
  if (id === undefined || day === undefined) return undefined;
  const shared = b.deadline(b.wd(day, -8), b.wd(day, -3), 0.15, 0.05);
  b.add('report-shared', shared, { forEventId: id, sharedWith: ['parents'] });
  if (b.rng.chance(0.7)) b.add('report-shared', shared, { forEventId: id, sharedWith: ['chair'] });
  return id;
}

/**
 * Significant harm: a strategy discussion, a section 47 enquiry with a visit within 24 hours
 * (now and then under a manager's recorded exception), an initial conference within 15 working
 * days with reports shared beforehand and, usually, a child protection plan with visits, core
 * groups and review conferences. Returns the day the plan ended, if it did.
 */
export function childProtection(b: CaseBuilder, start: DayNumber): DayNumber | undefined {
  const rng = b.rng;
  const strategy = b.timeOn(start);
  b.addAt('strategy-discussion', strategy, { form: rng.chance(0.6) ? 'meeting' : 'discussion' });
  const s47Time = { day: start, minute: Math.min(strategy.minute + rng.int(20, 180), 23 * 60 + 30) };
  const s47 = b.addAt('section-47-started', s47Time, {});
  const seen = b.hoursAfter(s47Time, 24);
  addVisit(b, seen?.day, seen ? { minute: seen.minute } : {});
  const late = !seen || seen.day * 1440 + seen.minute > s47Time.day * 1440 + s47Time.minute + 24 * 60;
  if (s47 !== undefined && late && rng.chance(0.3)) {
    b.variations.push({
      kind: 'exception',
      id: b.id('x'),
      ruleId: VARIED_RULES.section47Visit,
      anchorEventId: s47,
      earliestDate: b.dateOf(seen?.day ?? start + 3),
      agreedBy: [rng.chance(0.85) ? 'team-manager' : 'social-worker'],
      agreedOn: b.dateOf(start),
      reason: 'Joint visit with the police arranged for the next available date.',
    });
  }
  if (rng.chance(0.15)) {
    b.add('section-47-concluded', b.wd(start, rng.int(3, 10)), { conferenceRequired: false });
    return undefined;
  }
  const icpcDay = b.deadline(b.wd(start, 5), b.wd(start, 15));
  if (conferenceWithReports(b, 'initial-child-protection-conference', icpcDay) === undefined || icpcDay === undefined) return undefined;
  if (rng.chance(0.2)) return undefined;
  b.add('child-protection-plan-started', icpcDay, {});
  const ended = rng.chance(0.5) ? b.months(icpcDay, rng.int(3, 18)) : undefined;
  const stop = Math.min(ended ?? Infinity, b.asOf);
  const moreOften = rng.chance(0.1);
  if (moreOften) {
    b.vary(VARIED_RULES.childProtectionVisits, { workingDays: 10 }, ['multi-agency-group'], icpcDay, 'Set in the child protection plan.');
  }
  const firstVisit = b.deadline(icpcDay, b.wd(icpcDay, 2));
  addVisit(b, firstVisit);
  addVisits(b, b.series(firstVisit ?? icpcDay, stop, (last) => b.wd(last, moreOften ? 10 : rng.chance(0.5) ? 10 : 15)));
  const firstCore = b.deadline(icpcDay + 1, b.wd(icpcDay, 10));
  if (firstCore !== undefined) {
    b.add('core-group-meeting', firstCore, {});
    for (const d of b.series(firstCore, stop, (last) => last + 42)) b.add('core-group-meeting', d, {});
  }
  for (const d of b.series(icpcDay, stop, (last, i) => b.months(last, i === 0 ? 3 : 6))) conferenceWithReports(b, 'review-child-protection-conference', d);
  b.add('child-protection-plan-ended', ended, {});
  return ended;
}
