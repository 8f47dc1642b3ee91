import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { ZodMiniType } from 'zod/mini';
import { CaseSnapshot, WorkerSnapshot, generateSnapshot } from '../../src/index.js';
import { compileAcceptor } from '../../src/engine/accept.js';

const acceptsCase = compileAcceptor(CaseSnapshot)!;
const acceptsWorker = compileAcceptor(WorkerSnapshot)!;

/** What the fast check must say: zod accepts the value and returns it unchanged. */
function zodKeepsAsIs(schema: ZodMiniType, value: unknown): boolean {
  const r = schema.safeParse(value);
  return r.success && isDeepStrictEqual(r.data, value);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a JSON value. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], change: (parent: Record<string | number, unknown>, key: string | number) => void): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return copy;
  let parent = copy as unknown as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

const nearDates = fc.constantFrom('2023-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '2024-1-05', '2024-13-01', '2024-04-31', '0000-01-01', '9999-12-31', '2024-01-05T10:00:00Z', '2024-03-04T09:30:00+01:00', '2024-03-04T09:30:00', '2024-03-04T24:00:00Z', '05/01/2024', '', ' 2024-01-05');
const replacement = fc.oneof(nearDates, fc.anything({ maxDepth: 2 }), fc.constantFrom(undefined, null, 0, -1, 1.5, 70, 'visit', 'in-person', 'team-manager', [], {}));

describe('the fast snapshot check agrees with zod', () => {
  it('accepts every generated snapshot, which zod returns unchanged', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(100_000), (seed, index) => {
        const s = generateSnapshot(seed, index);
        expect(acceptsCase(s)).toBe(true);
        expect(zodKeepsAsIs(CaseSnapshot, s)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('after any one change (a value replaced, a key removed or added), says exactly what zod does', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.nat(), replacement, fc.constantFrom('replace', 'delete', 'add'), (index, pick, value, how) => {
        const s = generateSnapshot(7, index) as unknown as Json;
        const all = paths(s);
        const path = all[pick % all.length]!;
        const changed = setAt(s, path, (parent, key) => {
          if (how === 'replace') parent[key] = value;
          else if (how === 'delete' && !Array.isArray(parent)) delete parent[key];
          else if (!Array.isArray(parent)) parent[`${String(key)}Extra`] = value;
          else parent[key] = value;
        });
        expect(acceptsCase(changed), JSON.stringify({ path, how, value })).toBe(zodKeepsAsIs(CaseSnapshot, changed));
      }),
      { numRuns: 1500 },
    );
    // 1,500 zod parses of whole snapshots: seconds on a shared machine, not a speed goal.
  }, 60_000);

  it('on worker snapshots too', () => {
    const worker = {
      workerId: 'worker-7',
      role: 'social-worker',
      startedOn: '2024-01-08',
      periods: [{ kind: 'returning-to-work', start: '2024-01-08', end: '2024-03-01' }],
      events: [{ type: 'supervision-session', id: 's1', date: '2024-01-15', kind: 'personal' }],
    } as unknown as Json;
    expect(acceptsWorker(worker)).toBe(true);
    fc.assert(
      fc.property(fc.nat(), replacement, (pick, value) => {
        const all = paths(worker);
        const changed = setAt(worker, all[pick % all.length]!, (parent, key) => {
          parent[key] = value;
        });
        expect(acceptsWorker(changed)).toBe(zodKeepsAsIs(WorkerSnapshot, changed));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a list of dates it accepted before without reading it again, and checks any other list afresh', () => {
    const closures = z.object({ closures: z.array(z.iso.date()) });
    const accepts = compileAcceptor(closures)!;
    const dates = fc.array(fc.oneof(fc.constantFrom('2024-01-05', '2024-02-29', '2023-02-29', '2024-13-01', '2024-1-05', ''), fc.string({ maxLength: 10 })), { maxLength: 12 });
    // Lists remembered, then lists that differ from one of them in one place: the same answer as zod every time.
    fc.assert(
      fc.property(fc.array(dates, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), fc.string({ maxLength: 10 }), (lists, pick, at, value) => {
        for (const list of lists) expect(accepts({ closures: list })).toBe(zodKeepsAsIs(closures, { closures: list }));
        const changed = [...lists[pick % lists.length]!];
        if (changed.length > 0) changed[at % changed.length] = value;
        expect(accepts({ closures: changed })).toBe(zodKeepsAsIs(closures, { closures: changed }));
        expect(accepts({ closures: [...changed, '2024-01-05'] })).toBe(zodKeepsAsIs(closures, { closures: [...changed, '2024-01-05'] }));
      }),
      { numRuns: 500 },
    );
    const school = Array.from({ length: 40 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`);
    expect(accepts({ closures: school })).toBe(true);
    expect(accepts({ closures: [...school.slice(0, 39), '2024-02-30'] })).toBe(false);
    expect(accepts({ closures: [...school.slice(0, 39), 20240101] })).toBe(false);
    expect(accepts({ closures: school.slice(0, 39) })).toBe(true);
  });

  it('declines schemas it does not understand, so zod is used for them', () => {
    expect(compileAcceptor(z.object({ when: z.date() }))).toBeUndefined();
    expect(compileAcceptor(z.union([z.string(), z.number()]))).toBeUndefined();
    expect(compileAcceptor(z.object({ n: z.number().multipleOf(5) }))).toBeUndefined();
  });
});
