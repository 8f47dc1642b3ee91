import { civilFromDays, daysFromCivil, daysInMonth, isoParts, partsDay, partsMonth, partsYear, type DayNumber } from './day-number.js';

const TWO_DIGITS = /* @__PURE__ */ Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * ISO text for every day of a fixed range, both ways, from tables built once: writing a day is
 * one array read, and reading one is a few character codes and a per-month table lookup, with
 * none of the divisions of a general calendar conversion. This is the fast path that lets the
 * string API keep up with the day-number arithmetic behind it.
 */
export class IsoDays {
  private readonly text: string[];
  private readonly firstYear: number;
  /** Day number of the 1st of each month, from January of the first year of the range. */
  private readonly monthStart: Int32Array;
  private readonly monthLength: Uint8Array;

  constructor(
    readonly firstDay: DayNumber,
    readonly lastDay: DayNumber,
  ) {
    const [firstYear] = civilFromDays(firstDay);
    const [lastYear] = civilFromDays(lastDay);
    this.firstYear = firstYear;
    const months = (lastYear - firstYear + 1) * 12;
    this.monthStart = new Int32Array(months);
    this.monthLength = new Uint8Array(months);
    for (let i = 0; i < months; i++) {
      const year = firstYear + Math.floor(i / 12);
      this.monthStart[i] = daysFromCivil(year, (i % 12) + 1, 1);
      this.monthLength[i] = daysInMonth(year, (i % 12) + 1);
    }
    this.text = new Array<string>(lastDay - firstDay + 1);
    for (let i = 0; i < months; i++) {
      const prefix = `${String(firstYear + Math.floor(i / 12)).padStart(4, '0')}-${TWO_DIGITS[(i % 12) + 1]}-`;
      for (let d = 1; d <= this.monthLength[i]!; d++) {
        const day = this.monthStart[i]! + d - 1;
        if (day >= firstDay && day <= lastDay) this.text[day - firstDay] = prefix + TWO_DIGITS[d]!;
      }
    }
  }

  /** The ISO text of a day inside the range. */
  format(day: DayNumber): string {
    return this.text[day - this.firstDay]!;
  }

  /**
   * The day number of `YYYY-MM-DD` text for a date that exists and lies inside the range, or
   * `undefined` for anything else; callers then ask the general parser which error to throw.
   */
  read(value: unknown): DayNumber | undefined {
    const parts = isoParts(value);
    if (parts < 0) return undefined;
    const month = partsMonth(parts);
    const dayOfMonth = partsDay(parts);
    const index = (partsYear(parts) - this.firstYear) * 12 + month - 1;
    if (month < 1 || month > 12 || index < 0 || index >= this.monthStart.length) return undefined;
    if (dayOfMonth < 1 || dayOfMonth > this.monthLength[index]!) return undefined;
    const day = this.monthStart[index]! + dayOfMonth - 1;
    return day >= this.firstDay && day <= this.lastDay ? day : undefined;
  }
}
