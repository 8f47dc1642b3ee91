// A council's own test, as it would be written against the published package: the overdue-visits
// screen must agree with the Leeds Practice Standards. Run: npx jest (after npm run build; see jest.config.cjs)
import { describe, expect, it } from '@jest/globals';
import { evaluate } from 'practice-timescales';
import { aCase, describeRuleCases, timescaleMatchers } from 'practice-timescales/testing';
import 'practice-timescales/testing/jest';

expect.extend(timescaleMatchers);

const childInNeed = aCase('C-001').bornOn('2015-05-01').childInNeedPlanStarted('2024-01-08');

describe('overdue visits (Leeds, child in need)', () => {
  it('flags the visit missed after 4 March as overdue from 3 April', () => {
    const report = evaluate(childInNeed.visit('2024-03-04', { mode: 'in-person' }).build(), { ruleSet: 'leeds-2023', asOf: '2024-04-09' });
    expect(report).toHaveObligation({ rule: 'leeds.visits.child-in-need', status: 'overdue', due: '2024-04-03' });
  });

  it('shows nothing overdue when the child was seen in time', () => {
    const report = evaluate(childInNeed.visit('2024-01-15', { mode: 'in-person' }).build(), { ruleSet: 'leeds-2023', asOf: '2024-01-16' });
    expect(report).toHaveNoBreaches();
    expect(report).toBeDueBy('2024-02-12', { rule: 'leeds.visits.child-in-need' });
  });

  it('counts working days over the Easter bank holidays', () => {
    // 20 working days from Thursday 21 March 2024 skip Good Friday (29 March) and Easter Monday (1 April).
    const report = evaluate(childInNeed.visit('2024-03-21', { mode: 'in-person' }).build(), { ruleSet: 'leeds-2023', asOf: '2024-03-22' });
    expect(report).toHaveObligation({ rule: 'leeds.visits.child-in-need', status: 'due', due: '2024-04-22' });
  });
});

// Our own standards, encoded as a rule set folder that extends a shipped set (docs/authoring.md):
// one call runs the cases of every set it extends, shipped with the package, and our own, so a
// change that alters a shipped rule's timescale fails here. The path is from the working directory.
describeRuleCases('examples/riverside-council', { describe, it });
