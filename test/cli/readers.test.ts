import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvSnapshots } from '../../src/cli/input/csv.js';
import { readJsonDocument } from '../../src/cli/input/json.js';
import { readJsonLines } from '../../src/cli/input/jsonl.js';
import { sniffFormat } from '../../src/cli/input/open.js';
import type { InputRecord, RecordSource } from '../../src/cli/input/record.js';
import { SeenIds } from '../../src/cli/seen-ids.js';
import { CASES, CASES_CSV } from './fixtures/caseload.js';

async function all(source: RecordSource): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const batch of source) out.push(...batch);
  return out;
}

/** Cuts a text into chunks at the given positions, as a stream would deliver it. */
async function* chunked(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= text.length) continue;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

const snapshotLike = fc.record({
  caseId: fc.string({ minLength: 1, maxLength: 12 }),
  note: fc.string({ maxLength: 20 }), // braces, brackets, quotes and backslashes inside strings
  events: fc.array(fc.record({ id: fc.string(), nested: fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null))) }), { maxLength: 3 }),
});

describe('readers', () => {
  it('split a JSON array into its records wherever the chunks are cut, with the line each starts on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(snapshotLike, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (values, cuts, pretty) => {
        const text = pretty ? JSON.stringify(values, null, 2) : JSON.stringify(values);
        const records = await all(readJsonDocument(chunked(text, cuts.map((c) => c % (text.length + 1)))));
        expect(records.map((r) => r.value)).toEqual(values);
        expect(records.every((r) => r.problems.length === 0)).toBe(true);
        if (pretty) {
          // In pretty JSON each element of the array starts on the line after the previous one ends.
          const lines = text.split('\n');
          for (const r of records) expect(lines[r.line - 1]!.trim()).toBe('{');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('read JSON Lines wherever the chunks are cut, with CRLF, blank lines and no final newline', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(snapshotLike, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (values, cuts) => {
        const text = values.map((v) => JSON.stringify(v)).join('\r\n\r\n');
        const records = await all(readJsonLines(chunked(text, cuts.map((c) => c % (text.length + 1)))));
        expect(records.map((r) => r.value)).toEqual(values);
        expect(records.map((r) => r.line)).toEqual(values.map((_, i) => 2 * i + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('name the case of a broken JSON line when its id is legible, and nothing else from it', async () => {
    const [r] = await all(readJsonLines(chunked('{"caseId":"K\\"7","child":{"dateOfBirth":"2015-01-01"', [])));
    expect(r).toMatchObject({ line: 1, caseId: 'K"7', problems: [{ code: 'invalid-json' }] });
    expect(r!.problems[0]!.message).not.toContain('2015');
  });

  it('group CSV rows into one snapshot per case, whatever the chunks', async () => {
    const expected = CASES.map((c) => ({ ...c, child: { ...c.child }, events: c.events.map((e) => ({ ...e })) }));
    for (const cuts of [[], [1], [50, 51, 52], [CASES_CSV.indexOf('E,,,')]]) {
      const records = await all(readCsvSnapshots(chunked(CASES_CSV, cuts)));
      expect(records.map((r) => r.value)).toEqual(expected);
      expect(records.map((r) => r.line)).toEqual([2, 4, 6, 7, 8]);
      expect(records[4]!.eventLines).toEqual([8, 9, 10, 11]);
    }
  });

  it('convert CSV cells to the types the schema expects', async () => {
    const csv = 'caseId,dateOfBirth,careLeaver,eventId,type,date,mode,seenAlone,sharedWith,forEventId,shortBreakHoursPerYear,placementId,kind\n' +
      'T,2006-01-01,TRUE,v,visit,2024-01-02,in-person,false,,,,,\n' +
      'T,,,r,report-shared,2024-01-03,,,parents; carers,m,,,\n' +
      'T,,,p,placement-started,2024-01-04,,,,,72.5,pl-1,short-break-series\n' +
      'T\n';
    const [r] = await all(readCsvSnapshots(chunked(csv, [])));
    expect(r!.problems).toEqual([
      expect.objectContaining({ code: 'csv-row-length', line: 5 }),
    ]);
    const csvOk = csv.split('\n').slice(0, 4).join('\n');
    const [ok] = await all(readCsvSnapshots(chunked(csvOk, [])));
    expect(ok!.value).toEqual({
      caseId: 'T',
      child: { dateOfBirth: '2006-01-01', careLeaver: true },
      events: [
        { id: 'v', type: 'visit', date: '2024-01-02', mode: 'in-person', seenAlone: false },
        { id: 'r', type: 'report-shared', date: '2024-01-03', sharedWith: ['parents', 'carers'], forEventId: 'm' },
        { id: 'p', type: 'placement-started', date: '2024-01-04', shortBreakHoursPerYear: 72.5, placementId: 'pl-1', kind: 'short-break-series' },
      ],
    });
  });

  it('read the care history date and the new event fields (final hearing outcome, linked strategy discussion)', async () => {
    const csv = 'caseId,dateOfBirth,careHistoryFrom,eventId,type,date,outcome,strategyDiscussionId\n' +
      'H,2008-02-10,2008-02-10,fh,final-hearing,2024-06-03,care-order,\n' +
      'H,,,s47,section-47-started,2024-12-16,,sd\n';
    const [r] = await all(readCsvSnapshots(chunked(csv, [])));
    expect(r!.value).toEqual({
      caseId: 'H',
      child: { dateOfBirth: '2008-02-10', careHistoryFrom: '2008-02-10' },
      events: [
        { id: 'fh', type: 'final-hearing', date: '2024-06-03', outcome: 'care-order' },
        { id: 's47', type: 'section-47-started', date: '2024-12-16', strategyDiscussionId: 'sd' },
      ],
    });
  });

  it('recognise the format of stdin from its first chunk', () => {
    expect(sniffFormat('  [\n{"caseId"')).toBe('json');
    expect(sniffFormat('{"caseId":"a"}\n{"caseId":"b"}')).toBe('jsonl');
    expect(sniffFormat('{"caseId":"a"}')).toBe('jsonl');
    expect(sniffFormat('{\n  "caseId": "a"\n}')).toBe('json');
    expect(sniffFormat('caseId,dateOfBirth\n')).toBe('csv');
  });
});

describe('SeenIds', () => {
  it('remembers every id added, and only those', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 10 }), { maxLength: 300 }), (ids) => {
        const seen = new SeenIds();
        const plain = new Set<string>();
        for (const id of ids) {
          const isNew = !plain.has(id);
          plain.add(id);
          expect(seen.add(id)).toBe(isNew);
        }
      }),
    );
  });

  /** Any UTF-16 code unit, lone surrogates and units above 255 included. */
  const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });

  it('reports exactly the duplicates a plain set would, for ids of any code units', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyUnits, fc.string({ maxLength: 6 })), { maxLength: 300 }), (ids) => {
        const seen = new SeenIds();
        const plain = new Set<string>();
        for (const id of [...ids, ...ids.slice(0, 20)]) {
          expect(seen.add(id)).toBe(!plain.has(id));
          plain.add(id);
        }
      }),
    );
  });

  it('never takes a shared hash for a duplicate: a match is confirmed on the id itself', () => {
    // A hash with a handful of values, so that most ids share one with another id.
    const poor = (id: string) => (id.length === 0 ? 0 : id.charCodeAt(0) % 3);
    fc.assert(
      fc.property(fc.array(anyUnits, { maxLength: 200 }), (ids) => {
        const seen = new SeenIds({ hash: poor });
        const plain = new Set<string>();
        for (const id of [...ids, ...ids.slice(0, 20)]) {
          expect(seen.add(id)).toBe(!plain.has(id));
          plain.add(id);
        }
      }),
    );
    const seen = new SeenIds({ hash: () => 7 });
    expect(['case:a', 'case:b', 'case:\u0101', 'case:a\u0000', 'case:a', 'case:\u0101'].map((id) => seen.add(id))).toEqual([true, true, true, true, false, false]);
  });

  it('keeps ids that differ only above the low byte of a code unit apart', () => {
    const seen = new SeenIds();
    expect([seen.add('case:\u0141'), seen.add('case:\u0041'), seen.add('case:A'), seen.add('case:\u0141')]).toEqual([true, true, false, false]);
  });

  it('agrees with a plain set across chunk ends and as its table grows, ids longer than a chunk included', () => {
    const slots = fc.integer({ min: 0, max: 3 }).map((k) => 2 ** k);
    const hashes = fc.constantFrom<((id: string) => number) | undefined>(undefined, (id) => id.length % 2, () => 0xffffffff);
    const longIds = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), minLength: 20, maxLength: 40 });
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 48 }), slots, hashes, fc.array(fc.oneof(anyUnits, fc.string({ maxLength: 6 }), longIds), { maxLength: 200 }), (chunkBytes, first, hash, ids) => {
        const seen = new SeenIds({ chunkBytes, slots: first, ...(hash ? { hash } : {}) });
        const plain = new Set<string>();
        for (const id of [...ids, ...ids.slice(0, 50), ...ids.map((id) => `${id}\u0100`)]) {
          expect(seen.add(id)).toBe(!plain.has(id));
          plain.add(id);
        }
        for (const id of plain) expect(seen.add(id)).toBe(false);
      }),
    );
  });

  it('holds 400,000 ids as generated in under 42 bytes each, arena and table together', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 400_000; i++) seen.add(`case:case-2024-${i}`);
    // An arena that doubles by copying and a table of hashes beside it held about 60 bytes an id here.
    expect(seen.bytesHeld / 400_000).toBeLessThan(42);
    expect(seen.add('case:case-2024-399999')).toBe(false);
  });

  it('keeps a hundred thousand ids apart', () => {
    const seen = new SeenIds();
    let added = 0;
    for (let i = 0; i < 100_000; i++) if (seen.add(`case-${i}`)) added++;
    let again = 0;
    for (let i = 0; i < 100_000; i += 997) if (seen.add(`case-${i}`)) again++;
    expect([added, again]).toEqual([100_000, 0]);
  });
});
