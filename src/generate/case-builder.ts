import { addMonthsToDay } from '../calendar/add-months.js';
import { civilFromDays, dayOfWeek, daysFromCivil, formatIsoDate, type DayNumber } from '../calendar/day-number.js';
import type { Duration } from '../calendar/duration.js';
import type { WorkingDayCalendar } from '../calendar/types.js';
import type { Role } from '../schemas/primitives.js';
import type { CaseEvent, CaseEventType } from '../schemas/events.js';
import type { Variation } from '../schemas/variation.js';
import type { Random } from './random.js';

/** The event of one type. */
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
/** The fields of an event of one type other than those the builder fills in. */
export type EventFields<T extends CaseEventType> = Omit<EventOf<T>, 'type' | 'id' | 'date'>;

function lastSunday(year: number, month: number): DayNumber {
  const last = daysFromCivil(year, month + 1, 1) - 1;
  return last - dayOfWeek(last);
}

/** Minutes east of UTC on a day in the UK: British Summer Time runs from the last Sunday of March to the last Sunday of October. */
function ukOffset(day: DayNumber): number {
  const [year] = civilFromDays(day);
  return day >= lastSunday(year, 3) && day < lastSunday(year, 10) ? 60 : 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A local time on a day, as `{ day, minute }` where `minute` counts from that day's midnight. */
export interface LocalTime {
  readonly day: DayNumber;
  readonly minute: number;
}

/**
 * Collects one synthetic child's events. Nothing dated after the as-of date or before the
 * child's birth is kept, as a real export would hold neither. Timings are mostly
 * within the standards' timescales, sometimes late and now and then missing, so that reports
 * on a generated caseload have breaches to explain.
 */
export class CaseBuilder {
  readonly events: CaseEvent[] = [];
  readonly variations: Variation[] = [];
  private count = 0;
  private ids = new Map<string, number>();

  constructor(
    readonly rng: Random,
    readonly calendar: WorkingDayCalendar,
    readonly asOf: DayNumber,
    readonly birth: DayNumber,
  ) {}

  /** A fresh id for a related record, e.g. `p2` for a second placement. */
  id(prefix: string): string {
    const n = (this.ids.get(prefix) ?? 0) + 1;
    this.ids.set(prefix, n);
    return `${prefix}${n}`;
  }

  /** Records an agreed interval variation of a rule, agreed on a day, with who agreed it. */
  vary(ruleId: string, interval: Duration, agreedBy: Role[], day: DayNumber, reason?: string): void {
    this.variations.push({ kind: 'interval', id: this.id('v'), ruleId, interval, agreedBy, agreedOn: this.dateOf(day), ...(reason ? { reason } : {}) });
  }

  /** Adds an event if it falls between the birth and the as-of date; returns its id. */
  add<T extends CaseEventType>(type: T, day: DayNumber | undefined, fields: EventFields<T>): string | undefined {
    if (day === undefined || day > this.asOf || day < this.birth) return undefined;
    const id = `e${++this.count}`;
    this.events.push({ type, id, date: formatIsoDate(day), ...fields } as EventOf<T>);
    return id;
  }

  /** Adds an event with a time of day (`at`), for hour-based timescales. */
  addAt<T extends CaseEventType>(type: T, time: LocalTime | undefined, fields: Omit<EventFields<T>, 'at'>): string | undefined {
    if (time === undefined) return undefined;
    return this.add(type, time.day, { ...fields, at: this.at(time) } as EventFields<T>);
  }

  /** An ISO date-time in UK local time with its offset. */
  at(time: LocalTime): string {
    const off = ukOffset(time.day);
    return `${formatIsoDate(time.day)}T${pad2(Math.floor(time.minute / 60))}:${pad2(time.minute % 60)}:00+${pad2(off / 60)}:00`;
  }

  /** A time in office hours (or, now and then, the evening) on a day. */
  timeOn(day: DayNumber): LocalTime {
    return { day, minute: this.rng.chance(0.85) ? this.rng.int(8 * 60, 17 * 60 + 30) : this.rng.int(17 * 60 + 31, 23 * 60) };
  }

  /** A time some hours after another: mostly within `hours`, sometimes late, now and then never. */
  hoursAfter(from: LocalTime, hours: number): LocalTime | undefined {
    const r = this.rng.next();
    if (r > 0.95) return undefined;
    const delay = r < 0.85 ? this.rng.int(30, hours * 60) : this.rng.int(hours * 60 + 1, (hours + 48) * 60);
    const total = from.day * 1440 + from.minute + delay;
    return { day: Math.floor(total / 1440), minute: total % 1440 };
  }

  /** A day as an ISO date. */
  dateOf(day: DayNumber): string {
    return formatIsoDate(day);
  }

  /** The day the child reaches an age in years and months. */
  age(years: number, months = 0): DayNumber {
    return addMonthsToDay(this.birth, years * 12 + months);
  }

  /** Working days after (or before, when negative) a day. */
  wd(day: DayNumber, n: number): DayNumber {
    // Near the calendar's last day a due date can fall beyond it; every caller stops at asOf,
    // which the calendar covers, so the last day stands in for "later than anything generated".
    const last = this.calendar.lastDay;
    if (n > 0 && day + Math.ceil((n * 7) / 5) + 14 > last) return last;
    return this.calendar.addWorkingDaysNumber(day, n);
  }

  /** Calendar months after a day, clamped to the month end. */
  months(day: DayNumber, n: number): DayNumber {
    return addMonthsToDay(day, n);
  }

  /**
   * When something with a deadline happened: mostly on time (between `from` and `due`),
   * sometimes late, now and then never (undefined).
   */
  deadline(from: DayNumber, due: DayNumber, pLate = 0.1, pMissing = 0.05): DayNumber | undefined {
    const r = this.rng.next();
    if (r < pMissing) return undefined;
    if (r < pMissing + pLate) return due + this.rng.int(1, 20);
    return this.rng.int(from, Math.max(from, due));
  }

  /**
   * Days of a recurring duty from `start` until `end`: each next one mostly within the interval
   * (`dueAfter` gives the due day from the last), sometimes late, now and then much later.
   */
  series(start: DayNumber, end: DayNumber, dueAfter: (last: DayNumber, index: number) => DayNumber): DayNumber[] {
    const out: DayNumber[] = [];
    let last = start;
    for (let i = 0; i < 400; i++) {
      const due = dueAfter(last, i);
      const r = this.rng.next();
      const earliest = last + Math.max(1, Math.floor((due - last) * 0.45));
      const day = r < 0.88 ? this.rng.int(Math.min(earliest, due), due) : r < 0.97 ? due + this.rng.int(1, 15) : due + this.rng.int(16, 60);
      if (day > end || day > this.asOf) break;
      out.push(day);
      last = day;
    }
    return out;
  }
}
