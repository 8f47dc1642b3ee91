import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { wrap } from './output/text.js';

/** One option of a command, with what `--help` says about it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder for the value in the help, e.g. `<date>`. */
  readonly value?: string;
  readonly description: string;
  /**
   * May be given more than once, each time heading the arguments that follow it (`--from
   * cin-census census.xml --from ssda903 header.csv episodes.csv`): see {@link Parsed.groups}.
   * `values` holds the last one given.
   */
  readonly grouping?: boolean;
}

/** A command: its options, positional arguments and help text. */
export interface CommandSpec {
  readonly name: string;
  /** One line, shown in the list of commands. */
  readonly summary: string;
  /** Usage lines without the program name, e.g. `evaluate <file|-> --rules <id> --as-of <date>`. */
  readonly usage: readonly string[];
  /** Paragraphs after the usage. */
  readonly details?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  readonly examples: readonly string[];
}

/** The program name in messages and help. */
export const PROGRAM = 'practice-timescales';

const COMMON: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'Show this help and exit.' },
};

/** Parsed arguments of a command. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  /**
   * For each grouping option given, every time it was given: its value and the positional
   * arguments after it, up to the next time. Positionals before the first time are in `positionals`
   * only, and in no group.
   */
  readonly groups?: Readonly<Record<string, readonly { readonly value: string; readonly positionals: readonly string[] }[]>>;
}

// A negative number such as -3wd is an argument, not a cluster of short options.
const NEGATIVE = /^-\d/;
const HIDDEN = '\u0000';

function optionList(spec: CommandSpec): string {
  return Object.keys({ ...spec.options, ...COMMON })
    .map((k) => `--${k}`)
    .join(', ');
}

/**
 * Parses a command's arguments with `node:util` parseArgs, strictly: an unknown option is
 * refused with the list of the command's options.
 * @returns `'help'` when help was asked for.
 * @throws UsageError for unknown options, missing values or a wrong number of arguments.
 */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): Parsed | 'help' {
  const options = { ...spec.options, ...COMMON };
  const config = Object.fromEntries(
    Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.grouping ? { multiple: true } : {}) }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.map((a) => (NEGATIVE.test(a) ? HIDDEN + a : a)),
      options: config,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    const err = e as { code?: string; message: string };
    const option = /'(-[^' ]*)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`Unknown option ${option ?? ''}. The options of ${spec.name} are: ${optionList(spec)}.`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`Option ${option ?? ''} ${/argument missing/.test(err.message) ? 'needs a value' : 'does not take a value'}. The options of ${spec.name} are: ${optionList(spec)}.`);
    }
    throw new UsageError(err.message);
  }
  const unhide = (v: unknown) => (typeof v === 'string' && v.startsWith(HIDDEN) ? v.slice(1) : v);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, unhide(Array.isArray(v) ? v.at(-1) : v)])) as Record<string, string | boolean | undefined>;
  const groups: Record<string, { value: string; positionals: string[] }[]> = {};
  let group: { value: string; positionals: string[] } | undefined;
  for (const t of parsed.tokens ?? []) {
    if (t.kind === 'option' && options[t.name]?.grouping && typeof t.value === 'string') {
      group = { value: unhide(t.value) as string, positionals: [] };
      (groups[t.name] ??= []).push(group);
    } else if (t.kind === 'positional' && group) group.positionals.push(unhide(t.value) as string);
  }
  if (values.help === true) return 'help';
  const positionals = parsed.positionals.map((p) => unhide(p) as string);
  const { min, max, names } = spec.positionals;
  if (positionals.length < min) throw new UsageError(`${spec.name} needs ${names}.`);
  if (positionals.length > max) throw new UsageError(max === 0 ? `${spec.name} takes no arguments, only options.` : `${spec.name} takes ${names}, and no more.`);
  return Object.keys(groups).length > 0 ? { values, positionals, groups } : { values, positionals };
}

/** The help text of a command. */
export function helpText(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON };
  const left = Object.entries(options).map(([k, o]) => `${o.short ? `-${o.short}, ` : '    '}--${k}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const lines = [
    `Usage: ${spec.usage.map((u, i) => (i === 0 ? `${PROGRAM} ${u}` : `       ${PROGRAM} ${u}`)).join('\n')}`,
    '',
    wrap(spec.summary, '', 90),
    ...(spec.details ?? []).flatMap((d) => ['', wrap(d, '', 90)]),
    '',
    'Options:',
    ...Object.values(options).map((o, i) => `  ${left[i]!.padEnd(width)}${o.description}`),
  ];
  if (spec.examples.length > 0) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${PROGRAM} ${e}`));
  return `${lines.join('\n')}\n`;
}

/** A string option's value, or undefined. */
export function stringOption(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * A required string option.
 * @throws UsageError naming the option when it is missing.
 */
export function requiredOption(parsed: Parsed, name: string, why: string): string {
  const v = stringOption(parsed, name);
  if (v === undefined) throw new UsageError(`--${name} is required: ${why}`);
  return v;
}

/**
 * A string option restricted to a list of values.
 * @throws UsageError listing the values.
 */
export function choiceOption<T extends string>(parsed: Parsed, name: string, choices: readonly T[], fallback: T): T {
  const v = stringOption(parsed, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of: ${choices.join(', ')}.`);
  return v as T;
}
