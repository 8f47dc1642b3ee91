import { describe, expect, it } from 'vitest';
import { evaluate, type Report } from '../../src/index.js';
import { aCase, timescaleMatchers } from '../../src/testing/index.js';
import '../../src/testing/vitest.js';

expect.extend(timescaleMatchers);

const CIN = 'leeds.visits.child-in-need';
const snapshot = aCase('C-001').bornOn('2015-05-01').childInNeedPlanStarted('2024-01-08').visit('2024-03-04', { mode: 'in-person' }).build();
const report: Report = evaluate(snapshot, { ruleSet: 'leeds-2023', asOf: '2024-04-09' });
const overdue = report.obligations.find((o) => o.ruleId === CIN && o.status === 'overdue')!;

/** The failure message a matcher gives, as vitest would print it. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('toHaveObligation', () => {
  it('passes when an obligation matches every field given, and .not fails on it', () => {
    expect(report).toHaveObligation({ rule: CIN, status: 'overdue', due: '2024-04-03' });
    expect(report).toHaveObligation({ rule: CIN, status: ['met', 'met-late'], satisfiedBy: 'visit-1' });
    expect(report).not.toHaveObligation({ rule: CIN, status: 'overdue', due: '2024-04-04' });
    const message = failure(() => expect(report).not.toHaveObligation({ rule: CIN, status: 'overdue' }));
    expect(message).toContain('not to have an obligation with rule leeds.visits.child-in-need · status overdue, but it has:');
    expect(message).toContain(overdue.explanation.slice(0, 40));
  });

  it('shows what was expected and the closest obligations, the same rule first, in few lines', () => {
    const message = failure(() => expect(report).toHaveObligation({ rule: CIN, status: 'met', due: '2024-04-03' }));
    const lines = message.split('\n');
    expect(lines[0]).toBe('Expected the report for case C-001 as of 2024-04-09 to have an obligation with rule leeds.visits.child-in-need · status met · due 2024-04-03.');
    expect(lines[1]).toBe(`Closest of ${report.obligations.length}:`);
    expect(lines[2]).toBe(`  ${CIN} #${overdue.instance}  overdue  due 2024-04-03  (differs: status)`);
    // The start (status, case) and the end (the dates that decide) of the explanation, on one line.
    expect(lines[3]).toMatch(/^    Overdue by 4 working days \(case C-001\): .* … .*so the next was due by 2024-04-03; none is recorded up to 2024-04-09\.$/);
    expect(lines[3]!.length).toBeLessThanOrEqual(4 + 160);
    // Three candidates of two lines each, then how many more.
    expect(lines).toHaveLength(2 + 3 * 2 + 1);
    expect(lines.at(-1)).toBe(`  … and ${report.obligations.length - 3} more`);
    expect(lines.slice(2).every((l) => l.length <= 164)).toBe(true);
  });

  it('says when the received value is not a report', () => {
    expect(failure(() => expect({ caseId: 'C-1' }).toHaveObligation({ rule: CIN }))).toContain('expects a report from evaluate()');
  });
});

describe('toHaveNoBreaches', () => {
  it('passes on a case with every duty met or still due', () => {
    const kept = aCase('C-2').bornOn('2015-05-01').childInNeedPlanStarted('2024-01-08').visit('2024-01-15', { mode: 'in-person' }).build();
    const fresh = evaluate(kept, { ruleSet: 'leeds-2023', asOf: '2024-01-16' });
    expect(fresh.breaches).toHaveLength(0);
    expect(fresh).toHaveNoBreaches();
  });

  it('lists the breaches, most overdue first, when there are any', () => {
    const message = failure(() => expect(report).toHaveNoBreaches());
    expect(message.split('\n')[0]).toBe(`Expected the report for case C-001 as of 2024-04-09 to have no breaches, but it has ${report.breaches.length}:`);
    expect(message).toContain(`  ${report.breaches[0]!.ruleId}`);
  });
});

describe('toBeDueBy', () => {
  it('on a report: an open obligation of the rule falls due on or before the date', () => {
    expect(report).toBeDueBy('2024-04-03', { rule: CIN });
    expect(report).not.toBeDueBy('2024-04-02', { rule: CIN });
    const message = failure(() => expect(report).toBeDueBy('2024-04-02', { rule: CIN }));
    expect(message).toContain('to have an open obligation of leeds.visits.child-in-need due on or before 2024-04-02. Open, soonest first:');
    expect(message).toContain(`  ${CIN} #${overdue.instance}  overdue  due 2024-04-03`);
  });

  it('on one obligation: its due date is on or before the date, whatever its status', () => {
    expect(overdue).toBeDueBy('2024-04-03');
    expect(overdue).not.toBeDueBy('2024-04-02');
    expect(failure(() => expect(overdue).toBeDueBy('2024-04-02'))).toContain('Expected the obligation to be due on or before 2024-04-02:');
  });

  it('counts a date-time by its date', () => {
    // A plain copy: an obligation's rule fields and text are read through its prototype, not spread.
    const timed = { ...(JSON.parse(JSON.stringify(overdue)) as typeof overdue), due: '2024-04-03T10:00:00+01:00' };
    expect(timed).toBeDueBy('2024-04-03');
  });
});
