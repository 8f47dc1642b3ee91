import { describe, expect, it } from 'vitest';
import { evaluate, generateSnapshot, TimescaleError, type CaseSnapshot } from '../../src/index.js';

const AS_OF = '2024-04-09';
const FIELDS = ['caseId', 'ruleId', 'ruleSet', 'area', 'title', 'instance', 'status', 'due', 'anchor', 'satisfiedBy', 'lateness', 'explanation', 'trace', 'cite', 'provisional'];

describe('explanations and traces are written when read', () => {
  it('are not own data on an obligation, so a caller who never reads them does not pay for them', () => {
    const report = evaluate(generateSnapshot(7, 1, AS_OF), { ruleSet: 'leeds-2023', asOf: AS_OF });
    const o = report.obligations[0]!;
    expect(Object.getOwnPropertyDescriptor(o, 'explanation')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(o, 'trace')).toBeUndefined();
    expect(o.explanation).toMatch(/case /);
    expect(o.trace.length).toBeGreaterThan(0);
    // Read again, the same text.
    expect(o.explanation).toBe(o.explanation);
  });

  it('hold as own data only what differs between obligations; dates are written, and what the rule and report say once is read, when asked', () => {
    const report = evaluate(generateSnapshot(7, 2, AS_OF), { ruleSet: 'leeds-2023', asOf: AS_OF });
    for (const o of report.obligations) {
      expect(Object.keys(o).filter((k) => k !== 'comparison')).toEqual(['instance', 'status', 'lateness', 'provisional']);
      // Written once: a second read gives the same object.
      expect(o.anchor).toBe(o.anchor);
      expect(o.satisfiedBy).toBe(o.satisfiedBy);
      expect(o.caseId).toBe(report.caseId);
      expect(typeof o.ruleId).toBe('string');
      expect(o.cite.quote.length).toBeGreaterThan(0);
    }
    // A rule that names who to alert says so on its obligations, in the JSON too.
    const alerted = report.obligations.find((o) => o.escalateTo !== undefined);
    const json = JSON.parse(JSON.stringify(report.obligations)) as Record<string, unknown>[];
    expect(json.some((o) => 'escalateTo' in o)).toBe(alerted !== undefined);
    expect(json.filter((o) => !('escalateTo' in o)).length).toBe(report.obligations.filter((o) => o.escalateTo === undefined).length);
  });

  it('serialise with every field in report order, the text included', () => {
    for (let i = 0; i < 20; i++) {
      const report = evaluate(generateSnapshot(7, i, AS_OF), { ruleSet: 'west-berkshire', asOf: AS_OF });
      const json = JSON.parse(JSON.stringify(report)) as { obligations: Record<string, unknown>[]; breaches: Record<string, unknown>[] };
      json.obligations.forEach((o, k) => {
        expect(Object.keys(o).slice(0, FIELDS.length)).toEqual(FIELDS);
        expect(o.explanation).toBe(report.obligations[k]!.explanation);
        expect(o.trace).toEqual(report.obligations[k]!.trace);
      });
      // What a worker thread is sent (the JSON, parsed) is plain data that clones whole.
      expect(structuredClone(json)).toEqual(json);
    }
  });

  it('refuse to write text for a snapshot changed after it was evaluated', () => {
    const snapshot: CaseSnapshot = {
      caseId: 'C-1',
      child: { dateOfBirth: '2015-05-01' },
      events: [
        { id: 'e1', type: 'child-in-need-plan-started', date: '2024-01-08' },
        { id: 'e2', type: 'visit', date: '2024-01-20', mode: 'in-person' },
      ],
    };
    const report = evaluate(snapshot, { ruleSet: 'leeds-2023', asOf: AS_OF });
    const visits = report.obligations.filter((o) => o.ruleId === 'leeds.visits.child-in-need');
    expect(visits[0]!.status).toBe('met');
    (snapshot.events[1] as { date: string }).date = '2024-03-20';
    let thrown: unknown;
    try {
      void visits[0]!.explanation;
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TimescaleError);
    expect((thrown as TimescaleError).code).toBe('snapshot-changed');
  });
});
