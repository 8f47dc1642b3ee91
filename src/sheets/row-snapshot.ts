/**
 * A spreadsheet row (a rule, an anchor date, a done date) as the small snapshot the engine
 * evaluates, and every assumption made to fill in what a row cannot show. The rule tables are
 * data: this reads a rule's trigger, satisfier and conditions to build events that match them,
 * and interprets nothing itself. Every answer comes from the engine.
 */
import type * as z from 'zod/mini';
import { formatIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import { formatDuration } from '../calendar/format-duration.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import { describeSelector } from '../rules/vocabulary.js';
import type { Boundary, Rule, Selector, Trigger } from '../rules/rule-schema.js';
import { CaseEvent } from '../schemas/events.js';
import { WorkerEvent } from '../schemas/worker-snapshot.js';
import { EVENT_FIELDS } from '../schemas/event-table.js';

/** The case (or worker) id of every row snapshot, left out of the explanations a row shows. */
export const ROW_CASE_ID = 'row';

/** The value a row gives every id field that ties events together (placement, episode, assessment). */
const LINK_ID = 'row-1';

/** What a row gives: day numbers. */
export interface RowDays {
  /** The anchor date; for a rule that starts at an age, the date of birth. */
  readonly anchor: DayNumber;
  /** When the duty was done (for a recurring duty, the last time), if it was. */
  readonly done: DayNumber | undefined;
  readonly asOf: DayNumber;
}

/** A row as a snapshot, with the assumptions made in building it, in words. */
export interface RowSnapshot {
  readonly snapshot: Record<string, unknown>;
  readonly assumptions: readonly string[];
}

type Selected = Exclude<Trigger, { age: unknown }>;

function isAge(t: Trigger): t is Extract<Trigger, { age: unknown }> {
  return 'age' in t;
}

function firstType(s: Selector): string {
  return Array.isArray(s.type) ? s.type[0]! : s.type;
}

function list(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;
}

function label(s: Selector): string {
  return describeSelector({ type: s.type });
}

/** A value the schema accepts for a required field no selector sets: the row's link id, or an enum's first value. */
function filler(schema: z.ZodMiniType): unknown {
  const def = schema._zod.def as { type: string; entries?: Record<string, string> };
  if (def.type === 'enum' && def.entries) return Object.values(def.entries)[0];
  if (def.type === 'string') return LINK_ID;
  return undefined;
}

/** For each event type, child's or worker's, the fields its schema requires beyond id, type and date, each with a value it accepts. */
const REQUIRED: ReadonlyMap<string, readonly (readonly [string, unknown])[]> = new Map(
  [...CaseEvent.def.options, ...WorkerEvent.def.options].map((o) => {
    const fields = Object.entries(o.shape as Record<string, z.ZodMiniType>)
      .filter(([field, schema]) => field !== 'id' && field !== 'type' && field !== 'date' && !schema.safeParse(undefined).success)
      .map(([field, schema]) => [field, filler(schema)] as const)
      .filter(([, value]) => value !== undefined);
    return [o.shape.type.def.values[0]!, fields];
  }),
);

/**
 * An event matching a selector: its first type, each `where` field at a value the selector
 * accepts, and every other field the schema requires filled in.
 */
function eventMatching(s: Selector, id: string, day: DayNumber): Record<string, unknown> {
  const type = firstType(s);
  const event: Record<string, unknown> = { id, type, date: formatIsoDate(day) };
  const listFields = EVENT_FIELDS.get(type);
  for (const [field, wanted] of Object.entries(s.where ?? {})) {
    let value: unknown;
    if (Array.isArray(wanted)) value = wanted.find((v) => v !== null);
    else if (wanted !== null && typeof wanted === 'object') value = wanted.atLeast;
    else value = wanted;
    if (value === null || value === undefined) continue;
    event[field] = listFields?.get(field) === 'list' ? [value] : value;
  }
  for (const [field, value] of REQUIRED.get(type) ?? []) if (!(field in event)) event[field] = value;
  return event;
}

function durations(rule: Rule): Duration[] {
  const out: Duration[] = [];
  const trigger = (t: Trigger) => {
    if (isAge(t)) out.push(t.age);
  };
  const boundary = (b: Boundary): void => {
    if ('after' in b) out.push(b.after);
    else if ('allOf' in b) b.allOf.forEach(boundary);
  };
  switch (rule.kind) {
    case 'deadline':
      out.push(rule.due);
      trigger(rule.anchor);
      break;
    case 'before-event':
      out.push(rule.before);
      break;
    case 'recurring':
      if (rule.first) out.push(rule.first);
      for (const p of rule.phases) {
        out.push(p.interval);
        if (p.from) boundary(p.from);
      }
      break;
    case 'count-in-window':
      if ('every' in rule.window) out.push(rule.window.every);
      break;
    case 'presence':
      break;
  }
  return out;
}

function eventBoundaries(b: Boundary): Selector[] {
  if ('event' in b) return [b.event];
  if ('allOf' in b) return b.allOf.flatMap(eventBoundaries);
  return [];
}

const FACT_WORDS: Readonly<Record<string, (value: string) => string>> = {
  careLeaver: (v) => (v === 'true' ? 'the child is a care leaver' : 'the child is not a care leaver'),
  needsAdultServices: (v) => (v === 'true' ? 'the child is likely to need adult services' : 'the child is not likely to need adult services'),
  role: (v) => `the worker's role is ${v.replace(/-/g, ' ')}`,
};

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** The trigger that starts a rule's clock (for a before-event rule, the meeting). */
export function startTrigger(rule: Rule): Trigger {
  switch (rule.kind) {
    case 'deadline':
    case 'presence':
      return rule.anchor;
    case 'before-event':
      return rule.target;
    case 'recurring':
    case 'count-in-window':
      return rule.episode.start;
  }
}

/** The day a rule's clock starts from a row's anchor date: the anchor, or for an age, the birthday. */
export function startDay(rule: Rule, anchor: DayNumber, calendar: WorkingDayCalendar): DayNumber {
  const t = startTrigger(rule);
  return isAge(t) ? calendar.addNumber(anchor, t.age) : anchor;
}

/**
 * The snapshot a row stands for under a rule, and the assumptions it makes, each decided the way
 * that protects the child: a condition the row cannot show is taken to hold (the duty applies),
 * a period is taken to be still open, nothing is taken to have ended or varied the duty, and a
 * phase that waits for an event the row cannot show is not entered.
 */
export function rowSnapshot(rule: Rule, row: RowDays): RowSnapshot {
  const assumptions: string[] = [];
  const trigger = startTrigger(rule);
  const events: Record<string, unknown>[] = [];
  const typesAdded = new Set<string>();
  const add = (e: Record<string, unknown>) => {
    events.push(e);
    typesAdded.add(e.type as string);
  };
  const worker = rule.subject === 'worker';

  // The anchor.
  let anchorEvent: Record<string, unknown> | undefined;
  let anchorWords: string;
  if (isAge(trigger)) {
    anchorWords = `the age of ${formatDuration(trigger.age)}`;
    assumptions.push('the anchor date is the date of birth');
    if (trigger.notBefore) {
      add(eventMatching(trigger.notBefore, 'known', row.anchor));
      assumptions.push(`the child was known to the service (${label(trigger.notBefore)}) before the age of ${formatDuration(trigger.age)}, so the duty starts at that age`);
    }
  } else if (worker && (firstType(trigger) === 'started-in-role' || firstType(trigger) === 'support-period-started')) {
    anchorWords = firstType(trigger) === 'started-in-role' ? 'start in the role' : 'start of the support period';
    assumptions.push(`the anchor date is the worker's ${anchorWords}`);
  } else {
    anchorEvent = eventMatching(trigger as Selected, 'anchor', row.anchor);
    add(anchorEvent);
    anchorWords = `the ${label(trigger as Selected)}`;
    assumptions.push(`the anchor date is ${(trigger as Selected).where || Array.isArray(trigger.type) ? `that of a ${describeSelector({ ...(trigger as Selected), type: firstType(trigger as Selected) })}` : anchorWords}`);
    const nth = rule.kind === 'before-event' ? rule.nthTarget : undefined;
    if (nth) {
      // A row shows one meeting: it is taken to be the one the standard names ("the second review").
      if (nth.field) anchorEvent[nth.field] = nth.nth;
      else add(eventMatching(nth.episode.start as Selected, 'period', row.anchor));
      assumptions.push(`the ${label(trigger as Selected)} is the ${ordinal(nth.nth)} of its period`);
    }
  }

  // Conditions on the child (or worker): taken to hold, so the duty is not dropped.
  const facts: Record<string, unknown> = {};
  for (const [fact, expected] of Object.entries(rule.appliesWhen?.facts ?? {})) {
    const value = Array.isArray(expected) ? expected[0] : expected;
    facts[fact] = value;
    assumptions.push((FACT_WORDS[fact] ?? ((v: string) => `${fact} is ${v}`))(String(value)));
  }
  const within = rule.appliesWhen?.withinEpisode;
  if (within) {
    if (!isAge(within.start) && !typesAdded.has(firstType(within.start))) add(eventMatching(within.start, 'within', row.anchor));
    const ends = (within.end ?? []).filter((t): t is Selected => !isAge(t)).map(label);
    assumptions.push(`the ${isAge(trigger) ? 'age was reached' : 'anchor fell'} during a period that starts with the ${label(within.start as Selected)}${ends.length ? ` and no ${list(ends)} has ended it` : ''}`);
  }

  // What meets the duty.
  const satisfiedBy = 'satisfiedBy' in rule ? rule.satisfiedBy : undefined;
  if (satisfiedBy && row.done !== undefined) {
    if (satisfiedBy.anchorField && anchorEvent) {
      anchorEvent[satisfiedBy.anchorField] = formatIsoDate(row.done);
      assumptions.push(`the done date is the date the ${anchorWords.replace(/^the /, '')} was ${satisfiedBy.anchorField === 'recordedOn' ? 'recorded' : satisfiedBy.anchorField}`);
    } else if (satisfiedBy.events) {
      const chosen = satisfiedBy.events[0]!;
      const nth = 'nth' in satisfiedBy && typeof satisfiedBy.nth === 'number' ? satisfiedBy.nth : 1;
      const earlier = Array.from({ length: nth - 1 }, (_, i) => eventMatching(chosen, `done-${i + 1}`, row.done!));
      const done = eventMatching(chosen, 'done', row.done);
      for (const e of [...earlier, done]) add(e);
      const what = chosen.where || satisfiedBy.events.length > 1 || Array.isArray(chosen.type) ? `a ${describeSelector({ type: firstType(chosen), ...(chosen.where ? { where: chosen.where } : {}) })}` : `the ${satisfiedBy.evidence}`;
      if (nth > 1) assumptions.push(`the done date is that of the ${ordinal(nth)} ${label(chosen)}, the earlier ones not shown`);
      else assumptions.push(`the done date is ${what}`);
      if (satisfiedBy.link) {
        const link = satisfiedBy.link;
        for (const e of [...earlier, done]) e[link] = link === 'forEventId' ? anchorEvent?.id : LINK_ID;
        if (anchorEvent && link !== 'forEventId') anchorEvent[link] = LINK_ID;
        assumptions.push(`the ${satisfiedBy.evidence} is for this ${anchorWords.replace(/^the /, '')}`);
      }
    }
  }

  if (rule.kind === 'count-in-window' && row.done !== undefined) {
    const counted = rule.requirements[0]!;
    add(eventMatching(counted.events[0]!, 'done', row.done));
    assumptions.push(`the done date is a ${describeSelector(counted.events[0]!)}, the only one a row shows in its window`);
  }

  // What a row cannot show: taken not to have happened.
  if (rule.kind === 'recurring' || rule.kind === 'count-in-window') {
    const ends = (rule.episode.end ?? []).filter((t): t is Selected => !isAge(t)).map(label);
    if (ends.length) assumptions.push(`no ${list(ends)} is shown, so the duty runs on`);
  }
  if (rule.kind === 'deadline' && rule.cancelledBy) assumptions.push(`no ${list(rule.cancelledBy.map(label))} ended the duty`);
  if (rule.kind === 'recurring') {
    rule.phases.forEach((p, i) => {
      if (i === 0) return;
      const name = p.label ? `"${p.label}"` : `every ${formatDuration(p.interval)}`;
      const waits = p.from ? eventBoundaries(p.from) : [];
      if (waits.length) assumptions.push(`no ${list(waits.map(label), 'and')} is shown, so the interval ${name} is not applied`);
      else if (p.whenStart) assumptions.push(`the ${label(trigger as Selected)} is not a ${describeSelector({ type: firstType(trigger as Selected), where: p.whenStart })}, so the interval ${name} is not applied`);
    });
    if (rule.variation) assumptions.push('no variation of the interval has been agreed');
  }
  if (rule.kind === 'deadline' && rule.exception) assumptions.push('no exception has been recorded');
  if (durations(rule).some((d) => d.hours !== undefined)) assumptions.push('a row has no time of day, so hours are counted as whole days, compared by date');

  if (worker) {
    const started = firstType(trigger as Selected);
    const snapshot: Record<string, unknown> = {
      workerId: ROW_CASE_ID,
      role: facts.role ?? 'social-worker',
      startedOn: formatIsoDate(row.anchor),
      events,
    };
    if (started === 'support-period-started') {
      // An end after the as-of date is not seen: the period runs on.
      const kind = (trigger as Selected).where?.periodKind;
      snapshot.periods = [{ kind: typeof kind === 'string' ? kind : 'returning-to-work', start: formatIsoDate(row.anchor), end: formatIsoDate(Math.max(row.anchor, row.asOf) + 1) }];
    }
    if (facts.role === undefined) assumptions.push("the worker's role is social worker");
    return { snapshot, assumptions };
  }
  // The date of birth is read only by rules that start at an age; any date serves the others.
  const child: Record<string, unknown> = { dateOfBirth: formatIsoDate(row.anchor), ...facts };
  return { snapshot: { caseId: ROW_CASE_ID, child, events }, assumptions };
}
