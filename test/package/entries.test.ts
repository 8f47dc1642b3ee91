/**
 * The entry points: each carries only its own layer (checked on the module graph from source),
 * and the engine entry with one shipped set answers exactly as the main entry does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as calendarEntry from '../../src/calendar/index.js';
import * as engine from '../../src/engine/index.js';
import * as main from '../../src/index.js';
import { englandStatutory } from '../../src/rules/sets/england-statutory.js';
import { englandStatutoryReadings } from '../../src/rules/sets/england-statutory-readings.js';
import { shippedRuleSetSource } from '../../src/rules/sets/from-yaml.js';
import { leeds2023Readings } from '../../src/rules/sets/leeds-2023-readings.js';
import { joinReadings } from '../../src/rules/sets/readings.js';
import { westBerkshireReadings } from '../../src/rules/sets/west-berkshire-readings.js';
import { leeds2023 } from '../../src/rules/sets/leeds-2023.js';
import { westBerkshire } from '../../src/rules/sets/west-berkshire.js';

const root = join(__dirname, '../..');
const CUSTOM = { ...(JSON.parse(readFileSync(join(root, 'test/cli/fixtures/rules.json'), 'utf8')) as object), id: 'ours', extends: 'leeds-2023' };

/** The source files an entry's bundle holds, relative to the repository. */
async function graph(entry: string): Promise<string[]> {
  const r = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', absWorkingDir: root, logLevel: 'silent', mainFields: ['module', 'main'] });
  return Object.keys(r.metafile.inputs);
}

describe('what each entry carries', () => {
  it('the calendar: no zod and no rule tables, but the bank holidays', async () => {
    const files = await graph('src/calendar/index.ts');
    expect(files.filter((f) => f.includes('node_modules/zod'))).toEqual([]);
    expect(files.filter((f) => /^rules\/[^/]+\.json$/.test(f))).toEqual([]);
    expect(files).toContain('rules/calendars/england-and-wales-bank-holidays.json');
  });

  it('the engine: no rule tables', async () => {
    const files = await graph('src/engine/index.ts');
    expect(files.some((f) => f.includes('node_modules/zod'))).toBe(true);
    expect(files.filter((f) => /^rules\/[^/]+\.json$/.test(f))).toEqual([]);
  });

  it('each local set: itself and the national baseline it extends, no other council', async () => {
    expect((await graph('src/rules/sets/leeds-2023.ts')).filter((f) => /^rules\/[^/]+\.json$/.test(f)).sort()).toEqual(['rules/england-statutory.json', 'rules/leeds-2023.json']);
    expect((await graph('src/rules/sets/west-berkshire.ts')).filter((f) => /^rules\/[^/]+\.json$/.test(f)).sort()).toEqual(['rules/england-statutory.json', 'rules/west-berkshire.json']);
  });

  it('a set\'s tables carry no readings; its readings entry carries only its own readings file', async () => {
    for (const id of ['england-statutory', 'leeds-2023', 'west-berkshire']) {
      expect((await graph(`src/rules/sets/${id}.ts`)).filter((f) => f.includes('readings'))).toEqual([]);
      expect((await graph(`src/rules/sets/${id}-readings.ts`)).filter((f) => f.startsWith('rules/'))).toEqual([`rules/${id}.readings.json`]);
    }
  });

  it('the calendar entry exports what the main entry exports for the calendar, and the same functions', () => {
    expect(Object.keys(calendarEntry).length).toBeGreaterThan(5);
    for (const [name, value] of Object.entries(calendarEntry)) expect(main[name as keyof typeof main], name).toBe(value);
  });
});

describe('shipped rule sets', () => {
  it('are one object each, whichever way they are reached', () => {
    expect(main.getRuleSet('leeds-2023')).toBe(leeds2023());
    expect(main.ruleSets['west-berkshire']).toBe(westBerkshire());
    expect(main.getRuleSet('england-statutory')).toBe(englandStatutory());
    expect(main.ruleSetIds).toEqual(['england-statutory', 'leeds-2023', 'west-berkshire']);
  });

  it('an unknown id or an inherited property name is refused with the ids available', () => {
    for (const id of ['leeds-2099', 'toString', '__proto__']) {
      expect(() => main.getRuleSet(id)).toThrow(expect.objectContaining({ code: 'unknown-rule-set', path: ['ruleSet'] }));
    }
  });
});

describe('the readings of the shipped sets (practice-timescales/rules/<id>/readings)', () => {
  const entries = { 'england-statutory': [englandStatutory, englandStatutoryReadings], 'leeds-2023': [leeds2023, leeds2023Readings], 'west-berkshire': [westBerkshire, westBerkshireReadings] } as const;

  it.each(Object.keys(entries))('%s: the table joined with its readings is the set its YAML folder writes, notes and guidance included', (id) => {
    const [table, readings] = entries[id as keyof typeof entries];
    expect(readings().ruleSet).toBe(id);
    expect(table().rules.every((r) => r.note === undefined) && table().guidance === undefined).toBe(true);
    expect(joinReadings(table(), readings())).toEqual(shippedRuleSetSource(id));
  });

  it('are deep-frozen, as the tables are', () => {
    const r = leeds2023Readings();
    expect(Object.isFrozen(r.rules['leeds.visits.child-in-need'])).toBe(true);
    expect(Object.isFrozen(r.guidance[0])).toBe(true);
  });
});

describe('evaluate from the engine entry', () => {
  const cases = [...main.generateCaseload({ cases: 40, seed: 16 })];

  it('with leeds2023() gives exactly what the main entry gives for "leeds-2023", over a generated caseload', () => {
    for (const snapshot of cases) {
      expect(engine.evaluate(snapshot, { ruleSet: leeds2023(), asOf: main.DEFAULT_GENERATED_AS_OF })).toEqual(main.evaluate(snapshot, { ruleSet: 'leeds-2023', asOf: main.DEFAULT_GENERATED_AS_OF }));
    }
  });

  it('knows no shipped set by id: it names the way to pass one', () => {
    expect(() => engine.evaluate(cases[0], { ruleSet: 'leeds-2023', asOf: '2024-04-09' })).toThrow(expect.objectContaining({ code: 'unknown-rule-set', path: ['ruleSet'] }));
    const byId = engine.evaluate(cases[0], { ruleSet: 'leeds-2023', ruleSets: { 'leeds-2023': leeds2023() }, asOf: '2024-04-09' });
    expect(byId).toEqual(main.evaluate(cases[0], { ruleSet: 'leeds-2023', asOf: '2024-04-09' }));
  });

  it('a set of your own that extends a shipped one: found by the main entry, passed in ruleSets to the engine', () => {
    const viaMain = main.evaluate(cases[0], { ruleSet: main.parseRuleSet(CUSTOM), asOf: '2024-04-09' });
    expect(viaMain.obligations.some((o) => o.ruleSet === 'ours')).toBe(true);
    expect(viaMain.obligations.some((o) => o.ruleSet === 'leeds-2023')).toBe(true);
    expect(viaMain.obligations.some((o) => o.ruleSet === 'england-statutory')).toBe(true);

    const ours = engine.parseRuleSet(CUSTOM);
    expect(() => engine.evaluate(cases[0], { ruleSet: ours, asOf: '2024-04-09' })).toThrow(expect.objectContaining({ code: 'unknown-rule-set', path: ['extends'] }));
    expect(engine.evaluate(cases[0], { ruleSet: ours, ruleSets: { 'leeds-2023': leeds2023() }, asOf: '2024-04-09' })).toEqual(viaMain);
    // The main entry also links a set it did not parse.
    expect(main.evaluate(cases[0], { ruleSet: engine.parseRuleSet(CUSTOM), asOf: '2024-04-09' })).toEqual(viaMain);
  });

  it('throws the same error classes as the main entry', () => {
    expect(engine.TimescaleError).toBe(main.TimescaleError);
    expect(engine.SnapshotError).toBe(main.SnapshotError);
    expect(calendarEntry.TimescaleError).toBe(main.TimescaleError);
  });
});

describe('a set of your own that extends an unknown id', () => {
  it('is parsed (the set may come in the ruleSets option), and refused when evaluated without it, naming the shipped sets', () => {
    const stray = { ...CUSTOM, extends: 'leeds-2099' };
    expect(main.parseRuleSet(stray).extends).toBe('leeds-2099');
    expect(() => main.evaluate({ caseId: 'C-1', child: { dateOfBirth: '2015-05-01' }, events: [] }, { ruleSet: engine.parseRuleSet(stray), asOf: '2024-04-09' })).toThrow(
      expect.objectContaining({ code: 'unknown-rule-set', path: ['extends'], message: expect.stringContaining('england-statutory, leeds-2023, west-berkshire') }),
    );
  });
});
