import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englandAndWales } from '../../src/index.js';
import { bareContext, buildInTemp, type BareContext, type TempBuild } from '../sheets/bundles.js';

interface FunctionMetadata {
  id: string;
  name: string;
  parameters: { name: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

let built: TempBuild;
let metadata: FunctionMetadata[];
let excel: BareContext;
let registered: Map<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  built = await buildInTemp(['excel']);
  metadata = (JSON.parse(built.read('excel/functions.json')) as { functions: FunctionMetadata[] }).functions;
  registered = new Map();
  excel = bareContext({
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
      Error: class {
        constructor(
          readonly code: string,
          readonly message?: string,
        ) {}
      },
    },
  });
  excel.run(built.read('excel/functions.js'));
}, 120_000);
afterAll(() => built.remove());

describe('the Excel custom functions bundle', { timeout: 60_000 }, () => {
  it('registers every function in functions.json, and only those', () => {
    expect(metadata.length).toBeGreaterThan(0);
    expect([...registered.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
  });

  it('loads with no Node globals and never builds code from strings', () => {
    expect(excel.run('typeof require + typeof process')).toBe('undefinedundefined');
    registered.get('TIMESCALE_RULES')!(null);
    expect(excel.codeGenerations()).toBe(0);
  });

  it('declares every parameter and result as a range, so whole columns go in and spill out', () => {
    for (const f of metadata) {
      expect(f.name).toBe(f.id);
      expect(f.result.dimensionality).toBe('matrix');
      for (const p of f.parameters) expect(p.dimensionality, `${f.id} ${p.name}`).toBe('matrix');
    }
    expect(metadata.find((f) => f.id === 'WORKDAYS_ADD')!.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ['date', false],
      ['n', false],
      ['closures', true],
    ]);
  });

  it('answers with serial dates as Excel passes them, with null for an omitted argument', () => {
    // 45646 is Fri 2024-12-20; 10 working days on is Wed 2025-01-08, serial 45665.
    expect(registered.get('WORKDAYS_ADD')!([[45646], [''], ['x']], [[10]], null)).toEqual([[45665], [''], [{ code: '#VALUE!', message: expect.stringMatching(/YYYY-MM-DD/) }]]);
    const calendar = englandAndWales();
    expect(registered.get('IS_WORKDAY')!([[45651]], null)).toEqual([[calendar.isWorkingDay('2024-12-25')]]);
    expect(registered.get('TIMESCALE_RULES')!(null)).toEqual(expect.arrayContaining([['Rule id', 'Title', 'Timescale', 'Rule set', 'Kind']]));
  });

  it('gives Excel error values: #N/A for an unknown rule or rule set, #VALUE! for a cell it cannot read, other cells unaffected', () => {
    const out = registered.get('TIMESCALE_STATUS')!([['leeds.visits.child-in-need'], ['constructor'], ['leeds.visits.child-in-need']], [[45299]], [[45348], [''], ['26/02/2024']], [[45379]]) as unknown[][];
    expect(out[0]).toEqual(['overdue']);
    expect(out[1]).toEqual([{ code: '#N/A', message: expect.stringMatching(/^This is not a rule id these functions know/) }]);
    expect(out[2]).toEqual([{ code: '#VALUE!', message: expect.stringMatching(/done date is text that is not a date/) }]);
    expect(registered.get('TIMESCALE_RULES')!([['__proto__']])).toEqual([[{ code: '#N/A', message: expect.stringMatching(/^This is not a rule set these functions know/) }]]);
  });

  it('stays under its size ceiling without date-holidays', () => {
    const inputs = Object.entries(built.build.inputs.excel);
    expect(inputs.some(([path]) => path.includes('date-holidays'))).toBe(false);
    const code = inputs.filter(([path]) => !/^rules\/[^/]+\.json$/.test(path)).reduce((n, [, bytes]) => n + bytes, 0);
    // The whole engine and zod run in the add-in (about 205 kB); every country's holidays would be megabytes.
    expect(code).toBeLessThan(256 * 1024);
    expect(Buffer.byteLength(built.read('excel/functions.js'))).toBeLessThan(600 * 1024);
  });
});

describe('the add-in manifest', () => {
  let manifest: string;
  beforeAll(() => {
    manifest = built.read('excel/manifest.xml');
  });

  it('defines every resource it refers to', () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined, id).toContain(id);
  });

  it('runs the custom functions in the shared runtime of the task pane page, in the TIMESCALES namespace', () => {
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Page>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    // Error values (CustomFunctions.Error) need the custom functions runtime 1.2.
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.2"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="TIMESCALES"\/>/);
  });

  it('points only at files the build writes, under one placeholder address', () => {
    const urls = [...manifest.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]!);
    for (const url of urls) {
      expect(url.startsWith('https://localhost:3000/')).toBe(true);
      expect(() => built.read(`excel/${url.slice('https://localhost:3000/'.length)}`), url).not.toThrow();
    }
  });

  it('loads office.js and then functions.js from the task pane page', () => {
    const page = built.read('excel/taskpane.html');
    expect(page.indexOf('office.js')).toBeGreaterThan(0);
    expect(page.indexOf('src="functions.js"')).toBeGreaterThan(page.indexOf('office.js'));
  });
});
