/**
 * The readings of a rule set: the text its YAML carries for people and that no evaluation reads.
 * Each rule's `note` (the reading chosen where the standard could be read more than one way, and
 * why), the notes on its allowed variations and exception, and the set's guidance statements (the
 * sentences that set no checkable timescale, each with its reason). They are most of a rule
 * table's bytes, so the build keeps them out of the tables a page bundles (`rules/<id>.json`) and
 * writes them beside it (`rules/<id>.readings.json`), from the same YAML folder.
 */
import type { Rule, RuleSet } from '../rule-schema.js';

/** A statement in a standard that sets no checkable timescale, with the reason and its citation. */
export type GuidanceStatement = NonNullable<RuleSet['guidance']>[number];

/** The notes of one rule. */
export interface RuleReading {
  /** How the rule reads its standard where the text is ambiguous, and why. */
  readonly note?: string;
  /** The note on each allowed variation, by its index in the rule's `variation` list. */
  readonly variations?: Readonly<Record<string, string>>;
  /** The note on the rule's allowed exception. */
  readonly exception?: string;
}

/**
 * What a shipped rule set says for people beyond its rules' citations: the readings of
 * `practice-timescales/rules/<id>/readings`, and the content of `rules/<id>.readings.json`.
 */
export interface RuleSetReadings {
  /** The id of the rule set they belong to (not of the sets it extends: each has its own). */
  readonly ruleSet: string;
  /** By rule id; a rule with no note is absent. */
  readonly rules: Readonly<Record<string, RuleReading>>;
  /** The statements in the standard that set no checkable timescale, each with its reason. */
  readonly guidance: readonly GuidanceStatement[];
}

type Loose = Record<string, unknown>;

/**
 * Splits a compiled rule set into the table the engine reads and its readings. Lossless:
 * {@link joinReadings} puts them back together.
 */
export function splitReadings<S extends RuleSet>(set: S): { table: S; readings: RuleSetReadings } {
  const rules: Record<string, RuleReading> = {};
  const table = {
    ...set,
    rules: set.rules.map((rule) => {
      const { note, ...rest } = rule as Rule & Loose;
      const reading: { note?: string; variations?: Record<string, string>; exception?: string } = note === undefined ? {} : { note: note as string };
      const lean: Loose = rest;
      if ('variation' in rule && rule.variation) {
        lean['variation'] = rule.variation.map((v, i) => {
          const { note: vNote, ...vRest } = v;
          if (vNote !== undefined) (reading.variations ??= {})[String(i)] = vNote;
          return vRest;
        });
      }
      if ('exception' in rule && rule.exception) {
        const { note: eNote, ...eRest } = rule.exception;
        if (eNote !== undefined) reading.exception = eNote;
        lean['exception'] = eRest;
      }
      if (Object.keys(reading).length > 0) rules[rule.id] = reading;
      return lean as Rule;
    }),
  } as S & Loose;
  delete table['guidance'];
  return { table, readings: { ruleSet: set.id, rules, guidance: set.guidance ?? [] } };
}

/**
 * A rule set with its readings put back: every rule's `note` (and its variations' and exception's)
 * and the guidance, as the YAML folder has them. For a developer who wants them at run time, e.g.
 * `joinReadings(leeds2023(), leeds2023Readings())`; the result is a new, unfrozen object.
 */
export function joinReadings<S extends RuleSet>(table: S, readings: RuleSetReadings): S {
  const rules = table.rules.map((rule) => {
    const reading = readings.rules[rule.id];
    if (!reading) return rule;
    const full: Loose = { ...rule };
    if ('variation' in rule && rule.variation && reading.variations) {
      full['variation'] = rule.variation.map((v, i) => (reading.variations![String(i)] === undefined ? v : { ...v, note: reading.variations![String(i)] }));
    }
    if ('exception' in rule && rule.exception && reading.exception !== undefined) full['exception'] = { ...rule.exception, note: reading.exception };
    return (reading.note === undefined ? full : { ...full, note: reading.note }) as Rule;
  });
  return { ...table, rules, ...(readings.guidance.length > 0 ? { guidance: readings.guidance } : {}) };
}
