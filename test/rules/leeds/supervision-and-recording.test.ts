import { describe, expect, it } from 'vitest';
import { check, child, ev, leeds, of, worker } from './helpers.js';

const session = (id: string, date: string, kind?: 'personal' | 'case') => ev('supervision-session', id, date, kind ? { kind } : {});

describe('leeds.supervision.newly-qualified', () => {
  const id = 'leeds.supervision.newly-qualified';
  // Started 2023-09-04: weekly until 2023-09-04 + 42 = 2023-10-16, then monthly.
  it('on time: weekly for 6 weeks, then monthly (phase change)', () => {
    // Each weekly session is due 7 days after the last; the session on 2023-10-13 (still in the first 6 weeks) sets 10-20;
    // the one on 2023-10-20 (after 10-16) sets 2023-10-20 + 1 month = 2023-11-20
    const dates = ['2023-09-08', '2023-09-15', '2023-09-22', '2023-09-29', '2023-10-06', '2023-10-13', '2023-10-20'];
    const w = worker('newly-qualified-social-worker', '2023-09-04', dates.map((d, i) => session(`s${i}`, d, i === 2 ? 'personal' : undefined)));
    expect(check(id, w, '2023-10-25')).toEqual([
      'met 2023-09-11 by s0',
      'met 2023-09-15 by s1',
      'met 2023-09-22 by s2',
      'met 2023-09-29 by s3',
      'met 2023-10-06 by s4',
      'met 2023-10-13 by s5',
      'met 2023-10-20 by s6',
      'due 2023-11-20',
    ]);
  });
  it('late', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2023-09-04', [session('s0', '2023-09-12')]), '2023-09-13')).toEqual(['met-late 2023-09-11 by s0', 'due 2023-09-19']);
  });
  it('overdue: case supervision is not personal supervision', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2023-09-04', [session('s0', '2023-09-08', 'case')]), '2023-09-12')).toEqual(['overdue 2023-09-11']);
  });
  it('still due', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2023-09-04', []), '2023-09-06')).toEqual(['due 2023-09-11']);
  });
  it('not applicable to an experienced social worker', () => {
    const r = leeds(worker('social-worker', '2023-09-04', []), '2023-09-06');
    expect(of(r, id).map((o) => o.status)).toEqual(['not-applicable']);
    expect(of(r, id)[0]!.explanation).toContain('role is not newly-qualified-social-worker');
  });
});

describe('leeds.supervision.returning-or-change-of-role', () => {
  const id = 'leeds.supervision.returning-or-change-of-role';
  // Period 2023-10-02 to 2023-12-22: every 2 weeks = 14 days. 2023-10-02 + 14 → 10-16; 2023-10-13 + 14 → 10-27
  const periods = [{ kind: 'returning-to-work', start: '2023-10-02', end: '2023-12-22' }];
  it('on time', () => {
    expect(check(id, worker('social-worker', '2019-01-07', [session('s1', '2023-10-13')], periods), '2023-10-20')).toEqual(['met 2023-10-16 by s1', 'due 2023-10-27']);
  });
  it('late', () => {
    expect(check(id, worker('social-worker', '2019-01-07', [session('s1', '2023-10-17')], periods), '2023-10-20')).toEqual(['met-late 2023-10-16 by s1', 'due 2023-10-31']);
  });
  it('overdue', () => {
    expect(check(id, worker('social-worker', '2019-01-07', [], periods), '2023-10-17')).toEqual(['overdue 2023-10-16']);
  });
  it('still due; nothing more falls due after the agreed period ends', () => {
    expect(check(id, worker('social-worker', '2019-01-07', [], periods), '2023-10-10')).toEqual(['due 2023-10-16']);
    // 2023-12-15 + 14 → 2023-12-29, after the period ended on 2023-12-22: no further instance
    expect(check(id, worker('social-worker', '2019-01-07', [session('s1', '2023-10-13'), session('s2', '2023-10-27'), session('s3', '2023-11-10'), session('s4', '2023-11-24'), session('s5', '2023-12-08'), session('s6', '2023-12-15')], periods), '2024-01-10').at(-1)).toBe(
      'met 2023-12-22 by s6',
    );
  });
  it('not applicable without a returning or change-of-role period', () => {
    expect(check(id, worker('social-worker', '2019-01-07', []), '2023-10-10')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.monthly', () => {
  const id = 'leeds.supervision.monthly';
  // Started 2023-05-31: + 1 month → 2023-06-31, clamped → 2023-06-30; 2023-06-30 + 1 month → 2023-07-30
  it('on time', () => {
    expect(check(id, worker('social-worker', '2023-05-31', [session('s1', '2023-06-30')]), '2023-07-01')).toEqual(['met 2023-06-30 by s1', 'due 2023-07-30']);
  });
  it('late', () => {
    expect(check(id, worker('social-worker', '2023-05-31', [session('s1', '2023-07-03')]), '2023-07-04')).toEqual(['met-late 2023-06-30 by s1', 'due 2023-08-03']);
  });
  it('overdue', () => {
    expect(check(id, worker('social-worker', '2023-05-31', []), '2023-07-01')).toEqual(['overdue 2023-06-30']);
  });
  it('still due', () => {
    expect(check(id, worker('social-worker', '2023-05-31', []), '2023-06-15')).toEqual(['due 2023-06-30']);
  });
  it('not applicable to a newly qualified social worker (their own rule)', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2023-05-31', []), '2023-06-15')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.agreement (presence)', () => {
  const id = 'leeds.supervision.agreement';
  const signed = ev('supervision-agreement-signed', 'ag', '2023-05-02');
  it('on time: signed on the first day', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [signed]), '2023-06-01')).toEqual(['met 2023-05-02 by ag']);
  });
  it('late: presence has no lateness, so an agreement signed later meets it', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [ev('supervision-agreement-signed', 'ag', '2023-05-20')]), '2023-06-01')).toEqual(['met 2023-05-02 by ag']);
  });
  it('overdue', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2023-05-02', []), '2023-05-03')).toEqual(['overdue 2023-05-02']);
  });
  it('still due on the first day', () => {
    expect(check(id, worker('social-worker', '2023-05-02', []), '2023-05-02')).toEqual(['due 2023-05-02']);
  });
  it('not applicable to a team manager', () => {
    expect(check(id, worker('team-manager', '2023-05-02', []), '2023-05-03')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.agreement-review', () => {
  const id = 'leeds.supervision.agreement-review';
  // Signed 2023-05-10 → reviewed by 2024-05-10; reviewed 2024-05-09 → next by 2025-05-09
  const signed = ev('supervision-agreement-signed', 'ag', '2023-05-10');
  it('on time', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [signed, ev('supervision-agreement-reviewed', 'rv', '2024-05-09')]), '2024-06-01')).toEqual(['met 2024-05-10 by rv', 'due 2025-05-09']);
  });
  it('late', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [signed, ev('supervision-agreement-reviewed', 'rv', '2024-05-13')]), '2024-06-01')).toEqual(['met-late 2024-05-10 by rv', 'due 2025-05-13']);
  });
  it('overdue: the signing itself is not its review', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [signed]), '2024-05-11')).toEqual(['overdue 2024-05-10']);
  });
  it('still due; a newly signed agreement counts as the review', () => {
    expect(check(id, worker('social-worker', '2023-05-02', [signed]), '2024-01-01')).toEqual(['due 2024-05-10']);
    expect(check(id, worker('social-worker', '2023-05-02', [signed, ev('supervision-agreement-signed', 'ag2', '2024-04-01')]), '2024-06-01')).toEqual(['met 2024-05-10 by ag2', 'due 2025-04-01']);
  });
  it('not applicable until an agreement is signed', () => {
    expect(check(id, worker('social-worker', '2023-05-02', []), '2024-01-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.practice-observation', () => {
  const id = 'leeds.supervision.practice-observation';
  // Started 2022-06-01 → observed by 2023-06-01; observed 2023-05-31 → next by 2024-05-31
  it('on time', () => {
    expect(check(id, worker('social-worker', '2022-06-01', [ev('practice-observation', 'o1', '2023-05-31')]), '2023-06-05')).toEqual(['met 2023-06-01 by o1', 'due 2024-05-31']);
  });
  it('late', () => {
    expect(check(id, worker('social-worker', '2022-06-01', [ev('practice-observation', 'o1', '2023-06-02')]), '2023-06-05')).toEqual(['met-late 2023-06-01 by o1', 'due 2024-06-02']);
  });
  it('overdue', () => {
    expect(check(id, worker('social-worker', '2022-06-01', []), '2023-06-02')).toEqual(['overdue 2023-06-01']);
  });
  it('still due', () => {
    expect(check(id, worker('newly-qualified-social-worker', '2022-06-01', []), '2023-05-01')).toEqual(['due 2023-06-01']);
  });
  it('not applicable to a personal adviser', () => {
    expect(check(id, worker('personal-adviser', '2022-06-01', []), '2023-05-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.appraisal (all staff)', () => {
  const id = 'leeds.supervision.appraisal';
  // Started 2024-02-29 + 1 year → 2025-02-29 does not exist, clamped → 2025-02-28; then + 1 year → 2026-02-28
  it('on time', () => {
    expect(check(id, worker('team-manager', '2024-02-29', [ev('appraisal', 'ap', '2025-02-28')]), '2025-03-01')).toEqual(['met 2025-02-28 by ap', 'due 2026-02-28']);
  });
  it('late', () => {
    expect(check(id, worker('personal-adviser', '2024-02-29', [ev('appraisal', 'ap', '2025-03-03')]), '2025-03-04')).toEqual(['met-late 2025-02-28 by ap', 'due 2026-03-03']);
  });
  it('overdue', () => {
    expect(check(id, worker('social-worker', '2024-02-29', []), '2025-03-01')).toEqual(['overdue 2025-02-28']);
  });
  it('still due', () => {
    expect(check(id, worker('social-worker', '2024-02-29', []), '2025-01-01')).toEqual(['due 2025-02-28']);
  });
  it('not applicable: a worker rule is never reported on a child case', () => {
    expect(of(leeds(child([ev('referral', 'r', '2024-02-29')]), '2025-03-01'), id)).toEqual([]);
  });
});

describe('leeds.supervision.case-supervision (child)', () => {
  const id = 'leeds.supervision.case-supervision';
  // Allocation at the decision to assess, 2023-06-30 + 3 months → 2023-09-30; 2023-09-29 + 3 months → 2023-12-29
  const decided = ev('decision-to-assess', 'd1', '2023-06-30');
  it('on time', () => {
    expect(check(id, child([decided, ev('case-supervision', 'c1', '2023-09-29')]), '2023-10-05')).toEqual(['met 2023-09-30 by c1', 'due 2023-12-29']);
  });
  it('late', () => {
    expect(check(id, child([decided, ev('case-supervision', 'c1', '2023-10-02')]), '2023-10-05')).toEqual(['met-late 2023-09-30 by c1', 'due 2024-01-02']);
  });
  it('overdue', () => {
    expect(check(id, child([decided]), '2023-10-01')).toEqual(['overdue 2023-09-30']);
  });
  it('still due', () => {
    expect(check(id, child([decided]), '2023-08-01')).toEqual(['due 2023-09-30']);
  });
  it('not applicable to an unallocated referral, or a case closed before it fell due', () => {
    expect(check(id, child([ev('referral', 'r', '2023-06-30')]), '2023-10-01')).toEqual(['not-applicable -']);
    expect(check(id, child([decided, ev('case-closed', 'cc', '2023-08-15')]), '2023-10-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.supervision.case-supervision-recorded', () => {
  const id = 'leeds.supervision.case-supervision-recorded';
  // 1 week = 7 calendar days: 2023-12-22 + 7 → 2023-12-29 (over Christmas)
  const held = (recordedOn?: string) => ev('case-supervision', 'c1', '2023-12-22', recordedOn ? { recordedOn } : {});
  it('on time', () => {
    expect(check(id, child([held('2023-12-29')]), '2024-01-02')).toEqual(['met 2023-12-29 by c1']);
  });
  it('late', () => {
    expect(check(id, child([held('2023-12-30')]), '2024-01-02')).toEqual(['met-late 2023-12-29 by c1']);
  });
  it('overdue', () => {
    expect(check(id, child([held()]), '2024-01-02')).toEqual(['overdue 2023-12-29']);
  });
  it('still due; a recording date after the as-of date is not yet known', () => {
    expect(check(id, child([held()]), '2023-12-27')).toEqual(['due 2023-12-29']);
    expect(check(id, child([held('2023-12-28')]), '2023-12-27')).toEqual(['due 2023-12-29']);
  });
  it('not applicable without case supervision', () => {
    expect(check(id, child([ev('referral', 'r', '2023-12-22')]), '2024-01-02')).toEqual(['not-applicable -']);
  });
});

describe('leeds.recording.significant-event', () => {
  const id = 'leeds.recording.significant-event';
  // 2023-04-06 (Thu) + 2 working days: (7 Good Friday), (10 Easter Monday), 11, 12 → 2023-04-12
  const happened = (recordedOn?: string, extra: Record<string, unknown> = {}) => ev('significant-event', 'se', '2023-04-06', { ...(recordedOn ? { recordedOn } : {}), ...extra });
  it('on time over Easter', () => {
    expect(check(id, child([happened('2023-04-12')]), '2023-05-01')).toEqual(['met 2023-04-12 by se']);
  });
  it('late; an event marked emergency: false is an ordinary one', () => {
    expect(check(id, child([happened('2023-04-13', { emergency: false })]), '2023-05-01')).toEqual(['met-late 2023-04-12 by se']);
  });
  it('overdue', () => {
    expect(check(id, child([happened()]), '2023-04-25')).toEqual(['overdue 2023-04-12']);
  });
  it('still due over the Coronation bank holiday', () => {
    // 2023-05-05 (Fri) + 2: (8 Coronation), 9, 10 → 2023-05-10
    expect(check(id, child([ev('significant-event', 'se2', '2023-05-05')]), '2023-05-09')).toEqual(['due 2023-05-10']);
  });
  it('not applicable to an emergency (recorded the same day instead)', () => {
    expect(check(id, child([happened(undefined, { emergency: true })]), '2023-05-01')).toEqual(['not-applicable -']);
  });
});

describe('leeds.recording.significant-event-emergency', () => {
  const id = 'leeds.recording.significant-event-emergency';
  // Same day: 2023-12-25 (Christmas Day) → 2023-12-25
  const emergency = (recordedOn?: string) => ev('significant-event', 'se', '2023-12-25', { emergency: true, ...(recordedOn ? { recordedOn } : {}) });
  it('on time', () => {
    expect(check(id, child([emergency('2023-12-25')]), '2024-01-02')).toEqual(['met 2023-12-25 by se']);
  });
  it('late', () => {
    expect(check(id, child([emergency('2023-12-26')]), '2024-01-02')).toEqual(['met-late 2023-12-25 by se']);
  });
  it('overdue', () => {
    expect(check(id, child([emergency()]), '2023-12-27')).toEqual(['overdue 2023-12-25']);
  });
  it('still due on the day', () => {
    expect(check(id, child([emergency()]), '2023-12-25')).toEqual(['due 2023-12-25']);
  });
  it('not applicable to an ordinary significant event', () => {
    expect(check(id, child([ev('significant-event', 'se', '2023-12-25')]), '2024-01-02')).toEqual(['not-applicable -']);
  });
});
