import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CaseEvent, PlacementKind, Role, TimescaleError, VisitMode, evaluate, generateCaseload, generateSnapshot, validateSnapshot, type CaseSnapshot } from '../../src/index.js';
import { SAMPLE_RULES } from './sample-rules.js';

const sample = (n: number, seed = 11, asOf?: string) => [...generateCaseload({ cases: n, seed, ...(asOf ? { asOf } : {}) })];

describe('generateSnapshot', () => {
  it('is deterministic: the same seed and index give the same snapshot', () => {
    expect(generateSnapshot(5, 17)).toEqual(generateSnapshot(5, 17));
    expect(generateSnapshot(5, 17, '2030-06-30')).toEqual(generateSnapshot(5, 17, '2030-06-30'));
  });

  it('differs between seeds and between indexes', () => {
    expect(generateSnapshot(5, 17)).not.toEqual(generateSnapshot(6, 17));
    expect(generateSnapshot(5, 17).events).not.toEqual(generateSnapshot(5, 18).events);
  });

  it('never uses Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    sample(50);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('always validates, for any seed, index and as-of date', () => {
    const asOf = fc.integer({ min: Date.UTC(2008, 0, 1), max: Date.UTC(2039, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer(), fc.nat(1_000_000), asOf, (seed, index, day) => {
        const s = generateSnapshot(seed, index, day);
        expect(() => validateSnapshot(s)).not.toThrow();
        expect(s.events.every((e) => e.date <= day && e.date >= s.child.dateOfBirth)).toBe(true);
        expect(s.events.map((e) => e.date)).toEqual(s.events.map((e) => e.date).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('generates near the end of the calendar, where a due date can fall past its last day', () => {
    const s = generateSnapshot(266708862, 3, '2039-12-16');
    expect(() => validateSnapshot(s)).not.toThrow();
    expect(s.events.every((e) => e.date <= '2039-12-16')).toBe(true);
  });

  it('refuses bad arguments with a TimescaleError', () => {
    expect(() => generateSnapshot(1.5, 0)).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['seed'] }));
    expect(() => generateSnapshot(1, -1)).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['index'] }));
    expect(() => generateSnapshot(1, 0, '2024-02-30')).toThrow(expect.objectContaining({ code: 'invalid-date', path: ['asOf'] }));
    expect(() => generateSnapshot(1, 0, '1999-01-01')).toThrow(expect.objectContaining({ code: 'out-of-calendar-range' }));
  });
});

describe('generateCaseload', () => {
  it('yields the requested number of snapshots, each the snapshot at its index, with unique case ids', () => {
    const cases = sample(40, 3);
    expect(cases).toHaveLength(40);
    expect(cases[7]).toEqual(generateSnapshot(3, 7));
    expect(new Set(cases.map((c) => c.caseId)).size).toBe(40);
    expect(sample(0)).toEqual([]);
  });

  it('refuses bad options when iteration starts', () => {
    expect(() => [...generateCaseload({ cases: -1, seed: 1 })]).toThrow(TimescaleError);
    expect(() => [...generateCaseload({ cases: 2.5, seed: 1 })]).toThrow(expect.objectContaining({ code: 'invalid-option', path: ['cases'] }));
    expect(() => [...generateCaseload(null as never)]).toThrow(TimescaleError);
    expect(() => [...generateCaseload({ cases: 1, seed: 1, asOf: 'today' })]).toThrow(expect.objectContaining({ code: 'invalid-date' }));
  });
});

describe('a generated caseload is realistic and fictional', () => {
  const caseload = sample(1500);
  const events = caseload.flatMap((c) => c.events);
  const types = new Set(events.map((e) => e.type));

  it('mixes every kind of case the standards cover', () => {
    for (const type of [
      'referral', 'decision-to-assess', 'assessment-authorised', 'child-in-need-plan-started', 'child-in-need-review', 'strategy-discussion',
      'section-47-started', 'initial-child-protection-conference', 'child-protection-plan-started', 'core-group-meeting',
      'review-child-protection-conference', 'report-shared', 'became-looked-after', 'placement-started', 'placement-ended', 'looked-after-review',
      'permanence-agreed', 'pep-meeting', 'pep-review', 'health-assessment', 'missing-episode-started', 'return-interview',
      'private-fostering-notified', 'pathway-plan-review', 'significant-event', 'case-supervision', 'chronology-updated', 'visit',
    ]) {
      expect(types, type).toContain(type);
    }
    const kinds = new Set(events.flatMap((e) => (e.type === 'placement-started' ? [e.kind] : [])));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect(caseload.some((c) => c.child.careLeaver)).toBe(true);
    expect(caseload.some((c) => c.child.needsAdultServices)).toBe(true);
  });

  it('has timed events for the hour-based duties, visits of every mode, and visits where the child was not seen', () => {
    expect(events.some((e) => e.type === 'section-47-started' && e.at !== undefined)).toBe(true);
    expect(events.some((e) => e.type === 'missing-episode-ended' && e.at !== undefined)).toBe(true);
    const visits = events.filter((e): e is Extract<CaseEvent, { type: 'visit' }> => e.type === 'visit');
    expect(new Set(visits.map((v) => v.mode))).toEqual(new Set(VisitMode.options.filter((m) => m !== 'not-recorded')));
    expect(visits.some((v) => v.childSeen === false)).toBe(true);
    expect(visits.some((v) => v.unannounced)).toBe(true);
  });

  it('has variations of both kinds, and school terms for some children but not all of school age', () => {
    const variations = caseload.flatMap((c) => c.variations ?? []);
    expect(new Set(variations.map((v) => v.kind))).toEqual(new Set(['interval', 'exception']));
    expect(caseload.some((c) => c.schoolTerms)).toBe(true);
    expect(caseload.some((c) => !c.schoolTerms && c.events.some((e) => e.type === 'pep-meeting'))).toBe(true);
  });

  it('groups by team-N and worker-N ids', () => {
    for (const c of caseload) {
      expect(c.team).toMatch(/^team-\d+$/);
      expect(c.worker).toMatch(/^worker-\d+$/);
    }
    expect(new Set(caseload.map((c) => c.team)).size).toBeGreaterThan(5);
  });

  it('holds no names or free text: every text value is an id, a date, a category or a fixed reason', () => {
    const categories = new Set<string>([...Role.options, ...VisitMode.options, ...PlacementKind.options, 'parents', 'chair', 'meeting', 'discussion', 'interval', 'exception', 'section-20', 'interim-care-order', 'care-order', 'placement-order', 'police-protection', 'remand', 'other', 'same', 'different']);
    const reasons = new Set<string>();
    const unexpected: string[] = [];
    const ok = (s: string) =>
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+0[01]:00)?$/.test(s) || /^(case-\d+-\d+|team-\d+|worker-\d+|[a-z]\d+)$/.test(s) || /^[a-z]+(\.[a-z0-9-]+)+$/.test(s) || categories.has(s) || CaseEvent.def.options.some((o) => o.shape.type.def.values[0]! === s);
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string') {
        if (key === 'reason') reasons.add(v);
        else if (!ok(v)) unexpected.push(`${key}: ${v}`);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    caseload.forEach((c: CaseSnapshot) => walk(c, ''));
    expect(unexpected).toEqual([]);
    // A handful of fixed sentences, never anything about a child.
    expect(reasons.size).toBeLessThanOrEqual(5);
  });

  it('gives reports with breaches, and reports without', () => {
    const reports = caseload.slice(0, 300).map((c) => evaluate(c, { ruleSet: SAMPLE_RULES, asOf: '2024-04-09' }));
    const withBreaches = reports.filter((r) => r.breaches.length > 0).length;
    expect(withBreaches).toBeGreaterThan(30);
    expect(withBreaches).toBeLessThan(300);
    const met = reports.reduce((n, r) => n + r.counts.met, 0);
    const breaches = reports.reduce((n, r) => n + r.breaches.length, 0);
    // Mostly on time.
    expect(met).toBeGreaterThan(breaches * 2);
  });
});
