import { formatIsoDate, parseIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import { englandAndWales, formatDuration, negateDuration } from '../calendar/index.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import { lateText } from '../engine/explain.js';
import type { Lateness, ObligationStatus } from '../engine/obligation.js';
import { judge } from '../engine/outcome.js';
import { triggerLabel } from '../engine/triggers.js';
import { TimescaleError } from '../errors.js';
import { findRule, getRuleSet, ruleSetIds, type RuleInSet } from '../rules/registry.js';
import type { Boundary, Phase, Rule, RuleSet, Trigger } from '../rules/rule-schema.js';
import { phaseWords } from './old-rule-table.js';

type TimedRule = Exclude<Rule, { kind: 'count-in-window' }>;
type TimedRuleInSet = { readonly rule: TimedRule; readonly ruleSet: RuleSet };

/** Rules by id across several rule sets, each with the set that defines it. */
export interface RuleIndex {
  /** The ids of the sets indexed, for messages. */
  readonly setIds: readonly string[];
  readonly rules: ReadonlyMap<string, RuleInSet>;
}

/** Indexes the rules of several rule sets by id (a later set's rule wins a clash). */
export function indexRules(sets: readonly RuleSet[]): RuleIndex {
  const rules = new Map<string, RuleInSet>();
  for (const set of sets) for (const rule of set.rules) rules.set(rule.id, { rule, ruleSet: set });
  return { setIds: sets.map((s) => s.id), rules };
}

let shippedIndex: RuleIndex | undefined;

/** The rules of every shipped rule set (rule ids are unique across them), validated on first use. */
export function shippedRules(): RuleIndex {
  return (shippedIndex ??= indexRules(ruleSetIds.map(getRuleSet)));
}

/**
 * Looks a rule up in an index.
 * @throws TimescaleError `unknown-rule` naming the sets searched.
 */
export function lookUpRule(index: RuleIndex, ruleId: string): RuleInSet {
  const found = index.rules.get(ruleId);
  if (!found) {
    throw new TimescaleError(
      'unknown-rule',
      `There is no rule "${ruleId}" in the rule sets ${index.setIds.join(', ')}; TIMESCALE_RULES() lists their rule ids.`,
      ['ruleId'],
    );
  }
  return found;
}

/**
 * Finds a rule by id: in a rule set and the sets it extends, or, without one, in every rule set
 * that ships with the package.
 * @throws TimescaleError `unknown-rule` (or `unknown-rule-set`) naming what is available.
 */
export function findRuleById(ruleId: string, ruleSet?: string | RuleSet): RuleInSet {
  if (ruleSet === undefined) return lookUpRule(shippedRules(), ruleId);
  return findRule(typeof ruleSet === 'string' ? getRuleSet(ruleSet) : ruleSet, ruleId);
}

/** Where a due date was counted from. */
interface CountedFrom {
  readonly day: DayNumber;
  /** E.g. `the referral`, `the age of 16 years`, `the last visit`. */
  readonly label: string;
  readonly lastDone: boolean;
}

/** A due date worked out from an anchor date, with what it was counted from. */
export interface DueWorking {
  readonly rule: TimedRule;
  readonly ruleSet: RuleSet;
  readonly due: DayNumber;
  /** The anchor as the rule reads it (for an age rule, the day the age is reached). */
  readonly start: CountedFrom;
  readonly countedFrom: CountedFrom;
  /** The timescale applied, in words: `20 working days`, `3 working days before`. */
  readonly timescale: string;
  /** Readings a sheet forces (no recorded time), for the explanation. */
  readonly notes: readonly string[];
  /**
   * Due dates under phases that depend on events a sheet cannot see, where one of them could
   * be in force instead of the phase `due` was worked out with.
   */
  readonly alternatives: readonly { readonly due: DayNumber; readonly words: string }[];
}

function timed(entry: RuleInSet): TimedRuleInSet {
  const { rule } = entry;
  if (rule.kind === 'count-in-window') {
    throw new TimescaleError(
      'invalid-option',
      `${rule.id} counts events in each window of an episode, so it has no single due date to work out from one anchor: evaluate the case's events with the engine instead.`,
      ['ruleId'],
    );
  }
  return { rule, ruleSet: entry.ruleSet };
}

/**
 * Adds a rule's duration as the engine does for a date without a time: hours become whole days
 * rounded up (so a missing time never makes a breach), and school days need term dates a sheet
 * cannot give.
 */
function addTo(calendar: WorkingDayCalendar, day: DayNumber, duration: Duration, notes: string[]): DayNumber {
  if (duration.hours !== undefined) {
    const days = Math.ceil(duration.hours / 24);
    notes.push(`No time is given, so ${Math.abs(duration.hours)} hours are counted as ${Math.abs(days)} whole day(s) and compared by date.`);
    return day + days;
  }
  if (duration.schoolDays !== undefined) {
    throw new TimescaleError(
      'missing-school-terms',
      "This rule counts school days, which need the child's school term dates: evaluate the case with the engine and schoolTerms in the snapshot.",
      ['ruleId'],
    );
  }
  return calendar.addNumber(day, duration);
}

/** The anchor day a trigger gives: the anchor date itself, or for an age, the birthday reached (the anchor date is then the date of birth). */
function startOf(calendar: WorkingDayCalendar, trigger: Trigger, anchorDay: DayNumber, notes: string[]): CountedFrom {
  if ('age' in trigger) {
    return { day: addTo(calendar, anchorDay, trigger.age, notes), label: `the age of ${formatDuration(trigger.age)}`, lastDone: false };
  }
  return { day: anchorDay, label: `the ${triggerLabel(trigger)}`, lastDone: false };
}

/**
 * The day a phase boundary falls, or, for a boundary that waits for an event a sheet cannot
 * see, the earliest day it could fall (the episode start) with `seen: false`.
 */
function boundaryDay(calendar: WorkingDayCalendar, start: DayNumber, b: Boundary, notes: string[]): { day: DayNumber; seen: boolean } {
  if ('after' in b) return { day: addTo(calendar, start, b.after, notes), seen: true };
  if ('event' in b) return { day: start, seen: false };
  let day = -Infinity;
  let seen = true;
  for (const part of b.allOf) {
    const d = boundaryDay(calendar, start, part, notes);
    day = Math.max(day, d.day);
    seen &&= d.seen;
  }
  return { day, seen };
}

/** A phase a sheet cannot rule out, and what it would make the interval. */
interface UnseenPhase {
  readonly interval: Duration;
  readonly words: string;
}

/**
 * The interval of a recurring rule in force on a day, as the engine chooses it: the last phase
 * begun by then. Phases that begin with an event, or apply only to some start events, cannot be
 * seen from a sheet: the interval is chosen without them, and those that could have begun by
 * the day (and so could be in force instead) are returned too.
 */
function intervalOn(
  calendar: WorkingDayCalendar,
  rule: Extract<Rule, { kind: 'recurring' }>,
  start: DayNumber,
  day: DayNumber,
  notes: string[],
): { interval: Duration; unseen: UnseenPhase[] } {
  let chosen = 0;
  const possible: { index: number; phase: Phase }[] = [];
  rule.phases.forEach((phase, i) => {
    const begins = i === 0 || !phase.from ? { day: start, seen: true } : boundaryDay(calendar, start, phase.from, notes);
    if (begins.day > day) return;
    if (begins.seen && !phase.whenStart) chosen = i;
    else possible.push({ index: i, phase });
  });
  // An unseen phase is in force only if it is the last one begun.
  const unseen = possible.filter((p) => p.index > chosen).map(({ phase }) => ({ interval: phase.interval, words: phaseWords(phase) }));
  return { interval: rule.phases[chosen]!.interval, unseen };
}

/**
 * Works out a rule's due date from an anchor date (day numbers; see {@link dueFromAnchor}).
 * @throws TimescaleError for a count rule, school days, a last-done date before the anchor, or
 * a date outside the calendar.
 */
export function dueFromDays(entry: RuleInSet, anchorDay: DayNumber, lastDoneDay: DayNumber | undefined, calendar: WorkingDayCalendar): DueWorking {
  const { rule, ruleSet } = timed(entry);
  const notes: string[] = [];
  // Plain object literals, not spreads: this runs once per row of a sheet.
  const working = (start: CountedFrom, countedFrom: CountedFrom, due: DayNumber, timescale: string, alternatives: DueWorking['alternatives'] = []): DueWorking => ({
    rule,
    ruleSet,
    due,
    start,
    countedFrom,
    timescale,
    notes,
    alternatives,
  });
  switch (rule.kind) {
    case 'deadline': {
      const start = startOf(calendar, rule.anchor, anchorDay, notes);
      return working(start, start, addTo(calendar, start.day, rule.due, notes), formatDuration(rule.due));
    }
    case 'before-event': {
      const start = startOf(calendar, rule.target, anchorDay, notes);
      return working(start, start, addTo(calendar, start.day, negateDuration(rule.before), notes), `${formatDuration(rule.before)} before`);
    }
    case 'presence': {
      const start = startOf(calendar, rule.anchor, anchorDay, notes);
      return working(start, start, start.day, 'from the anchor, with no timescale');
    }
    case 'recurring': {
      const start = startOf(calendar, rule.episode.start, anchorDay, notes);
      if (lastDoneDay !== undefined && lastDoneDay < start.day) {
        throw new TimescaleError('invalid-date', `The last ${rule.satisfiedBy.evidence} is before ${start.label}, so it is not part of this duty.`, ['lastDone']);
      }
      // An event on the start day does not count where the standard asks for a later one.
      const counts = lastDoneDay !== undefined && (lastDoneDay > start.day || rule.satisfiedBy.onAnchorDay !== false);
      if (!counts && rule.first) return working(start, start, addTo(calendar, start.day, rule.first, notes), formatDuration(rule.first));
      const countedFrom: CountedFrom = counts ? { day: lastDoneDay, label: `the last ${rule.satisfiedBy.evidence}`, lastDone: true } : start;
      const { interval, unseen } = intervalOn(calendar, rule, start.day, countedFrom.day, notes);
      const alternatives = unseen.map((u) => ({ due: addTo(calendar, countedFrom.day, u.interval, notes), words: u.words }));
      return working(start, countedFrom, addTo(calendar, countedFrom.day, interval, notes), formatDuration(interval), alternatives);
    }
  }
}

/** Options for {@link dueFromAnchor} and {@link statusFromDates}. */
export interface AnchorOptions {
  /** Look the rule up in this set and the sets it extends (default: every shipped set). */
  readonly ruleSet?: string | RuleSet;
  /** The working-day calendar (default: England and Wales bank holidays). */
  readonly calendar?: WorkingDayCalendar;
}

/** A due date worked out from one anchor date, see {@link dueFromAnchor}. */
export interface DueFromAnchor {
  readonly ruleId: string;
  readonly ruleSet: string;
  /** `YYYY-MM-DD`. */
  readonly due: string;
  /** What the timescale was counted from: the anchor, the age reached, or the last time done. */
  readonly countedFrom: { readonly date: string; readonly label: string };
  /** The timescale applied, e.g. `20 working days`. */
  readonly timescale: string;
  /** True when the due date depends on projected (not yet announced) bank holidays. */
  readonly provisional: boolean;
}

/**
 * The due date of a rule from a single anchor date, for callers that have dates rather than a
 * case's events (a spreadsheet row): a deadline is due its duration after the anchor; a
 * recurring duty one interval after `lastDone` (or `first` after the anchor when it has not
 * been done yet), with the interval of the phase in force that day; a before-event duty its
 * duration before the anchor (the meeting). For a rule anchored on an age, `anchorDate` is the
 * date of birth. Dates have no time, so hours count as whole days rounded up.
 *
 * @throws TimescaleError `unknown-rule`, `invalid-date`, `out-of-calendar-range`, or
 * `invalid-option` for a count-in-window rule, which has no single due date.
 */
export function dueFromAnchor(ruleId: string, anchorDate: string, options: AnchorOptions & { readonly lastDone?: string } = {}): DueFromAnchor {
  const calendar = options.calendar ?? englandAndWales();
  const anchorDay = parseIsoDate(anchorDate, ['anchorDate']);
  const lastDoneDay = options.lastDone === undefined ? undefined : parseIsoDate(options.lastDone, ['lastDone']);
  const w = dueFromDays(findRuleById(ruleId, options.ruleSet), anchorDay, lastDoneDay, calendar);
  return {
    ruleId: w.rule.id,
    ruleSet: w.ruleSet.id,
    due: formatIsoDate(w.due),
    countedFrom: { date: formatIsoDate(w.countedFrom.day), label: w.countedFrom.label },
    timescale: w.timescale,
    provisional: w.due >= calendar.provisionalFromDay,
  };
}

/** Where a duty stands from its dates, see {@link statusFromDates}. */
export interface StatusFromDates {
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly status: ObligationStatus;
  /** `YYYY-MM-DD`, or null when the rule was not in force. */
  readonly due: string | null;
  readonly lateness: Lateness | null;
  /** One or two sentences citing the standard, in the engine's words. */
  readonly explanation: string;
}

function inForceOn(period: { from: string; to?: string | undefined } | undefined, asOf: string): boolean {
  return !period || (period.from <= asOf && (period.to === undefined || asOf <= period.to));
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(w: DueWorking, status: ObligationStatus, done: DayNumber | undefined, asOf: DayNumber, lateness: Lateness | null): string {
  const { rule } = w;
  const duty = `${rule.requirement} (${rule.cite.document}, ${rule.cite.section}).`;
  const evidence = rule.satisfiedBy.evidence;
  const due = formatIsoDate(w.due);
  const fromDate = formatIsoDate(w.countedFrom.day);
  const from = `${w.countedFrom.label} on ${fromDate}`;
  const alert = rule.escalateTo && (status === 'overdue' || status === 'met-late') ? ` Alert the ${rule.escalateTo.replace(/-/g, ' ')}.` : '';
  switch (status) {
    case 'overdue': {
      const head = `Overdue by ${lateText(lateness!)}: ${duty}`;
      const none = `none is recorded up to ${formatIsoDate(asOf)}`;
      if (w.countedFrom.lastDone) return `${head} The last ${evidence} was on ${fromDate}, so the next was due by ${due}; ${none}.${alert}`;
      return `${head} ${capitalise(w.countedFrom.label)} was on ${fromDate}, so ${article(evidence)} ${evidence} was due by ${due}; ${none}.${alert}`;
    }
    case 'met-late':
      return `Met late by ${lateText(lateness!)}: ${duty} It was due by ${due}, counted from ${from}; the ${evidence} was on ${formatIsoDate(done!)}.${alert}`;
    case 'met':
      return `Met: ${duty} It was due by ${due}; the ${evidence} was on ${formatIsoDate(done!)}.`;
    default:
      return `Due by ${due}: ${duty} Counted from ${from}.`;
  }
}

/**
 * Where a duty stands on `asOf` from its dates (day numbers; see {@link statusFromDates}).
 * @throws TimescaleError as {@link dueFromDays}, or `invalid-date` when the done date is before
 * the anchor.
 */
export function statusFromDays(
  entry: RuleInSet,
  anchorDay: DayNumber,
  doneDay: DayNumber | undefined,
  asOfDay: DayNumber,
  calendar: WorkingDayCalendar,
): StatusFromDates {
  const { rule, ruleSet } = timed(entry);
  const asOf = formatIsoDate(asOfDay);
  // As in the engine, a rule is in force when it and the set that defines it are.
  if (!inForceOn(rule.inForce, asOf) || !inForceOn(ruleSet.inForce, asOf)) {
    const period = rule.inForce ?? ruleSet.inForce;
    return {
      ruleId: rule.id,
      ruleSet: ruleSet.id,
      status: 'not-applicable',
      due: null,
      lateness: null,
      explanation: `Not applicable: ${rule.id} was not in force on ${asOf} (in force from ${period.from}${period.to ? ` to ${period.to}` : ''}).`,
    };
  }
  // As in the engine, what happens after the as-of date is not known yet.
  const ignored = doneDay !== undefined && doneDay > asOfDay;
  const done = ignored ? undefined : doneDay;
  const recurring = rule.kind === 'recurring';
  const w = dueFromDays({ rule, ruleSet }, anchorDay, recurring ? done : undefined, calendar);
  // A set: the same reading (hours as days) may be noted once per date worked out.
  const notes = new Set(w.notes);
  if (ignored) notes.add(`The ${rule.satisfiedBy.evidence} date given is after ${asOf}, so it is not counted.`);
  // A deadline is met only on or after its anchor (strictly after where the standard says so;
  // any time for an age). Say so rather than report a breach the sheet's dates do not show.
  if (rule.kind === 'deadline' && !('age' in rule.anchor) && done !== undefined) {
    const strictly = rule.satisfiedBy.onAnchorDay === false;
    if (done < w.start.day || (strictly && done === w.start.day)) {
      throw new TimescaleError('invalid-date', `The ${rule.satisfiedBy.evidence} date must be ${strictly ? 'after' : 'on or after'} ${w.start.label} to meet this duty.`, ['doneDate']);
    }
  }
  // A recurring duty's status is that of its next instance, counted from the last time it was done.
  const sat = recurring || done === undefined ? undefined : { day: done };
  let verdict = judge({ day: w.due }, sat, asOfDay);
  // Presence has no timescale: any record meets it, however late.
  if (rule.kind === 'presence' && sat) verdict = { status: 'met' };
  const due = formatIsoDate(w.due);
  const others = w.alternatives.map((a) => ({ ...a, status: judge({ day: a.due }, undefined, asOfDay).status }));
  const list = others.map((a) => `due by ${formatIsoDate(a.due)} (${a.words})`).join('; ');
  const unseen = 'phases that depend on events only the case record shows';
  if (others.some((a) => a.status !== verdict.status)) {
    // The answer turns on an event the sheet cannot see: say so rather than guess a breach.
    const text =
      `Cannot be worked out from the sheet: ${rule.requirement} (${rule.cite.document}, ${rule.cite.section}). ` +
      `Counted from ${w.countedFrom.label} on ${formatIsoDate(w.countedFrom.day)}, it is ${verdict.status} (due by ${due}), but ${unseen} would give ${list}.`;
    return { ruleId: rule.id, ruleSet: ruleSet.id, status: 'unknown', due, lateness: null, explanation: [text, ...notes].join(' ') };
  }
  if (others.length > 0) notes.add(`${capitalise(unseen)} would give ${list}, with the same status.`);
  const lateness: Lateness | null = verdict.lateTo
    ? { workingDays: calendar.workingDaysBetweenNumbers(w.due, verdict.lateTo.day), calendarDays: verdict.lateTo.day - w.due }
    : null;
  const text = sentence(w, verdict.status, done, asOfDay, lateness);
  return { ruleId: rule.id, ruleSet: ruleSet.id, status: verdict.status, due, lateness, explanation: [text, ...notes].join(' ') };
}

/**
 * Where a duty stands on `asOf` from a single anchor date and the date it was done, for callers
 * that have dates rather than a case's events (a spreadsheet row). A deadline, before-event or
 * presence duty is met, met late, due or overdue from its due date and `doneDate`. A recurring
 * duty reads `doneDate` as the last time it was done, and gives the status of the next
 * instance: due, or overdue once `asOf` is past its due date. A done date after `asOf` is not
 * counted, as in the engine. The due date is worked out as in {@link dueFromAnchor}.
 *
 * @throws TimescaleError as {@link dueFromAnchor}, and `invalid-date` for a done date before
 * the anchor.
 */
export function statusFromDates(
  ruleId: string,
  dates: { readonly anchorDate: string; readonly doneDate?: string; readonly asOf: string },
  options: AnchorOptions = {},
): StatusFromDates {
  const calendar = options.calendar ?? englandAndWales();
  const anchorDay = parseIsoDate(dates.anchorDate, ['anchorDate']);
  const doneDay = dates.doneDate === undefined ? undefined : parseIsoDate(dates.doneDate, ['doneDate']);
  const asOfDay = parseIsoDate(dates.asOf, ['asOf']);
  return statusFromDays(findRuleById(ruleId, options.ruleSet), anchorDay, doneDay, asOfDay, calendar);
}
