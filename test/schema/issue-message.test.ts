/**
 * The schemas are zod mini, which has no messages of its own ("Invalid input" for everything):
 * problems people read are in the package's words, and a message the schema gives still wins.
 */
import { describe, expect, it } from 'vitest';
import { parseRuleSet, SnapshotError, TimescaleError, validateSnapshot } from '../../src/index.js';
import { issueMessage } from '../../src/schemas/issue-message.js';
import { CaseSnapshot } from '../../src/schemas/case-snapshot.js';

function ruleSetMessage(input: unknown): string {
  try {
    parseRuleSet(input);
  } catch (e) {
    if (e instanceof TimescaleError) return e.message;
    throw e;
  }
  throw new Error('expected the rule set to be refused');
}

const SET = { id: 'ours', title: 'Ours', authority: 'A council', source: 'ours.pdf', inForce: { from: '2024-01-01' }, rules: [] };

describe('messages for schema problems', () => {
  it('says what a rule set field needs, in our words, and keeps the schema’s own message for a rule id', () => {
    const message = ruleSetMessage({ ...SET, id: '', rules: [{ id: 'Not.Dotted Kebab', kind: 'presence' }] });
    expect(message).toContain('id: Expected at least 1 character.');
    expect(message).toContain('rules.0.id: Rule ids are dotted kebab-case');
    expect(message).toContain('rules.0.area: Required field is missing (expected one of: assessment,');
    expect(message).not.toContain('Invalid input');
  });

  it('gives bounds of snapshot fields without the value', () => {
    try {
      validateSnapshot({ caseId: 'C-1', child: { dateOfBirth: '2015-05-01' }, events: [{ type: 'referral', id: 'x'.repeat(201), date: '2024-01-08' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SnapshotError);
      expect((e as SnapshotError).problems).toEqual([{ code: 'invalid-value', path: 'events[0].id', message: 'Expected at most 200 characters.' }]);
    }
  });

  it('words every issue zod reports for a broken snapshot, never as "Invalid input"', () => {
    const r = CaseSnapshot.safeParse({ caseId: '', child: { dateOfBirth: '2015-02-30' }, events: [{ type: 'visit', id: 'v', date: '2024-01-08', mode: 'fax' }], schoolTerms: { terms: [] } }, { error: issueMessage });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect([...messages].sort()).toEqual([
      'Expected a calendar date that exists, written as YYYY-MM-DD.',
      'Expected at least 1 character.',
      'Expected at least 1 item.',
      'Expected one of: in-person, video, phone, not-recorded.',
    ]);
  });
});
