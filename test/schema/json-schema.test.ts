import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { snapshotJsonSchemas } from '../../scripts/json-schemas.js';
import { CaseSnapshot } from '../../src/schemas/case-snapshot.js';

const schemas = snapshotJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateCase = ajv.compile(schemas['case-snapshot.schema.json'] as object);
const validateWorker = ajv.compile(schemas['worker-snapshot.schema.json'] as object);

const good = {
  caseId: 'C-001',
  child: { dateOfBirth: '2015-05-01' },
  events: [
    { id: 'e1', type: 'child-in-need-plan-started', date: '2024-01-08' },
    { id: 'e2', type: 'visit', date: '2024-03-04', mode: 'in-person', seenAlone: true },
    { id: 'e3', type: 'section-47-started', date: '2024-03-10', at: '2024-03-10T10:00:00+00:00' },
    { id: 'e4', type: 'placement-started', date: '2024-03-12', placementId: 'p1', kind: 'foster', intendedUntil18: true },
  ],
  variations: [
    { kind: 'interval', id: 'v1', ruleId: 'leeds.visits.child-in-need', interval: { weeks: 1 }, agreedBy: ['team-manager'], agreedOn: '2024-01-08' },
  ],
};

describe('the shipped JSON Schema (draft 2020-12)', () => {
  it('declares draft 2020-12', () => {
    expect((schemas['case-snapshot.schema.json'] as { $schema: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a snapshot the zod schema accepts', () => {
    expect(CaseSnapshot.safeParse(good).success).toBe(true);
    expect(validateCase(good), JSON.stringify(validateCase.errors)).toBe(true);
  });

  it.each([
    ['an impossible date', { ...good, child: { dateOfBirth: '2023-02-29' } }],
    ['a day-first date', { ...good, child: { dateOfBirth: '05/01/2024' } }],
    ['an unknown event type', { ...good, events: [{ id: 'x', type: 'tea-party', date: '2024-01-01' }] }],
    ['a visit without its mode', { ...good, events: [{ id: 'x', type: 'visit', date: '2024-01-01' }] }],
    ['a date-time without an offset', { ...good, events: [{ id: 'x', type: 'referral', date: '2024-01-01', at: '2024-01-01T09:00:00' }] }],
    ['no case id', { child: good.child, events: [] }],
  ])('rejects %s, as the zod schema does', (_name, snapshot) => {
    expect(CaseSnapshot.safeParse(snapshot).success).toBe(false);
    expect(validateCase(snapshot)).toBe(false);
  });

  it('validates worker snapshots too', () => {
    const worker = { workerId: 'w1', role: 'newly-qualified-social-worker', startedOn: '2024-01-08', events: [{ id: 's1', type: 'supervision-session', date: '2024-01-12' }] };
    expect(validateWorker(worker)).toBe(true);
    expect(validateWorker({ ...worker, role: 'wizard' })).toBe(false);
  });
});
