import { parseIsoDate } from '../../../src/calendar/day-number.js';
import { englandAndWales } from '../../../src/calendar/index.js';
import type { WorkingDayCalendar } from '../../../src/calendar/types.js';
import { TimescaleError } from '../../../src/errors.js';
import { isParsedRuleSet, parseRuleSet } from '../../../src/rules/parse-rule-set.js';
import type { RuleSet } from '../../../src/rules/rule-schema.js';
import { ASSUMPTIONS } from './partial-data.js';

/** The options of an evaluation once checked: a known rule set, a usable calendar. */
export interface CheckedOptions {
  readonly ruleSet: RuleSet;
  readonly asOf: string;
  readonly asOfDay: number;
  readonly calendar: WorkingDayCalendar;
  readonly ruleSets: Readonly<Record<string, RuleSet>> | undefined;
  readonly strict: boolean;
}

const KNOWN = new Set(['ruleSet', 'asOf', 'calendar', 'ruleSets', 'strict', 'assume']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Rule set objects already checked, by identity, so a caseload checks its rule set once. */
const checkedSets = new WeakMap<object, RuleSet>();

/**
 * A rule set given as an object, checked once. One from `ruleSets` or `parseRuleSet` passes as it
 * is; any other object must be a valid rule set.
 */
function checkedSet(value: object, path: readonly (string | number)[]): RuleSet {
  let set = checkedSets.get(value);
  if (set) return set;
  if (isParsedRuleSet(value)) set = value;
  else {
    try {
      set = parseRuleSet(value);
    } catch (e) {
      if (e instanceof TimescaleError) throw new TimescaleError('invalid-rule-set', `${path.join('.')} is not a valid rule set: ${e.message}`, [...path, ...e.path]);
      throw e;
    }
  }
  checkedSets.set(value, set);
  return set;
}

const CALENDAR_FUNCTIONS = ['addNumber', 'workingDaysBetweenNumbers', 'isWorkingDayNumber', 'addWorkingDaysNumber'] as const;
const CALENDAR_NUMBERS = ['firstDay', 'lastDay', 'provisionalFromDay'] as const;

function checkedCalendar(value: unknown): WorkingDayCalendar {
  const ok =
    isObject(value) &&
    CALENDAR_FUNCTIONS.every((f) => typeof value[f] === 'function') &&
    CALENDAR_NUMBERS.every((n) => typeof value[n] === 'number') &&
    isObject(value.range) &&
    typeof value.range.from === 'string' &&
    typeof value.range.to === 'string';
  if (!ok) throw new TimescaleError('invalid-calendar', 'calendar must be a working-day calendar made by englandAndWales() or createCalendar(), or left out for England and Wales.', ['calendar']);
  return value as unknown as WorkingDayCalendar;
}

/**
 * Checks every option of an evaluation, so that a mistake is a {@link TimescaleError} naming the
 * option (its path), never a crash or a wrong answer.
 * @throws TimescaleError `invalid-option` (missing or mistyped option), `invalid-date`,
 *   `out-of-calendar-range` (asOf), `unknown-rule-set`, `invalid-rule-set`, `invalid-calendar`.
 */
export function checkOptions(options: unknown): CheckedOptions {
  if (!isObject(options)) {
    throw new TimescaleError('invalid-option', 'evaluate needs options: { ruleSet, asOf } at least, e.g. { ruleSet: "leeds-2023", asOf: "2024-04-09" }.', []);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) throw new TimescaleError('invalid-option', `evaluate has no option ${key}; its options are ${[...KNOWN].join(', ')}.`, [key]);
  }
  if (typeof options.asOf !== 'string') {
    throw new TimescaleError('invalid-option', 'asOf is required, as YYYY-MM-DD: the engine never reads the clock.', ['asOf']);
  }
  const asOfDay = parseIsoDate(options.asOf, ['asOf']);
  const calendar = options.calendar === undefined ? englandAndWales() : checkedCalendar(options.calendar);
  if (asOfDay < calendar.firstDay || asOfDay > calendar.lastDay) {
    throw new TimescaleError('out-of-calendar-range', `asOf must fall between ${calendar.range.from} and ${calendar.range.to}.`, ['asOf']);
  }
  let extra: Record<string, RuleSet> | undefined;
  if (options.ruleSets !== undefined) {
    if (!isObject(options.ruleSets)) throw new TimescaleError('invalid-option', 'ruleSets must be an object of rule sets by id.', ['ruleSets']);
    extra = Object.create(null) as Record<string, RuleSet>;
    for (const [id, set] of Object.entries(options.ruleSets)) {
      if (!isObject(set)) throw new TimescaleError('invalid-rule-set', 'Each of ruleSets must be a rule set object.', ['ruleSets', id]);
      extra[id] = checkedSet(set, ['ruleSets', id]);
    }
  }
  const given = options.ruleSet;
  let ruleSet: RuleSet;
  if (typeof given === 'string') {
    // The engine knows only the sets it is given; the main entry resolves shipped ids before this.
    const found = extra && Object.hasOwn(extra, given) ? extra[given] : undefined;
    if (found === undefined) {
      throw new TimescaleError('unknown-rule-set', 'There is no rule set of that id in the ruleSets option. Pass the set itself (e.g. leeds2023() from practice-timescales/rules/leeds-2023), or use the main practice-timescales entry, which knows every shipped set by id (ruleSetIds lists them).', ['ruleSet']);
    }
    ruleSet = found;
  } else if (isObject(given)) ruleSet = checkedSet(given, ['ruleSet']);
  else if (given === undefined) throw new TimescaleError('invalid-option', 'ruleSet is required: a shipped rule set id (see ruleSetIds), or a rule set object.', ['ruleSet']);
  else throw new TimescaleError('invalid-option', 'ruleSet must be a shipped rule set id (see ruleSetIds), or a rule set object.', ['ruleSet']);
  if (options.strict !== undefined && typeof options.strict !== 'boolean') throw new TimescaleError('invalid-option', 'strict must be true or false.', ['strict']);
  const assume: unknown = options.assume;
  if (assume !== undefined && !(Array.isArray(assume) && assume.every((a) => (ASSUMPTIONS as readonly unknown[]).includes(a)))) {
    throw new TimescaleError('invalid-option', `assume must be a list of assumptions, each one of ${ASSUMPTIONS.join(', ')}.`, ['assume']);
  }
  return { ruleSet, asOf: options.asOf, asOfDay, calendar, ruleSets: extra, strict: options.strict === true };
}
