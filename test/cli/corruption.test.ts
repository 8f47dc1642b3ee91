import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvSnapshots } from '../../src/cli/input/csv.js';
import { readJsonDocument } from '../../src/cli/input/json.js';
import { readJsonLines } from '../../src/cli/input/jsonl.js';
import type { RecordSource } from '../../src/cli/input/record.js';
import { Utf8Text } from '../../src/cli/input/utf8.js';
import { processRecords } from '../../src/cli/pipeline.js';
import { generateSnapshot } from '../../src/index.js';

/**
 * Random corruption of a valid input, line by line: a stray quote, random bytes or garbage put
 * into a line, garbage lines put between lines, and the file cut short. Every case whose lines
 * were all left alone must come back, as a result or as an error naming it, and the closing
 * counts must add up.
 */
type Damage = { kind: 'none' } | { kind: 'quote'; at: number } | { kind: 'bytes'; at: number; bytes: Uint8Array } | { kind: 'replace'; text: string };

interface Plan {
  readonly damage: readonly Damage[]; // one per line after the first
  readonly inserted: readonly (string | undefined)[]; // a garbage line after each line
  readonly cut: number; // cut the file at this fraction of its length (1: not cut)
}

function planOf(lines: number, bytes: fc.Arbitrary<Uint8Array>, garbage: fc.Arbitrary<string>): fc.Arbitrary<Plan> {
  const damage: fc.Arbitrary<Damage> = fc.oneof(
    { weight: 6, arbitrary: fc.constant<Damage>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.nat().map<Damage>((at) => ({ kind: 'quote', at })) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), bytes).map<Damage>(([at, b]) => ({ kind: 'bytes', at, bytes: b })) },
    { weight: 1, arbitrary: garbage.map<Damage>((text) => ({ kind: 'replace', text })) },
  );
  return fc.record({
    damage: fc.array(damage, { minLength: lines - 1, maxLength: lines - 1 }),
    inserted: fc.array(fc.option(garbage, { freq: 5, nil: undefined }), { minLength: lines, maxLength: lines }),
    cut: fc.oneof(fc.constant(1), fc.double({ min: 0.3, max: 1, noNaN: true })),
  });
}

/** Applies a plan; returns the bytes and which of the original lines are whole in them. */
function corrupt(lines: readonly string[], plan: Plan): { bytes: Buffer; intact: boolean[] } {
  const parts: Buffer[] = [];
  const ends: { line: number; end: number; touched: boolean }[] = [];
  let size = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  lines.forEach((line, i) => {
    const d = i === 0 ? { kind: 'none' as const } : plan.damage[i - 1]!;
    let b = Buffer.from(line);
    if (d.kind === 'quote') b = Buffer.concat([b.subarray(0, d.at % (b.length + 1)), Buffer.from('"'), b.subarray(d.at % (b.length + 1))]);
    else if (d.kind === 'bytes') b = Buffer.concat([b.subarray(0, d.at % (b.length + 1)), Buffer.from(d.bytes), b.subarray(d.at % (b.length + 1))]);
    else if (d.kind === 'replace') b = Buffer.from(d.text);
    push(Buffer.concat([b, Buffer.from('\n')]));
    ends.push({ line: i, end: size, touched: d.kind !== 'none' });
    const extra = plan.inserted[i];
    if (extra !== undefined && i > 0) push(Buffer.from(`${extra}\n`));
  });
  const all = Buffer.concat(parts);
  const cutAt = plan.cut >= 1 ? all.length : Math.floor(all.length * plan.cut);
  const intact = ends.map((e) => !e.touched && e.end <= cutAt);
  return { bytes: all.subarray(0, cutAt), intact };
}

async function* decoded(bytes: Buffer, chunk: number): AsyncGenerator<string> {
  const d = new Utf8Text();
  for (let i = 0; i < bytes.length; i += chunk) yield d.write(bytes.subarray(i, i + chunk));
  yield d.end();
}

/** The case ids that come back, and whether the counts add up. */
async function returned(source: RecordSource): Promise<{ ids: Set<string>; balanced: boolean }> {
  const ids = new Set<string>();
  const counts = await processRecords(source, {
    accept: (s) => void ids.add('caseId' in s ? s.caseId : s.workerId),
    reject: (r) => void (r.caseId !== undefined && ids.add(r.caseId)),
    flush: async () => {},
  });
  return { ids, balanced: counts.read === counts.evaluated + counts.rejected };
}

const anyBytes = fc.uint8Array({ minLength: 1, maxLength: 6 });
const anyGarbage = fc.string({ maxLength: 30, unit: 'binary' });
// A stray brace in a JSON array can join the elements on the lines after it (see json.ts), so
// the JSON document is damaged with anything but braces and brackets.
const noBrackets = (s: string) => s.replace(/[{}[\]]/g, '');
const jsonBytes = anyBytes.map((b) => b.map((x) => ([0x7b, 0x7d, 0x5b, 0x5d].includes(x) ? 0x78 : x)));
const jsonGarbage = anyGarbage.map(noBrackets);

// Small generated cases (the first events of each), so a run takes milliseconds.
const snapshots = (n: number) => Array.from({ length: n }, (_, i) => {
  const s = generateSnapshot(11, i);
  return { caseId: `case-${i}`, child: s.child, events: s.events.slice(0, 4) };
});
const chunkSize = fc.integer({ min: 7, max: 2000 });

describe('random corruption of a valid file: every case from the parts left whole comes back', () => {
  it('JSON Lines', async () => {
    const cases = snapshots(12);
    const lines = ['', ...cases.map((c) => JSON.stringify(c))]; // a blank first line, left whole
    await fc.assert(
      fc.asyncProperty(planOf(lines.length, anyBytes, anyGarbage), chunkSize, async (plan, chunk) => {
        const { bytes, intact } = corrupt(lines, plan);
        const { ids, balanced } = await returned(readJsonLines(decoded(bytes, chunk)));
        expect(balanced).toBe(true);
        cases.forEach((c, i) => {
          if (intact[i + 1]) expect(ids.has(c.caseId), c.caseId).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('CSV, where a case spans rows', async () => {
    const header = 'caseId,dateOfBirth,eventId,type,date,mode';
    const rows: { text: string; caseId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const id = `k${i}`;
      rows.push({ text: `${id},2015-02-03,r${i},referral,2024-03-01,`, caseId: id });
      for (let v = 0; v < i % 3; v++) rows.push({ text: `${id},,v${i}-${v},visit,2024-03-0${v + 2},in-person`, caseId: id });
    }
    const lines = [header, ...rows.map((r) => r.text)];
    await fc.assert(
      fc.asyncProperty(planOf(lines.length, anyBytes, anyGarbage), chunkSize, async (plan, chunk) => {
        const { bytes, intact } = corrupt(lines, plan);
        const { ids, balanced } = await returned(readCsvSnapshots(decoded(bytes, chunk)));
        expect(balanced).toBe(true);
        const whole = new Map<string, boolean>();
        rows.forEach((r, i) => whole.set(r.caseId, (whole.get(r.caseId) ?? true) && intact[i + 1]!));
        for (const [id, ok] of whole) if (ok) expect(ids.has(id), id).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('a JSON array, one element a line', async () => {
    const cases = snapshots(12);
    const lines = ['[', ...cases.map((c, i) => `${JSON.stringify(c)}${i < cases.length - 1 ? ',' : ''}`), ']'];
    await fc.assert(
      fc.asyncProperty(planOf(lines.length, jsonBytes, jsonGarbage), chunkSize, async (plan, chunk) => {
        const { bytes, intact } = corrupt(lines, plan);
        const { ids, balanced } = await returned(readJsonDocument(decoded(bytes, chunk)));
        expect(balanced).toBe(true);
        cases.forEach((c, i) => {
          if (intact[i + 1]) expect(ids.has(c.caseId), c.caseId).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
