import type { DayNumber } from './day-number.js';

/**
 * A set of days inside a fixed range (working days, school days), precomputed so that stepping
 * over and counting its members are single array reads rather than day-by-day loops.
 */
export interface DayIndex {
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  /** `member[day - firstDay]` is 1 for a member, 0 otherwise. */
  readonly member: Uint8Array;
  /** `cumulative[day - firstDay]` is the number of members from `firstDay` up to and including `day`. */
  readonly cumulative: Int32Array;
  /** The members' day numbers in order, so the k-th member is `members[k]`. */
  readonly members: Int32Array;
}

/** Builds the index from a membership flag per day of the range starting at `firstDay`. */
export function buildDayIndex(firstDay: DayNumber, member: Uint8Array): DayIndex {
  const cumulative = new Int32Array(member.length);
  let count = 0;
  for (let i = 0; i < member.length; i++) {
    count += member[i]!;
    cumulative[i] = count;
  }
  const members = new Int32Array(count);
  for (let i = 0, k = 0; i < member.length; i++) if (member[i] === 1) members[k++] = firstDay + i;
  return { firstDay, lastDay: firstDay + member.length - 1, member, cumulative, members };
}

/**
 * The n-th member after `day` (n > 0) or before it (n < 0), not counting `day` itself; `day` for
 * n = 0. Returns `undefined` when the answer would fall outside the range. `day` must be inside
 * the range and `n` an integer: callers validate, because they word the errors.
 */
export function stepMembers(index: DayIndex, day: DayNumber, n: number): DayNumber | undefined {
  if (n === 0) return day;
  const i = day - index.firstDay;
  // Members up to and including `day`; the next one after it is members[upTo].
  const upTo = index.cumulative[i]!;
  const k = n > 0 ? upTo + n - 1 : upTo - index.member[i]! + n;
  return k >= 0 && k < index.members.length ? index.members[k] : undefined;
}

/** The number of members d with from < d <= to; negative when to < from. Both must be in range. */
export function countMembersBetween(index: DayIndex, from: DayNumber, to: DayNumber): number {
  return index.cumulative[to - index.firstDay]! - index.cumulative[from - index.firstDay]!;
}
