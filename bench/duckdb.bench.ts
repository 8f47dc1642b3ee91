/**
 * The tool a council analyst would use instead: DuckDB reading the same JSON Lines, flattening the
 * events and computing a rule in SQL, timed end to end against `summary` on the same file in the
 * same run, with the agreement of its answers and the engine's obligations counted.
 *
 * The rules in SQL: the 45-working-day assessment (england-statutory.assessment.completion): one
 * instance per referral, due 45 working days after it (the project's calendar exported to DuckDB
 * as a table of days with a running count of working days), met by the first authorised
 * assessment on or after it, ended by a case closure before an assessment and on or before the
 * due date; and child in need visits (leeds.visits.child-in-need): each child in need plan an
 * episode, ended by the plan's end or the case's closure, due 20 working days after its start and
 * then after each day with an in-person visit at which the child was seen. Not in SQL yet: the
 * agreed variations of the visit interval (a plan agreed by the manager may set more frequent
 * visits), which account for the disagreements printed, and looked-after visits.
 *
 * `@duckdb/node-api` has a native build per platform, so it is not in the lockfile (it could
 * break `npm ci` on another platform, as rollup did): the bench installs it on demand into
 * node_modules/.cache/bench-duckdb and skips, saying why, when that fails (no registry, no build
 * for this platform). BENCH_DUCKDB_CASES sets the caseload (default 20,000).
 */
import { spawnSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englandAndWales, evaluate, generateCaseload } from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/bench-duckdb');
const PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const RULES = ['england-statutory.assessment.completion', 'leeds.visits.child-in-need'];
const AS_OF = '2024-04-09';
const RULE_SET = 'leeds-2023';

interface DuckDb {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<{ run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }> }> }> };
}

/** DuckDB's Node API from the bench's cache, installed there first if need be; or why not. */
async function loadDuckDb(): Promise<DuckDb | string> {
  const entry = join(CACHE, 'node_modules/@duckdb/node-api/package.json');
  if (!existsSync(entry)) {
    mkdirSync(CACHE, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', CACHE, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', PACKAGE], { encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) return `npm install ${PACKAGE} failed (${(r.stderr || r.error?.message || '').trim().split('\n').at(-1) ?? 'no message'})`;
  }
  try {
    const { createRequire } = await import('node:module');
    return (await import(pathToFileURL(createRequire(entry).resolve('@duckdb/node-api')).href)) as DuckDb;
  } catch (e) {
    return `@duckdb/node-api does not load on this platform (${(e as Error).message.split('\n')[0]})`;
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

/** Every day the calendar covers, with the count of working days up to and including it. */
function* dayTable(): Generator<string> {
  const cal = englandAndWales();
  yield 'day,wd';
  let wd = 0;
  for (let d = cal.range.from; d <= '2026-12-31'; d = cal.add(d, { days: 1 })) {
    if (cal.isWorkingDay(d)) wd++;
    yield `${d},${wd}`;
  }
}

const SQL = `
CREATE TABLE days AS SELECT day::DATE AS day, wd FROM read_csv('DAYS', header = true);
CREATE TABLE events AS
  SELECT caseId, e.type AS type, e.date::DATE AS day, e.mode AS mode, coalesce(e.childSeen, true) AS seen
  FROM (SELECT caseId, unnest(events) AS e FROM read_json('CASES', format = 'newline_delimited', columns = {caseId: 'VARCHAR', events: 'STRUCT(id VARCHAR, type VARCHAR, date VARCHAR, mode VARCHAR, childSeen BOOLEAN)[]'}));
CREATE TABLE assessment AS
WITH referrals AS (
  SELECT caseId, day AS anchor, row_number() OVER (PARTITION BY caseId ORDER BY day) - 1 AS instance FROM events WHERE type = 'referral'
), dues AS (
  SELECT r.*, (SELECT min(d2.day) FROM days d2 WHERE d2.wd = d.wd + 45) AS due FROM referrals r JOIN days d ON d.day = r.anchor
), matched AS (
  SELECT d.*,
    (SELECT min(e.day) FROM events e WHERE e.caseId = d.caseId AND e.type = 'assessment-authorised' AND e.day >= d.anchor) AS met
  FROM dues d
), ended AS (
  SELECT m.*,
    (SELECT min(e.day) FROM events e WHERE e.caseId = m.caseId AND e.type = 'case-closed' AND e.day >= m.anchor AND (m.met IS NULL OR e.day < m.met)) AS closed
  FROM matched m
)
SELECT 'england-statutory.assessment.completion' AS rule, caseId, instance, strftime(due, '%Y-%m-%d') AS due,
  CASE WHEN closed IS NOT NULL AND closed <= due THEN 'not-applicable'
       WHEN met IS NOT NULL AND met <= DATE 'ASOF' THEN (CASE WHEN met <= due THEN 'met' ELSE 'met-late' END)
       WHEN due < DATE 'ASOF' THEN 'overdue' ELSE 'due' END AS status
FROM ended;
CREATE TABLE cin AS
WITH episodes AS (
  SELECT s.caseId, s.day AS start,
    (SELECT min(e.day) FROM events e WHERE e.caseId = s.caseId AND e.type IN ('child-in-need-plan-ended', 'case-closed') AND e.day >= s.day) AS finish
  FROM events s WHERE s.type = 'child-in-need-plan-started'
), clocks AS (
  -- Each episode's clock: its start, then each day with an in-person visit in it.
  SELECT caseId, start, finish, start AS anchor FROM episodes
  UNION
  SELECT ep.caseId, ep.start, ep.finish, v.day FROM episodes ep JOIN events v ON v.caseId = ep.caseId AND v.type = 'visit' AND v.mode = 'in-person' AND v.seen AND v.day >= ep.start AND (ep.finish IS NULL OR v.day <= ep.finish)
), chained AS (
  SELECT caseId, start, finish, anchor, lead(anchor) OVER (PARTITION BY caseId, start ORDER BY anchor) AS met,
    count(*) OVER (PARTITION BY caseId, start) AS n
  FROM clocks
), judged AS (
  SELECT c.*, (SELECT min(d2.day) FROM days d2 WHERE d2.wd = d.wd + 20) AS due FROM chained c JOIN days d ON d.day = c.anchor
)
SELECT 'leeds.visits.child-in-need' AS rule, caseId, row_number() OVER (PARTITION BY caseId ORDER BY start, anchor) - 1 AS instance, strftime(due, '%Y-%m-%d') AS due,
  CASE WHEN met IS NOT NULL THEN (CASE WHEN met <= due THEN 'met' ELSE 'met-late' END)
       WHEN due < DATE 'ASOF' THEN 'overdue' ELSE 'due' END AS status
FROM judged WHERE met IS NOT NULL OR finish IS NULL OR finish > due;
CREATE TABLE answers AS SELECT * FROM assessment UNION ALL SELECT * FROM cin;
`;

export default async function duckdbBench(): Promise<void> {
  const duckdb = await loadDuckDb();
  if (typeof duckdb === 'string') {
    console.log(`Skipped: ${duckdb}. The DuckDB baseline needs the npm registry once; nothing else depends on it.`);
    return;
  }
  const cases = Number(process.env.BENCH_DUCKDB_CASES ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'pt-duckdb-bench-'));
  try {
    const file = join(dir, 'caseload.jsonl');
    const days = join(dir, 'days.csv');
    await writeLines(file, (function* () {
      for (const s of generateCaseload({ cases, seed: 2024 })) yield JSON.stringify(s);
    })());
    await writeLines(days, dayTable());

    const started = performance.now();
    const instance = await duckdb.DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    for (const statement of SQL.replaceAll('DAYS', days).replaceAll('CASES', file).replaceAll('ASOF', AS_OF).split(';').filter((s) => s.trim() !== '')) await db.run(statement);
    const rows = (await db.runAndReadAll('SELECT rule, caseId, instance, due, status FROM answers')).getRowObjects();
    const duckSeconds = (performance.now() - started) / 1000;

    const summaryStarted = performance.now();
    const summary = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'summary', file, '--rules', RULE_SET, '--as-of', AS_OF, '--quiet', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    await new Promise<void>((resolve, reject) => summary.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`summary exited ${code}`)))));
    const summarySeconds = (performance.now() - summaryStarted) / 1000;

    // The engine's answers for the same rule, instance by instance (a case with no referral has
    // one not-applicable obligation with no anchor; the SQL has no row for it).
    const engine = new Map<string, string>();
    for (const s of generateCaseload({ cases, seed: 2024 })) {
      for (const o of evaluate(s, { ruleSet: RULE_SET, asOf: AS_OF }).obligations) if (RULES.includes(o.ruleId) && o.anchor !== null) engine.set(`${o.ruleId} ${o.caseId} ${o.instance}`, `${o.status} ${o.due}`);
    }
    let agree = 0;
    let disagree = 0;
    for (const r of rows) {
      const key = `${String(r.rule)} ${String(r.caseId)} ${Number(r.instance)}`;
      if (engine.get(key) === `${String(r.status)} ${String(r.due)}`) agree++;
      else {
        if (disagree < Number(process.env.BENCH_DUCKDB_SHOW ?? 0)) console.log(`disagree: ${key}: SQL ${String(r.status)} ${String(r.due)}, engine ${engine.get(key) ?? 'none'}`);
        disagree++;
      }
      engine.delete(key);
    }
    disagree += engine.size; // obligations the SQL did not find
    if (Number(process.env.BENCH_DUCKDB_SHOW ?? 0) > 0) for (const k of [...engine.keys()].slice(0, 5)) console.log(`not in SQL: ${k} ${engine.get(k)}`);
    console.log(`${cases.toLocaleString('en-GB')} generated snapshots, rules ${RULE_SET}, as of ${AS_OF}.`);
    console.log('\n| run | time | vs DuckDB |\n| --- | --- | --- |');
    console.log(`| DuckDB: read and flatten the JSON Lines, ${RULES.length} rules in SQL | ${duckSeconds.toFixed(1)} s | 1.00x |`);
    console.log(`| summary (every rule, default --jobs, sources through tsx) | ${summarySeconds.toFixed(1)} s | ${(summarySeconds / duckSeconds).toFixed(2)}x |`);
    console.log(`\n${RULES.join(', ')}: the SQL and the engine agree on ${agree.toLocaleString('en-GB')} obligations (status and due date) and disagree on ${disagree.toLocaleString('en-GB')}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
