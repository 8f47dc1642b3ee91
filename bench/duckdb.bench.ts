/**
 * The tool a council analyst would use instead: DuckDB reading the same JSON Lines, flattening the
 * events and computing three rules in SQL, timed end to end (read, flatten, all three rules) against
 * `summary` (every rule) on the same file in the same run, and the SQL's answers compared with the
 * engine's obligations, instance by instance (status and due date), per rule.
 *
 * The rules in SQL, as leeds-2023 reports them:
 * - england-statutory.assessment.completion: one instance per referral, due 45 working days after
 *   it (the project's calendar exported to DuckDB as a table of days with a running count of
 *   working days), met by the first authorised assessment on or after it, ended by a case closure
 *   before an assessment and on or before the due date.
 * - leeds.visits.child-in-need: each child in need plan an episode (one at a time: a start inside
 *   an open plan is part of it), ended by the plan's end or the case's closure, due 20 working days
 *   after its start and then after each day with an in-person visit at which the child was seen.
 * - leeds.visits.looked-after: each placement of the kinds the rule lists an episode, keyed by
 *   placementId (ended by its own placement-ended or by ceased-looked-after; visits recorded for
 *   another placement do not count), every 6 weeks, then every 3 months from the later of the first
 *   anniversary and the first permanence-agreed of the placement; the interval is the one in force
 *   on the day the clock restarted.
 * - Agreed interval variations (both visit rules): accepted when agreed by a role an allowance of
 *   the rule names, within its bounds (the allowances and phases are read from rules/*.json), on or
 *   after the rule's first episode and by the as-of date; each applies from when it was agreed (or
 *   its later `from`) to its `until`, one tied to a phase only in that phase, the latest agreed
 *   winning.
 * Simplified, because the generated caseload never needs it (the agreement figures would show it):
 * an episode end on the day of a start is taken as used by an earlier episode when it is that
 * episode's first end (the engine tracks the end it chose); a variation whose interval reaches past
 * the calendar is not refused; records with missing or invalid facts (which the engine answers
 * `unknown` or rejects) are not handled; the national looked-after rule, which leeds-2023 also
 * reports beside the Leeds one, is not in SQL.
 *
 * `@duckdb/node-api` has a native build per platform, so it is not in the lockfile (it could
 * break `npm ci` on another platform, as rollup did): the bench installs it on demand into
 * node_modules/.cache/bench-duckdb and skips, saying why, when that fails (no registry, no build
 * for this platform). BENCH_DUCKDB_CASES sets the caseload (default 100,000, the caseload the issue
 * compared on: DuckDB's time grows faster than the caseload, 3.2 s at 20,000 and 29.7 s at 100,000
 * on our machine, while `summary`'s start weighs most on a small one); BENCH_CLI_BUILT=1 times the
 * built command line.
 */
import { spawnSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englandAndWales, evaluate, generateCaseload } from '../src/index.js';
import { recordGoal } from './support/goals.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/bench-duckdb');
const PACKAGE = '@duckdb/node-api@1.5.6-r.1';
const AS_OF = '2024-04-09';
const RULE_SET = 'leeds-2023';
/** BENCH_CLI_BUILT=1 times dist/cli.js (after `npm run build`), as cli.bench.ts does; else the sources through tsx. */
const BUILT = process.env.BENCH_CLI_BUILT === '1';
const CLI = BUILT ? [join(ROOT, 'dist/cli.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];

interface DuckDb {
  DuckDBInstance: {
    create(path: string): Promise<{
      connect(): Promise<{ run(sql: string): Promise<unknown>; runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }>; closeSync(): void }>;
      closeSync(): void;
    }>;
  };
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
  yield 'day,wd,working';
  let wd = 0;
  for (let d = cal.range.from; d <= '2026-12-31'; d = cal.add(d, { days: 1 })) {
    const working = cal.isWorkingDay(d);
    if (working) wd++;
    yield `${d},${wd},${working}`;
  }
}

/** The durations the rule language writes, as SQL columns (one set, the others null). */
interface DurationColumns {
  readonly workingDays?: number;
  readonly days?: number;
  readonly weeks?: number;
  readonly months?: number;
  readonly years?: number;
}

const num = (n: number | undefined) => (n === undefined ? 'NULL::INTEGER' : String(Math.trunc(n)));
const text = (t: string | undefined) => (t === undefined ? 'NULL::VARCHAR' : `'${t.replaceAll("'", "''")}'`);
const roles = (r: readonly string[] | undefined) => (r === undefined ? 'NULL::VARCHAR[]' : `[${r.map(text).join(', ')}]::VARCHAR[]`);
const duration = (d: DurationColumns | undefined) => [d?.workingDays, d?.days, d?.weeks, d?.months, d?.years].map(num).join(', ');

interface RecurringRuleJson {
  readonly id: string;
  readonly phases: readonly { readonly interval: DurationColumns; readonly label?: string }[];
  readonly variation?: readonly { anyOf?: string[]; allOf?: string[]; max?: DurationColumns; min?: DurationColumns; inPhase?: string }[];
}

/**
 * The rule table's own figures for the SQL, read from the compiled rule set (as an analyst would
 * copy them from the published standard): each recurring rule's phases and the variations it
 * allows. The episode, event and phase-boundary logic is written out in the SQL below.
 */
function ruleTables(): string {
  const rules: RecurringRuleJson[] = [];
  for (const file of ['england-statutory', 'leeds-2023']) {
    const set = JSON.parse(readFileSync(join(ROOT, 'rules', `${file}.json`), 'utf8')) as { rules: (RecurringRuleJson & { kind: string })[] };
    for (const r of set.rules) if (RECURRING.includes(r.id)) rules.push(r);
  }
  const phases = rules.flatMap((r) => r.phases.map((p, i) => `(${text(r.id)}, ${i}, ${text(p.label)}, ${duration(p.interval)})`));
  const allowances = rules.flatMap((r) => (r.variation ?? []).map((a, i) => `(${text(r.id)}, ${i}, ${roles(a.anyOf)}, ${roles(a.allOf)}, ${duration(a.max)}, ${duration(a.min)}, ${text(a.inPhase)})`));
  return `
CREATE TABLE phases (ruleId VARCHAR, idx INTEGER, label VARCHAR, wdn INTEGER, dn INTEGER, wk INTEGER, mo INTEGER, yr INTEGER);
INSERT INTO phases VALUES ${phases.join(', ')};
CREATE TABLE allowances (ruleId VARCHAR, pos INTEGER, anyOf VARCHAR[], allOf VARCHAR[], max_wdn INTEGER, max_dn INTEGER, max_wk INTEGER, max_mo INTEGER, max_yr INTEGER, min_wdn INTEGER, min_dn INTEGER, min_wk INTEGER, min_mo INTEGER, min_yr INTEGER, inPhase VARCHAR);
${allowances.length > 0 ? `INSERT INTO allowances VALUES ${allowances.join(', ')};` : ''}`;
}

const CIN = 'leeds.visits.child-in-need';
const LAC = 'leeds.visits.looked-after';
const ASSESSMENT = 'england-statutory.assessment.completion';
const RECURRING = [CIN, LAC];
/** leeds.visits.looked-after's episodes: placements of these kinds (rules/leeds-2023/visits.yaml). */
const LAC_KINDS = ['foster', 'connected-person', 'residential', 'other'];

const SQL = `
CREATE TABLE days AS SELECT day::DATE AS day, wd, working FROM read_csv('DAYS', header = true);
CREATE TABLE wdays AS SELECT wd, day FROM days WHERE working;
-- A calendar duration added to a day: days, weeks, or months (years are 12 months), clamped to the
-- end of a shorter month as the project's calendar does. Working days are joined on wdays.
CREATE MACRO add_cal(d, dn, wk, mo, yr) AS CASE
  WHEN dn IS NOT NULL THEN d + dn
  WHEN wk IS NOT NULL THEN d + 7 * wk
  WHEN mo IS NOT NULL OR yr IS NOT NULL THEN (d + to_months(coalesce(mo, 0) + 12 * coalesce(yr, 0)))::DATE END;
CREATE TABLE raw AS SELECT * FROM read_json('CASES', format = 'newline_delimited', columns = {
  caseId: 'VARCHAR',
  events: 'STRUCT(id VARCHAR, type VARCHAR, date VARCHAR, mode VARCHAR, childSeen BOOLEAN, kind VARCHAR, placementId VARCHAR)[]',
  variations: 'STRUCT(kind VARCHAR, id VARCHAR, ruleId VARCHAR, "interval" STRUCT(workingDays INTEGER, days INTEGER, weeks INTEGER, months INTEGER, years INTEGER), agreedBy VARCHAR[], agreedOn VARCHAR, "from" VARCHAR, "until" VARCHAR)[]'});
CREATE TABLE events AS
  SELECT caseId, ord, e.type AS type, e.date::DATE AS day, e.mode AS mode, coalesce(e.childSeen, true) AS seen, e.kind AS kind, e.placementId AS pid
  FROM (SELECT caseId, unnest(events) AS e, generate_subscripts(events, 1) AS ord FROM raw)
  WHERE e.date::DATE <= DATE 'ASOF';
CREATE TABLE variations AS
  SELECT caseId, v.id AS id, v.ruleId AS ruleId, v."interval".workingDays AS wdn, v."interval".days AS dn, v."interval".weeks AS wk,
    v."interval".months AS mo, v."interval".years AS yr, v.agreedBy AS agreedBy, v.agreedOn::DATE AS agreed, v."from"::DATE AS vfrom, v."until"::DATE AS vuntil
  FROM (SELECT caseId, unnest(variations) AS v FROM raw WHERE variations IS NOT NULL)
  WHERE v.kind = 'interval' AND v.ruleId IN ('${CIN}', '${LAC}');
RULE_TABLES

-- The 45-working-day assessment: one instance per referral.
CREATE TABLE assessment AS
WITH referrals AS (
  SELECT caseId, day AS anchor, row_number() OVER (PARTITION BY caseId ORDER BY day, ord) - 1 AS instance FROM events WHERE type = 'referral'
), dues AS (
  SELECT r.*, w.day AS due FROM referrals r JOIN days d ON d.day = r.anchor JOIN wdays w ON w.wd = d.wd + 45
), matched AS (
  SELECT d.*,
    (SELECT min(e.day) FROM events e WHERE e.caseId = d.caseId AND e.type = 'assessment-authorised' AND e.day >= d.anchor) AS met
  FROM dues d
), ended AS (
  SELECT m.*,
    (SELECT min(e.day) FROM events e WHERE e.caseId = m.caseId AND e.type = 'case-closed' AND e.day >= m.anchor AND (m.met IS NULL OR e.day < m.met)) AS closed
  FROM matched m
)
SELECT '${ASSESSMENT}' AS rule, caseId, instance, due,
  CASE WHEN closed IS NOT NULL AND closed <= due THEN 'not-applicable'
       WHEN met IS NOT NULL THEN (CASE WHEN met <= due THEN 'met' ELSE 'met-late' END)
       WHEN due < DATE 'ASOF' THEN 'overdue' ELSE 'due' END AS status
FROM ended;

-- The recurring visits. Episodes: child in need plans (one at a time: a start inside an open plan
-- is part of it), and placements of the listed kinds, keyed by placementId (side by side).
CREATE TABLE starts AS
  SELECT '${CIN}' AS ruleId, caseId, ord, day, NULL::VARCHAR AS keyv FROM events WHERE type = 'child-in-need-plan-started'
  UNION ALL
  SELECT '${LAC}', caseId, ord, day, pid FROM events WHERE type = 'placement-started' AND kind IN (${LAC_KINDS.map((k) => `'${k}'`).join(', ')});
CREATE TABLE ends AS
  SELECT '${CIN}' AS ruleId, caseId, ord, day, NULL::VARCHAR AS keyv, CASE type WHEN 'child-in-need-plan-ended' THEN 0 ELSE 1 END AS trig FROM events WHERE type IN ('child-in-need-plan-ended', 'case-closed')
  UNION ALL
  SELECT '${LAC}', caseId, ord, day, pid, CASE type WHEN 'placement-ended' THEN 0 ELSE 1 END FROM events WHERE type IN ('placement-ended', 'ceased-looked-after');
-- Each start's first end on or after it, of its own placement or none named, an end on the start's
-- own day only if it did not already end an earlier episode (a plan ended and another began that day).
CREATE TABLE firstEnds AS
  SELECT s.ruleId, s.caseId, s.ord, s.day, s.keyv, arg_min(e.ord, (e.day, e.trig, e.ord)) AS endOrd, min(e.day) AS endDay
  FROM starts s LEFT JOIN ends e ON e.ruleId = s.ruleId AND e.caseId = s.caseId AND e.day >= s.day AND (e.keyv IS NULL OR e.keyv = s.keyv)
  GROUP BY ALL;
CREATE TABLE resolved AS
  SELECT f.ruleId, f.caseId, f.ord, f.day AS start, f.keyv,
    CASE WHEN f.endDay = f.day AND EXISTS (SELECT 1 FROM firstEnds g WHERE g.ruleId = f.ruleId AND g.caseId = f.caseId AND g.endOrd = f.endOrd AND (g.day, g.ord) < (f.day, f.ord))
      THEN (SELECT min(e.day) FROM ends e WHERE e.ruleId = f.ruleId AND e.caseId = f.caseId AND e.day > f.day AND (e.keyv IS NULL OR e.keyv = f.keyv))
      ELSE f.endDay END AS finish
  FROM firstEnds f;
CREATE TABLE episodes AS
  SELECT r.* EXCLUDE (permanence),
    CASE WHEN r.ruleId = '${LAC}' THEN add_cal(r.start, NULL, NULL, NULL, 1) END AS p1,
    CASE WHEN r.ruleId = '${LAC}' AND r.permanence IS NOT NULL THEN greatest(add_cal(r.start, NULL, NULL, NULL, 1), r.permanence) END AS p2
  FROM (SELECT r.*, (SELECT min(e.day) FROM events e WHERE e.caseId = r.caseId AND e.type = 'permanence-agreed' AND e.day >= r.start AND (r.finish IS NULL OR e.day <= r.finish) AND (e.pid IS NULL OR e.pid = r.keyv)) AS permanence
    FROM resolved r) r
  WHERE r.ruleId = '${LAC}' OR NOT EXISTS (
    SELECT 1 FROM resolved o WHERE o.ruleId = r.ruleId AND o.caseId = r.caseId AND (o.start, o.ord) < (r.start, r.ord) AND (o.finish IS NULL OR o.finish > r.start));
-- Agreed interval variations the rule allows: agreed by a role it names, within its bounds, not
-- before its first episode, by the as-of date, they apply from when agreed (or a later from).
CREATE TABLE accepted AS
WITH firsts AS (SELECT ruleId, caseId, min(day) AS first FROM starts GROUP BY ALL),
proposed AS (
  SELECT v.*, CASE WHEN v.wdn IS NOT NULL THEN w.day ELSE add_cal(v.agreed, v.dn, v.wk, v.mo, v.yr) END AS until_day
  FROM variations v LEFT JOIN days d ON d.day = v.agreed LEFT JOIN wdays w ON w.wd = d.wd + v.wdn
), fits AS (
  SELECT p.caseId, p.id, min(a.pos) AS pos
  FROM proposed p JOIN allowances a ON a.ruleId = p.ruleId
    LEFT JOIN days d ON d.day = p.agreed LEFT JOIN wdays wmax ON wmax.wd = d.wd + a.max_wdn LEFT JOIN wdays wmin ON wmin.wd = d.wd + a.min_wdn
  WHERE (a.anyOf IS NULL OR list_has_any(p.agreedBy, a.anyOf)) AND (a.allOf IS NULL OR list_has_all(p.agreedBy, a.allOf))
    AND p.until_day > p.agreed
    AND (coalesce(a.max_wdn, a.max_dn, a.max_wk, a.max_mo, a.max_yr) IS NULL OR p.until_day <= CASE WHEN a.max_wdn IS NOT NULL THEN wmax.day ELSE add_cal(p.agreed, a.max_dn, a.max_wk, a.max_mo, a.max_yr) END)
    AND (coalesce(a.min_wdn, a.min_dn, a.min_wk, a.min_mo, a.min_yr) IS NULL OR p.until_day >= CASE WHEN a.min_wdn IS NOT NULL THEN wmin.day ELSE add_cal(p.agreed, a.min_dn, a.min_wk, a.min_mo, a.min_yr) END)
  GROUP BY ALL
)
SELECT p.caseId, p.ruleId, p.id, p.agreed, greatest(coalesce(p.vfrom, p.agreed), p.agreed) AS vfrom, coalesce(p.vuntil, DATE '9999-12-31') AS vuntil,
  p.wdn, p.dn, p.wk, p.mo, p.yr, a.inPhase
FROM proposed p JOIN fits USING (caseId, id) JOIN allowances a ON a.ruleId = p.ruleId AND a.pos = fits.pos JOIN firsts f ON f.ruleId = p.ruleId AND f.caseId = p.caseId
WHERE p.agreed <= DATE 'ASOF' AND p.agreed >= f.first;
-- Each episode's clock: its start, then each day with an in-person visit at which the child was
-- seen, inside the episode and not recorded for another placement.
CREATE TABLE anchors AS
WITH visitDays AS (
  SELECT DISTINCT ep.ruleId, ep.caseId, ep.ord, v.day
  FROM episodes ep JOIN events v ON v.caseId = ep.caseId AND v.type = 'visit' AND v.mode = 'in-person' AND v.seen
    AND v.day >= ep.start AND (ep.finish IS NULL OR v.day <= ep.finish) AND (ep.ruleId <> '${LAC}' OR v.pid IS NULL OR v.pid = ep.keyv)
), clock AS (
  SELECT ruleId, caseId, ord, start AS anchor, 0 AS visit FROM episodes
  UNION ALL SELECT ruleId, caseId, ord, day, 1 FROM visitDays
)
SELECT ep.*, c.anchor, c.visit,
  lead(c.anchor) OVER (PARTITION BY c.ruleId, c.caseId, c.ord ORDER BY c.anchor, c.visit) AS met,
  row_number() OVER () AS rowId,
  CASE WHEN ep.p2 <= c.anchor THEN 2 WHEN ep.p1 <= c.anchor THEN 1 ELSE 0 END AS phase
FROM clock c JOIN episodes ep USING (ruleId, caseId, ord);
-- The interval in force on each anchor day: the latest agreed variation covering it (one tied to a
-- phase only in that phase), else the phase's.
CREATE TABLE intervals AS
SELECT a.*, ph.label,
  CASE WHEN v.id IS NULL THEN ph.wdn ELSE v.wdn END AS i_wdn, CASE WHEN v.id IS NULL THEN ph.dn ELSE v.dn END AS i_dn,
  CASE WHEN v.id IS NULL THEN ph.wk ELSE v.wk END AS i_wk, CASE WHEN v.id IS NULL THEN ph.mo ELSE v.mo END AS i_mo,
  CASE WHEN v.id IS NULL THEN ph.yr ELSE v.yr END AS i_yr
FROM anchors a JOIN phases ph ON ph.ruleId = a.ruleId AND ph.idx = a.phase
  LEFT JOIN accepted v ON v.caseId = a.caseId AND v.ruleId = a.ruleId AND v.vfrom <= a.anchor AND a.anchor <= v.vuntil AND (v.inPhase IS NULL OR v.inPhase = ph.label)
QUALIFY row_number() OVER (PARTITION BY a.rowId ORDER BY v.agreed DESC NULLS LAST, v.id DESC NULLS LAST) = 1;
CREATE TABLE recurring AS
WITH judged AS (
  SELECT i.*, CASE WHEN i.i_wdn IS NOT NULL THEN w.day ELSE add_cal(i.anchor, i.i_dn, i.i_wk, i.i_mo, i.i_yr) END AS due
  FROM intervals i LEFT JOIN days d ON d.day = i.anchor LEFT JOIN wdays w ON w.wd = d.wd + i.i_wdn
), kept AS (
  SELECT * FROM judged WHERE met IS NOT NULL OR finish IS NULL OR finish > due
)
SELECT ruleId AS rule, caseId, row_number() OVER (PARTITION BY ruleId, caseId ORDER BY start, ord, anchor, visit) - 1 AS instance, due,
  CASE WHEN met IS NOT NULL THEN (CASE WHEN met <= due THEN 'met' ELSE 'met-late' END)
       WHEN least(coalesce(finish, DATE 'ASOF'), DATE 'ASOF') > due THEN 'overdue' ELSE 'due' END AS status
FROM kept;
CREATE TABLE answers AS SELECT rule, caseId, instance, strftime(due, '%Y-%m-%d') AS due, status FROM assessment
  UNION ALL SELECT rule, caseId, instance, strftime(due, '%Y-%m-%d'), status FROM recurring;
`;

const RULES = [ASSESSMENT, CIN, LAC];
/** Disagreements named per rule: case id, instance and what differs, never a value. */
const EXAMPLES = 3;

interface Agreement {
  readonly rule: string;
  compared: number;
  agree: number;
  disagree: number;
  readonly examples: string[];
}

/**
 * The SQL's answers against the engine's obligations for the same rules, instance by instance
 * (a case with no anchor for a rule has one not-applicable obligation without one; the SQL has no
 * row for it). Every obligation either side found is compared once.
 */
function compare(rows: readonly Record<string, unknown>[], cases: number): Agreement[] {
  const engine = new Map<string, { status: string; due: string | null }>();
  for (const s of generateCaseload({ cases, seed: 2024 })) {
    for (const o of evaluate(s, { ruleSet: RULE_SET, asOf: AS_OF }).obligations) if (RULES.includes(o.ruleId) && o.anchor !== null) engine.set(`${o.ruleId} ${o.caseId} ${o.instance}`, { status: o.status, due: o.due });
  }
  const byRule = new Map(RULES.map((rule) => [rule, { rule, compared: 0, agree: 0, disagree: 0, examples: [] as string[] }]));
  const note = (a: Agreement, what: string) => {
    a.disagree++;
    if (a.examples.length < EXAMPLES) a.examples.push(what);
  };
  for (const r of rows) {
    const rule = String(r.rule);
    const a = byRule.get(rule)!;
    const key = `${rule} ${String(r.caseId)} ${Number(r.instance)}`;
    const mine = engine.get(key);
    engine.delete(key);
    a.compared++;
    const where = `${String(r.caseId)} instance ${Number(r.instance)}`;
    if (!mine) note(a, `${where} only in SQL`);
    else if (mine.status !== String(r.status) && mine.due !== String(r.due)) note(a, `${where} status and due date differ`);
    else if (mine.status !== String(r.status)) note(a, `${where} status differs`);
    else if (mine.due !== String(r.due)) note(a, `${where} due date differs`);
    else a.agree++;
  }
  for (const key of engine.keys()) {
    const [rule, caseId, instance] = key.split(' ') as [string, string, string];
    const a = byRule.get(rule)!;
    a.compared++;
    note(a, `${caseId} instance ${instance} only in the engine`);
  }
  return [...byRule.values()];
}

export default async function duckdbBench(): Promise<void> {
  const duckdb = await loadDuckDb();
  if (typeof duckdb === 'string') {
    console.log(`Skipped: ${duckdb}. The DuckDB baseline needs the npm registry once; nothing else depends on it.`);
    recordGoal({ goal: 'summary end to end vs DuckDB (flatten + 3 rules)', measured: 'DuckDB not available', target: '< 1.00×', met: undefined });
    return;
  }
  const cases = Number(process.env.BENCH_DUCKDB_CASES ?? 100_000);
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
    const sql = SQL.replace('RULE_TABLES', ruleTables()).replaceAll('DAYS', days).replaceAll('CASES', file).replaceAll('ASOF', AS_OF);
    for (const statement of sql.split(';').filter((s) => s.trim() !== '')) await db.run(statement);
    const rows = (await db.runAndReadAll('SELECT rule, caseId, instance, due, status FROM answers')).getRowObjects();
    const duckSeconds = (performance.now() - started) / 1000;
    // Closed, so that the benches after this one in the process do not count its memory as theirs.
    db.closeSync();
    instance.closeSync();

    const summaryStarted = performance.now();
    const summary = spawn(process.execPath, [...CLI, 'summary', file, '--rules', RULE_SET, '--as-of', AS_OF, '--quiet', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    await new Promise<void>((resolve, reject) => summary.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`summary exited ${code}`)))));
    const summarySeconds = (performance.now() - summaryStarted) / 1000;

    const agreement = compare(rows, cases);
    console.log(`${cases.toLocaleString('en-GB')} generated snapshots, rules ${RULE_SET}, as of ${AS_OF}.`);
    console.log('\n| run | time | vs DuckDB |\n| --- | --- | --- |');
    console.log(`| DuckDB: read and flatten the JSON Lines, ${RULES.length} rules in SQL | ${duckSeconds.toFixed(1)} s | 1.00x |`);
    console.log(`| summary (every rule, default --jobs, ${BUILT ? 'dist/cli.js' : 'sources through tsx'}) | ${summarySeconds.toFixed(1)} s | ${(summarySeconds / duckSeconds).toFixed(2)}x |`);
    console.log('\nThe SQL against the engine, obligation by obligation (status and due date of each instance):\n');
    console.log('| rule | obligations compared | agree | disagree |\n| --- | ---: | ---: | ---: |');
    for (const r of agreement) console.log(`| ${r.rule} | ${r.compared.toLocaleString('en-GB')} | ${r.agree.toLocaleString('en-GB')} | ${r.disagree.toLocaleString('en-GB')} |`);
    for (const r of agreement) if (r.examples.length > 0) console.log(`${r.rule}, for example: ${r.examples.join('; ')}.`);
    const ratio = summarySeconds / duckSeconds;
    recordGoal({ goal: `summary end to end vs DuckDB (flatten + ${RULES.length} rules), ${cases.toLocaleString('en-GB')} snapshots`, measured: `${ratio.toFixed(2)}× DuckDB's time`, target: '< 1.00×', met: ratio < 1 });
    for (const r of agreement) {
      recordGoal({ goal: `DuckDB SQL agrees with the engine: ${r.rule}`, measured: `${r.agree.toLocaleString('en-GB')} of ${r.compared.toLocaleString('en-GB')}`, target: 'every obligation', met: r.disagree === 0 && r.compared > 0 });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
