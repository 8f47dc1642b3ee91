import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../src/index.js';
import { CASES_JSONL } from './fixtures/caseload.js';
import { cli, jsonLines, RULES_FILE, tempFiles } from './support/cli.js';

const COMMANDS = ['evaluate', 'summary', 'validate', 'generate', 'calendar'];
const files = tempFiles({ 'cases.jsonl': CASES_JSONL });
afterAll(() => files.remove());

describe('help, version and usage errors', () => {
  it.each(COMMANDS)('%s --help shows its usage and every option, exit 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const r = await cli([name, flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith(`Usage: practice-timescales ${name}`)).toBe(true);
      expect(r.stdout).toContain('--help');
      expect(r.stderr).toBe('');
    }
    // help <command> says the same.
    expect((await cli(['help', name])).stdout).toBe((await cli([name, '--help'])).stdout);
  });

  it('lists the options that --help names in evaluate', async () => {
    const help = (await cli(['evaluate', '--help'])).stdout;
    for (const option of ['--rules', '--rules-file', '--as-of', '--format', '--only', '--due-within', '--bom', '--quiet', '--allow-errors', '--input-format']) expect(help).toContain(option);
  });

  it('shows the program help with every command', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe(r.stdout);
    expect(bare.stdout).toBe('');
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await cli([flag]);
      expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('refuses an unknown option with the list of options, exit 2', async () => {
    const r = await cli(['evaluate', files.path('cases.jsonl'), '--rules', 'leeds-2023', '--as-of', '2024-04-09', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^practice-timescales evaluate: Unknown option --colour. The options of evaluate are: --rules, --rules-file, --as-of, --closures, --format, --only, --due-within, --bom, --detail, --trace, --input-format, --allow-errors, --quiet, --strict, --max-record-size, --jobs, --from, --assume, --help.\n/);
    expect(r.stdout).toBe('');
  });

  it('refuses an option without its value, extra arguments and an unknown command, exit 2', async () => {
    const missing = await cli(['evaluate', files.path('cases.jsonl'), '--as-of']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Option --as-of needs a value/);
    const extra = await cli(['evaluate', 'a.jsonl', 'b.jsonl', '--rules', 'leeds-2023', '--as-of', '2024-04-09']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/evaluate takes one input file \(or - for stdin\), and no more/);
    const none = await cli(['evaluate', '--rules', 'leeds-2023']);
    expect(none.stderr).toMatch(/evaluate needs one input file/);
    const unknown = await cli(['evalute']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/there is no command "evalute". Commands: evaluate, summary, validate, generate, calendar/);
  });
});

describe('calendar', () => {
  // 2024: Good Friday 29 March and Easter Monday 1 April are bank holidays.
  it('adds working days over Easter, forwards and back', async () => {
    expect((await cli(['calendar', 'add', '2024-03-28', '1wd'])).stdout).toBe('2024-04-02\n');
    expect((await cli(['calendar', 'add', '2024-04-02', '-3wd'])).stdout).toBe('2024-03-26\n');
    expect((await cli(['calendar', 'add', '2024-04-02', '--', '-3wd'])).stdout).toBe('2024-03-26\n');
    expect((await cli(['calendar', 'add', '2024-01-31', '1m'])).stdout).toBe('2024-02-29\n');
    expect((await cli(['calendar', 'add', '2024-03-04T09:30:00+00:00', '24h'])).stdout).toBe('2024-03-05T09:30:00+00:00\n');
    expect((await cli(['calendar', 'add', '2010-03-10', '14y6m'])).stdout).toBe('2024-09-10\n');
  });

  it('counts working days between two dates', async () => {
    expect((await cli(['calendar', 'between', '2024-03-28', '2024-04-02'])).stdout).toBe('1\n');
    expect((await cli(['calendar', 'between', '2024-04-02', '2024-03-28'])).stdout).toBe('-1\n');
  });

  it('says whether a day is a working day, with closures', async () => {
    expect((await cli(['calendar', 'is-working-day', '2024-04-01'])).stdout).toBe('false\n');
    expect((await cli(['calendar', 'is-working-day', '2024-04-02'])).stdout).toBe('true\n');
    expect((await cli(['calendar', 'is-working-day', '2024-12-24'])).stdout).toBe('true\n');
    expect((await cli(['calendar', 'is-working-day', '2024-12-24', '--closures', '2024-12-24,2024-12-27'])).stdout).toBe('false\n');
  });

  it('refuses bad dates, durations and subcommands with exit 2', async () => {
    for (const argv of [
      ['calendar', 'add', '05/01/2024', '1wd'],
      ['calendar', 'add', '2024-01-05', 'one week'],
      ['calendar', 'between', '2024-01-05'],
      ['calendar', 'next', '2024-01-05'],
    ]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^practice-timescales calendar: /);
    }
  });
});

describe('generate', () => {
  it('writes the seeded caseload as valid JSON Lines, the same for the same seed', async () => {
    const a = await cli(['generate', '--cases', '5', '--seed', '7']);
    expect(a.code).toBe(0);
    const rows = jsonLines(a.stdout);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(() => validateSnapshot(row)).not.toThrow();
    expect(new Set(rows.map((r) => r.caseId)).size).toBe(5);
    expect((await cli(['generate', '--cases', '5', '--seed', '7'])).stdout).toBe(a.stdout);
    expect((await cli(['generate', '--cases', '5', '--seed', '8'])).stdout).not.toBe(a.stdout);
  });

  it('needs a whole number of cases and a seed', async () => {
    expect((await cli(['generate', '--seed', '1'])).stderr).toMatch(/--cases is required/);
    expect((await cli(['generate', '--cases', 'ten', '--seed', '1'])).stderr).toMatch(/--cases must be a whole number/);
    expect((await cli(['generate', '--cases', '3'])).code).toBe(2);
  });

  it('feeds evaluate through a pipe', async () => {
    const generated = (await cli(['generate', '--cases', '20', '--seed', '3'])).stdout;
    const r = await cli(['evaluate', '-', '--rules-file', RULES_FILE, '--as-of', '2024-04-09'], { stdin: generated });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('20 read, 20 evaluated, 0 rejected\n');
  });
});

describe('validate', () => {
  it('reports nothing for valid snapshots, exit 0', async () => {
    const r = await cli(['validate', files.path('cases.jsonl')]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '5 read, 5 valid, 0 rejected\n' });
  });

  it('reports every problem of every record', async () => {
    const bad = JSON.stringify({ caseId: 'V', child: {}, events: [{ id: 'e', type: 'visit', date: '2024-02-30' }, { id: 'e', type: 'referral', date: '2024-01-01' }] });
    const r = await cli(['validate', '-', '--format', 'jsonl'], { stdin: `${bad}\n` });
    expect(r.code).toBe(1);
    const [row] = jsonLines(r.stdout);
    expect((row!.problems as { code: string; path: string }[]).map((p) => `${p.code} ${p.path}`).sort()).toEqual(['invalid-date events[0].date', 'missing-field child.dateOfBirth', 'missing-field events[0].mode']);
  });
});

describe('progress', () => {
  it('draws a bar on stderr only when stderr is a terminal, and never with --quiet', async () => {
    const argv = ['evaluate', files.path('cases.jsonl'), '--rules-file', RULES_FILE, '--as-of', '2024-04-09'];
    const tty = await cli(argv, { tty: true });
    expect(tty.stderr).toMatch(/^\r\x1b\[Kevaluate \[#+\] 100% 5 records/);
    expect(tty.stderr.endsWith('\r\x1b[K5 read, 5 evaluated, 0 rejected\n')).toBe(true);
    const pipe = await cli(argv);
    expect(pipe.stderr).toBe('5 read, 5 evaluated, 0 rejected\n');
    const quiet = await cli([...argv, '--quiet'], { tty: true });
    expect(quiet.stderr).toBe('');
    // The data is the same whatever happens on stderr.
    expect(tty.stdout).toBe(pipe.stdout);
  });
});
