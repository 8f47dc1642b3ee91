/**
 * Test cases as data: each names a rule, an as-of date, a child's events in a compact form and
 * the obligations the rule must give. Councils keep them beside their rules
 * (`visits.cases.yaml` next to `visits.yaml`) and run them with {@link runCases}, through the
 * engine's public entry like any other way in.
 */
import * as z from 'zod';
import { evaluate, type Obligation, type RuleSet } from '../index.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD.');

/**
 * An event: `"2024-01-19 visit mode=in-person"` (date, type, then `field=value` pairs; values
 * `true`, `false` and numbers are read as such, and a value with commas as a list), or the event
 * as an object. Events are given ids `e1`, `e2`, … in order unless they carry `id=`.
 */
export const CaseEventInput = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);

/**
 * An expected obligation: `"met 2024-01-22 by e2"`, `"overdue 2024-01-22"`, `"not-applicable"`, or
 * as an object, which can also give the `anchor` date and words the explanation `says`.
 */
export const ExpectedObligation = z.union([
  z.string().min(1),
  z
    .object({
      status: z.string().min(1),
      due: z.union([IsoDate, z.string().regex(/T/), z.null()]).optional(),
      /** The date the clock started from. */
      anchor: IsoDate.optional(),
      /** The id of the event that met it. */
      by: z.string().optional(),
      /**
       * Words the obligation's explanation must contain, e.g. the missing fact an `unknown`
       * names (`child.careHistoryFrom`) or the reason a duty is `not-applicable`.
       */
      says: z.string().min(1).optional(),
    })
    .strict(),
]);

/** One case. */
export const RuleCase = z
  .object({
    rule: z.string().min(1),
    name: z.string().min(1),
    asOf: IsoDate,
    /** The child's facts (date of birth 2012-03-15 unless given). */
    child: z.record(z.string(), z.unknown()).optional(),
    /** For worker rules: the worker's role and start date; the events are then the worker's. */
    worker: z.object({ role: z.string(), startedOn: IsoDate }).passthrough().optional(),
    variations: z.array(z.unknown()).optional(),
    schoolTerms: z.unknown().optional(),
    events: z.array(CaseEventInput),
    /** Every obligation the rule gives, in order. */
    expect: z.array(ExpectedObligation),
  })
  .strict();
/** A case, see {@link RuleCase}. */
export type RuleCase = z.infer<typeof RuleCase>;

/** A cases file: `cases:` and a list. */
export const CaseFile = z.object({ cases: z.array(RuleCase) }).strict();

/** The outcome of one case. */
export interface CaseResult {
  readonly rule: string;
  readonly name: string;
  readonly passed: boolean;
  /** What was expected and what the engine gave, one line per obligation. */
  readonly expected: readonly string[];
  readonly actual: readonly string[];
  /** Why the case could not run (e.g. it names a rule the set does not have). */
  readonly error?: string;
}

function readValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.includes(',')) return text.split(',');
  return text;
}

/** Expands a compact event into the event a snapshot holds. */
export function expandEvent(input: string | Record<string, unknown>, index: number): Record<string, unknown> {
  if (typeof input !== 'string') return { id: `e${index + 1}`, ...input };
  const [date, type, ...pairs] = input.trim().split(/\s+/);
  const event: Record<string, unknown> = { id: `e${index + 1}`, type, date };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`"${pair}" is not field=value`);
    event[pair.slice(0, eq)] = readValue(pair.slice(eq + 1));
  }
  return event;
}

function actualLine(o: Obligation, withExplanation: boolean): string {
  const line = `${o.status} ${o.due ?? '-'}${o.satisfiedBy ? ` by ${o.satisfiedBy.eventId}` : ''} (anchor ${o.anchor?.date ?? '-'})`;
  return withExplanation ? `${line} saying "${o.explanation}"` : line;
}

function matches(expected: z.infer<typeof ExpectedObligation>, o: Obligation): boolean {
  if (typeof expected === 'string') {
    const [status, due, by, byId] = expected.trim().split(/\s+/);
    if (status !== o.status) return false;
    if (due !== undefined && due !== (o.due ?? '-')) return false;
    return by === undefined || (by === 'by' && byId === o.satisfiedBy?.eventId);
  }
  if (expected.status !== o.status) return false;
  if (expected.due !== undefined && expected.due !== o.due) return false;
  if (expected.anchor !== undefined && expected.anchor !== o.anchor?.date) return false;
  if (expected.says !== undefined && !o.explanation.includes(expected.says)) return false;
  return expected.by === undefined || expected.by === o.satisfiedBy?.eventId;
}

/** The snapshot a case describes. */
export function caseSnapshot(c: RuleCase): Record<string, unknown> {
  const events = c.events.map((e, i) => expandEvent(e, i));
  const extra = { ...(c.variations ? { variations: c.variations } : {}), ...(c.schoolTerms !== undefined ? { schoolTerms: c.schoolTerms } : {}) };
  if (c.worker) return { workerId: 'case', ...c.worker, events, ...extra };
  return { caseId: 'case', child: { dateOfBirth: '2012-03-15', ...c.child }, events, ...extra };
}

/**
 * Runs cases against a rule set: each case's snapshot is evaluated as of its date and the named
 * rule's obligations compared, in order, with the expected ones. `ruleSets` holds sets the rule
 * set extends that are not shipped. Never throws for a bad case: its result says what was wrong.
 */
export function runCases(ruleSet: RuleSet | string, cases: readonly RuleCase[], ruleSets?: Readonly<Record<string, RuleSet>>): CaseResult[] {
  return cases.map((c) => {
    const expected = c.expect.map((e) => (typeof e === 'string' ? e : `${e.status} ${e.due ?? '-'}${e.by ? ` by ${e.by}` : ''}${e.anchor ? ` (anchor ${e.anchor})` : ''}${e.says ? ` saying "${e.says}"` : ''}`));
    try {
      const report = evaluate(caseSnapshot(c), { ruleSet, asOf: c.asOf, ...(ruleSets ? { ruleSets } : {}) });
      const got = report.obligations.filter((o) => o.ruleId === c.rule);
      const passed = got.length === c.expect.length && got.every((o, i) => matches(c.expect[i]!, o));
      const says = c.expect.some((e) => typeof e !== 'string' && e.says !== undefined);
      return { rule: c.rule, name: c.name, passed, expected, actual: got.map((o) => actualLine(o, says)) };
    } catch (e) {
      const code = (e as { code?: string }).code;
      return { rule: c.rule, name: c.name, passed: false, expected, actual: [], error: `${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)}` };
    }
  });
}
