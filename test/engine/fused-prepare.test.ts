/**
 * Issue 12: the preparation of a snapshot just checked is built from what the check read of each
 * event (ids, types, day numbers, date-times), not by reading the events again. Differential tests
 * against the preparation before (`./legacy/prepare-unfused.ts`, which reads every field from the
 * events themselves): the same events in the same order, the same lists by type and the same
 * days, minutes and offsets, on the example and generated caseloads, with events in any order and
 * times in any offset; and snapshots that were not just checked are read from their events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSnapshot, SnapshotError } from '../../src/index.js';
import { formatIsoDate, tryParseIsoDate, tryParseIsoDateTime } from '../../src/calendar/day-number.js';
import { PartialData } from '../../src/engine/partial-data.js';
import { prepare } from '../../src/engine/prepare.js';
import type { PreparedSubject } from '../../src/engine/prepared.js';
import { checkSnapshot, type Snapshot } from '../../src/engine/validate.js';
import { tryParseIsoDateTime as regexParseDateTime } from './legacy/day-number.js';
import { prepare as unfusedPrepare } from './legacy/prepare-unfused.js';
import { exampleSnapshots } from './report-digests.js';

const AS_OF = tryParseIsoDate('2024-04-09')!;

type Event = Record<string, unknown> & { id: string; type: string; date: string };

/**
 * A prepared subject as plain data: each event's fields, and the lists by type (and by id) as
 * positions in `events`, so that an index holding a copy of an event rather than the event fails.
 */
function plain(s: PreparedSubject): unknown {
  const at = (e: unknown) => s.events.indexOf(e as never);
  return {
    subject: s.subject, id: s.id, team: s.team, worker: s.worker, facts: s.facts, birthDay: s.birthDay, asOf: s.asOf,
    events: s.events.map((e) => ({ id: e.id, type: e.type, typeNumber: e.typeNumber, day: e.day, minute: e.minute, offset: e.offset, raw: e.raw })),
    byTypeNumber: s.byTypeNumber.map((list) => list?.map(at)),
    byId: [...s.byId].map(([id, e]) => [id, at(e)]),
    variations: s.variations, schoolTerms: s.schoolTerms,
  };
}

/** Checks a snapshot (it must be valid) and prepares it at once, as `evaluate` does. */
function checkedAndPrepared(input: unknown, asOf: number): { snapshot: Snapshot; subject: PreparedSubject } {
  const { snapshot } = checkSnapshot(input);
  return { snapshot, subject: prepare(snapshot, asOf) };
}

function expectSameAsBefore(input: unknown, asOf: number): PreparedSubject {
  const { snapshot, subject } = checkedAndPrepared(input, asOf);
  expect(plain(subject)).toEqual(plain(unfusedPrepare(snapshot, asOf)));
  return subject;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date-time on an event's date, in an offset anywhere from -14:00 to +14:00 (`Z` among them),
 * with or without a fraction of a second: the schema's whole range.
 */
const timeOn = fc
  .record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.constantFrom('', '.5', '.123456789'),
    offset: fc.oneof(
      fc.constant('Z'),
      fc.constantFrom('+14:00', '-14:00', '+00:00', '-00:00', '+05:45', '-09:30'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 59 })).map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
    ),
  })
  .map(({ hour, minute, second, fraction, offset }) => (date: string) => `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`);

/**
 * A generated snapshot changed: some events given times (several on one day, in different
 * offsets, so that order within a day turns on the minute), some moved to other days, and the
 * list put out of order by swaps (a few: the insertion sort; many: the general sort).
 */
const changedSnapshot = fc
  .record({
    seed: fc.integer(),
    index: fc.nat(100_000),
    times: fc.array(fc.tuple(fc.nat(), timeOn), { maxLength: 30 }),
    moves: fc.array(fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })), { maxLength: 5 }),
    swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 120 }),
    reversed: fc.boolean(),
  })
  .map(({ seed, index, times, moves, swaps, reversed }) => {
    const s = generateSnapshot(seed, index, '2024-04-09') as unknown as { events: Event[] };
    const events = s.events;
    const n = events.length;
    if (n > 0) {
      for (const [pick, shift] of moves) {
        const e = events[pick % n]!;
        e.date = formatIsoDate(tryParseIsoDate(e.date)! + shift);
        if (typeof e.at === 'string') e.at = e.date + e.at.slice(10);
      }
      for (const [pick, time] of times) {
        const e = events[pick % n]!;
        e.at = time(e.date);
      }
      for (const [a, b] of swaps) [events[a % n], events[b % n]] = [events[b % n]!, events[a % n]!];
      if (reversed) events.reverse();
    }
    return s;
  });

const digits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(String(max).length, '0'));
/** Text shaped like a date-time, each part near or past its bounds, then maybe one character changed, cut or added. */
const nearDateTime = fc
  .tuple(
    fc.tuple(digits(0, 9999), digits(0, 13), digits(0, 32)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc.constantFrom('T', 't', ' '),
    fc.tuple(digits(0, 25), digits(0, 61)).map(([hh, mm]) => `${hh}:${mm}`),
    fc.option(digits(0, 61).map((ss) => `:${ss}`), { nil: '' }),
    fc.option(fc.stringMatching(/^\.[0-9]{0,11}$/), { nil: '' }),
    fc.oneof(fc.constantFrom('Z', 'z', '', '+14:00', '-14:00', '+14:01', '-00:00', '+0100', '+01'), fc.tuple(fc.constantFrom('+', '-'), digits(0, 16), digits(0, 61)).map(([a, h, m]) => `${a}${h}:${m}`)),
  )
  .map((parts) => parts.join(''));
const changedDateTime = fc.tuple(nearDateTime, fc.nat(40), fc.constantFrom('cut', 'add', 'replace', 'keep'), fc.constantFrom(...'0123456789:.-+TZ /a'.split(''))).map(([s, i, how, c]) => {
  const at = i % (s.length + 1);
  return how === 'cut' ? s.slice(0, at) : how === 'add' ? s.slice(0, at) + c + s.slice(at) : how === 'replace' ? s.slice(0, at) + c + s.slice(at + 1) : s;
});

/** A date-time the reader accepts: any day, any offset up to ±14:59, seconds and fraction optional. */
const validDateTime = fc
  .tuple(
    fc.integer({ min: -719_528, max: 2_932_896 }).map(formatIsoDate),
    fc.tuple(digits(0, 23), digits(0, 59)).map(([hh, mm]) => `T${hh}:${mm}`),
    fc.option(fc.tuple(digits(0, 59), fc.option(fc.stringMatching(/^\.[0-9]{1,9}$/), { nil: '' })).map(([ss, f]) => `:${ss}${f}`), { nil: '' }),
    fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), digits(0, 14), digits(0, 59)).map(([a, h, m]) => `${a}${h}:${m}`)),
  )
  .map((parts) => parts.join(''));

describe('reading ISO date-times by character codes', () => {
  it('gives what the regular expression before gave, on text near the form and past every bound', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(validDateTime, changedDateTime, fc.string({ maxLength: 40 }), fc.anything()), (text) => {
        const now = tryParseIsoDateTime(text);
        // -0 and 0 are told apart: an offset of -00:00 is kept as it was read.
        expect(now).toEqual(regexParseDateTime(text));
        if (now !== undefined) read++;
      }),
      { numRuns: 20_000 },
    );
    // Not only refusals: a good share of the texts are date-times.
    expect(read).toBeGreaterThan(4_000);
  });
});

describe('a snapshot just checked is prepared as the preparation before prepared it', () => {
  it('on the example caseload, as of dates before, among and after its events', () => {
    const snapshots = exampleSnapshots();
    expect(snapshots.length).toBeGreaterThan(5);
    for (const input of snapshots) {
      for (const asOf of ['2023-01-01', '2024-02-01', '2024-04-09', '2024-09-30']) expectSameAsBefore(input, tryParseIsoDate(asOf)!);
    }
  });

  it('on 10,000 generated snapshots as the bench and the pinned reports read them', () => {
    let events = 0;
    for (let i = 0; i < 10_000; i++) events += expectSameAsBefore(generateSnapshot(20240409, i, '2024-04-09'), AS_OF).events.length;
    expect(events).toBeGreaterThan(10_000 * 20);
  }, 120_000);

  it('with events in any order, times in any offset, and as of any day around them', () => {
    fc.assert(
      fc.property(changedSnapshot, fc.integer({ min: -1200, max: 200 }), (s, shift) => {
        expectSameAsBefore(s, AS_OF + shift);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it('with several events at times on one day, in offsets that put them in another order than their ids', () => {
    const s = generateSnapshot(3, 1, '2024-04-09') as unknown as { events: Event[] };
    const day = '2024-01-10';
    // 09:00 in +05:00 is 04:00Z, before 08:00Z; 23:30 in -14:00 is the next day's 13:30Z.
    const extra: Event[] = [
      { id: 'z-first', type: 'visit', date: day, at: `${day}T09:00:00+05:00`, mode: 'in-person' },
      { id: 'a-second', type: 'visit', date: day, at: `${day}T08:00:00Z`, mode: 'in-person' },
      { id: 'm-last', type: 'visit', date: day, at: `${day}T23:30:00-14:00`, mode: 'in-person' },
      { id: 'b-untimed', type: 'visit', date: day, mode: 'in-person' },
    ];
    s.events.push(...extra);
    const subject = expectSameAsBefore(s, AS_OF);
    const onDay = subject.events.filter((e) => e.day === tryParseIsoDate(day));
    expect(onDay.map((e) => e.id).filter((id) => extra.some((e) => e.id === id))).toEqual(['b-untimed', 'z-first', 'a-second', 'm-last']);
    expect(onDay.find((e) => e.id === 'm-last')).toMatchObject({ offset: -14 * 60, minute: tryParseIsoDate(day)! * 1440 + 23 * 60 + 30 + 14 * 60 });
  });

  it('on worker snapshots, whose role and periods become events too', () => {
    const worker = {
      workerId: 'w1', role: 'newly-qualified-social-worker', startedOn: '2024-01-08',
      periods: [{ kind: 'returning-to-work', start: '2024-01-08', end: '2024-03-01' }],
      events: [
        { type: 'supervision-session', id: 's2', date: '2024-01-15', at: '2024-01-15T10:00:00+00:00' },
        { type: 'supervision-session', id: 's1', date: '2024-01-15', kind: 'case' },
        { type: 'appraisal', id: 'a1', date: '2024-01-09' },
      ],
    };
    for (const asOf of ['2024-01-08', '2024-01-15', '2024-04-09']) expectSameAsBefore(worker, tryParseIsoDate(asOf)!);
  });
});

describe('what the check read is used only for the snapshot it read, once', () => {
  it('is what the snapshot is prepared from when it was just checked (a change in place between the two is not read)', () => {
    // This shows the check's columns are in use: the engine prepares a snapshot straight after
    // checking it, so nothing can change it in between, and the test changes it only to tell.
    const s = generateSnapshot(8, 2, '2024-04-09') as unknown as { events: Event[] };
    const { snapshot } = checkSnapshot(s);
    const first = s.events[0]!;
    const checkedId = first.id;
    first.id = 'changed-in-place';
    expect(prepare(snapshot, AS_OF).events.some((e) => e.id === checkedId)).toBe(true);
    // Prepared again (as a report writing its text later does): read from the events as they are.
    expect(plain(prepare(snapshot, AS_OF))).toEqual(plain(unfusedPrepare(snapshot, AS_OF)));
    expect(prepare(snapshot, AS_OF).events.some((e) => e.id === 'changed-in-place')).toBe(true);
  });

  it('reads a snapshot from its events when another was checked last, its events were replaced, or it is a copy', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.nat(), fc.integer({ min: -400, max: 400 }), (index, pick, shift) => {
        const s = generateSnapshot(5, index, '2024-04-09') as unknown as { events: Event[] };
        const other = generateSnapshot(6, index, '2024-04-09') as unknown as { events: Event[] };
        const change = (events: Event[]) => {
          const copy = events.map((e) => ({ ...e }));
          const e = copy[pick % copy.length]!;
          e.date = formatIsoDate(tryParseIsoDate(e.date)! + shift);
          delete e.at;
          return copy;
        };
        // Another snapshot checked last: the same positions hold other events.
        checkSnapshot(s);
        expect(plain(prepare(other as unknown as Snapshot, AS_OF))).toEqual(plain(unfusedPrepare(other as unknown as Snapshot, AS_OF)));
        // The snapshot checked, its list of events then replaced by another.
        checkSnapshot(s);
        s.events = change(s.events);
        expect(plain(prepare(s as unknown as Snapshot, AS_OF))).toEqual(plain(unfusedPrepare(s as unknown as Snapshot, AS_OF)));
        // A copy of the snapshot just checked, with an event changed (as partial data rewrites one).
        checkSnapshot(other);
        const copy = { ...other, events: change(other.events) } as unknown as Snapshot;
        expect(plain(prepare(copy, AS_OF))).toEqual(plain(unfusedPrepare(copy, AS_OF)));
      }),
      { numRuns: 200 },
    );
  });

  it("prepares partial data's snapshot, with visits assumed in person, from its own events", () => {
    const s = generateSnapshot(4, 0, '2024-04-09') as unknown as { events: Event[] };
    const visits = s.events.filter((e) => e.type === 'visit');
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) v.mode = 'not-recorded';
    const { snapshot } = checkSnapshot(s);
    const partial = PartialData.of(snapshot, ['visits-in-person'])!;
    expect(partial.snapshot).not.toBe(snapshot);
    const subject = prepare(partial.snapshot, AS_OF);
    expect(plain(subject)).toEqual(plain(unfusedPrepare(partial.snapshot, AS_OF)));
    expect(subject.events.filter((e) => e.type === 'visit').every((e) => e.raw.mode === 'in-person')).toBe(true);
  });

  it("prepares zod's copy of a snapshot with fields the schema does not know from the copy", () => {
    const s = generateSnapshot(4, 3, '2024-04-09') as unknown as { events: Event[] };
    s.events[1]!.note = 'an unknown field';
    const { snapshot, warnings } = checkSnapshot(s);
    expect(warnings.length).toBe(1);
    expect(snapshot).not.toBe(s);
    expect(plain(prepare(snapshot, AS_OF))).toEqual(plain(unfusedPrepare(snapshot, AS_OF)));
  });

  it('is not left from a snapshot the check refused', () => {
    const s = generateSnapshot(4, 5, '2024-04-09') as unknown as { events: Event[] };
    checkSnapshot(s);
    const bad = { ...s, events: [...s.events, { ...s.events[0]!, date: '2024-02-30' }] };
    expect(() => checkSnapshot(bad)).toThrow(SnapshotError);
    // The snapshot checked before the refused one was not prepared, and is not prepared from the
    // refused one's columns (the same events in its first positions) either way.
    expect(plain(prepare(s as unknown as Snapshot, AS_OF))).toEqual(plain(unfusedPrepare(s as unknown as Snapshot, AS_OF)));
  });
});
