type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type Month = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12';
type Day1To28 = `0${Exclude<Digit, '0'>}` | `1${Digit}` | `2${Exclude<Digit, '9'>}`;
/** The days each month can have; 29 February is left to the run-time check (leap years). */
type DayOf<M extends Month> = M extends '02' ? Day1To28 | '29' : M extends '04' | '06' | '09' | '11' ? Day1To28 | '29' | '30' : Day1To28 | '29' | '30' | '31';

/**
 * `D` when it is a date literal that can exist (`2024-04-30`), `never` when it cannot
 * (`2024-04-31`, `2024-4-1`), and any `string` that is not a literal as it is: that one is
 * checked at `build()`, as is 29 February in a year that is not a leap year.
 */
export type CheckedDate<D extends string> = string extends D
  ? D
  : D extends `${Digit}${Digit}${Digit}${Digit}-${infer M extends Month}-${infer Day}`
    ? Day extends DayOf<M>
      ? D
      : never
    : never;

/** A builder's date parameter: a `YYYY-MM-DD` literal that can exist, or a string checked at build. */
export type DateArg<D extends string> = D & CheckedDate<D>;
