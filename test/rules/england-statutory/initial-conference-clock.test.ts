import { describe, expect, it } from 'vitest';
import { check, ev, one, run } from './helpers.js';

/**
 * The initial child protection conference counts from "the strategy discussion at which section
 * 47 enquiries were initiated" (Working Together) and, in Leeds, "15 workings days of the strategy
 * meeting". A snapshot may record that discussion, linked to the enquiry (strategyDiscussionId),
 * before the enquiry's own start date: the clock then counts from it, in both rule sets.
 *
 * Strategy discussion Thursday 2024-12-12; 15 working days (25, 26 December and 1 January are bank
 * holidays): 13 (1), 16-20 (2-6), 23 (7), 24 (8), 27 (9), 30 (10), 31 (11), 2 Jan (12), 3 (13),
 * 6 (14), 7 (15) → 2025-01-07. From the enquiry's start, Monday 2024-12-16, it is 2025-01-09.
 */
const RULES = [
  ['england-statutory', 'england-statutory.meetings-and-plans.initial-child-protection-conference'],
  ['leeds-2023', 'leeds.meetings.initial-child-protection-conference'],
] as const;
const discussion = ev('strategy-discussion', 'sd', '2024-12-12', { form: 'meeting' });
const linked = ev('section-47-started', 's47', '2024-12-16', { strategyDiscussionId: 'sd' });
const conference = (date: string) => ev('initial-child-protection-conference', 'icpc', date);

describe.each(RULES)('%s: the initial conference clock', (set, id) => {
  const status = (events: ReturnType<typeof ev>[], asOf: string) => {
    const o = one(run(set, events, asOf), id);
    return `${o.status} ${o.due ?? '-'}`;
  };
  it('counts from a linked strategy discussion held before the enquiry started', () => {
    expect(status([discussion, linked, conference('2025-01-07')], '2025-02-01')).toBe('met 2025-01-07');
    expect(status([discussion, linked, conference('2025-01-08')], '2025-02-01')).toBe('met-late 2025-01-07');
    expect(status([discussion, linked], '2025-01-08')).toBe('overdue 2025-01-07');
  });
  it('says where the clock started, and keeps the enquiry as the anchor event', () => {
    const o = one(run(set, [discussion, linked], '2025-01-08'), id);
    expect(o.anchor).toMatchObject({ eventId: 's47', date: '2024-12-12' });
    expect(o.explanation).toContain('strategy discussion linked to the start of the section 47 enquiry');
  });
  it('an unlinked strategy discussion does not move the clock', () => {
    const unlinked = ev('section-47-started', 's47', '2024-12-16');
    expect(status([discussion, unlinked], '2025-01-08')).toBe('due 2025-01-09');
  });
  it('a linked discussion on a later date, or a link to another kind of event, leaves the enquiry\'s date', () => {
    expect(status([ev('strategy-discussion', 'sd', '2024-12-18'), linked], '2025-01-08')).toBe('due 2025-01-09');
    expect(status([ev('referral', 'sd', '2024-12-12'), linked], '2025-01-08')).toBe('due 2025-01-09');
  });
  it('a conference found not to be needed still ends the duty', () => {
    expect(status([discussion, linked, ev('section-47-concluded', 'end', '2024-12-20', { conferenceRequired: false })], '2025-02-01')).toBe('not-applicable 2025-01-07');
  });
});

describe('both rule sets agree on every date, as the one mechanism reads them', () => {
  it('national and Leeds give the same due date for the same linked discussion', () => {
    const dues = RULES.map(([set, id]) => one(run(set, [discussion, linked], '2025-01-08'), id).due);
    expect(dues).toEqual(['2025-01-07', '2025-01-07']);
    expect(check('england-statutory', RULES[0][1], [discussion, linked], '2025-01-08')).toEqual(['overdue 2025-01-07']);
  });
});
