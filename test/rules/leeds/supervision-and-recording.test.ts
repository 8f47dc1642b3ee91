import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, worker } from './helpers.js';

const session = (id: string, date: string, kind?: 'personal' | 'case') => ev('supervision-session', id, date, kind ? { kind } : {});

describe('leeds.supervision.returning-or-change-of-role', () => {
  const id = 'leeds.supervision.returning-or-change-of-role';
  // Period 2023-10-02 to 2023-12-22: every 2 weeks = 14 days. 2023-10-02 + 14 → 10-16; 2023-10-13 + 14 → 10-27
  const periods = [{ kind: 'returning-to-work', start: '2023-10-02', end: '2023-12-22' }];
  it('still due; nothing more falls due after the agreed period ends', () => {
    expect(check(id, worker('social-worker', '2019-01-07', [], periods), '2023-10-10')).toEqual(['due 2023-10-16']);
    // 2023-12-15 + 14 → 2023-12-29, after the period ended on 2023-12-22: no further instance
    expect(check(id, worker('social-worker', '2019-01-07', [session('s1', '2023-10-13'), session('s2', '2023-10-27'), session('s3', '2023-11-10'), session('s4', '2023-11-24'), session('s5', '2023-12-08'), session('s6', '2023-12-15')], periods), '2024-01-10').at(-1)).toBe(
      'met 2023-12-22 by s6',
    );
  });
});

describe('leeds.supervision.appraisal (all staff)', () => {
  const id = 'leeds.supervision.appraisal';
  it('not applicable: a worker rule is never reported on a child case', () => {
    expect(of(leeds(child([ev('referral', 'r', '2024-02-29')]), '2025-03-01'), id)).toEqual([]);
  });
});
