import { tryParseIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import { roleName } from '../rules/vocabulary.js';
import type { Role } from '../schemas/primitives.js';
import type { Variation } from '../schemas/variation.js';
import type { EvalContext } from './context.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';

type IntervalVariation = Extract<Variation, { kind: 'interval' }>;
type ExceptionVariation = Extract<Variation, { kind: 'exception' }>;

/** An interval variation found acceptable, with the days it applies. */
export interface AcceptedInterval {
  readonly id: string;
  readonly interval: Duration;
  readonly from: number;
  readonly until: number;
  /** The label of the only phase it applies in, if the standard ties it to one. */
  readonly inPhase?: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function roleText(roles: readonly Role[]): string {
  return roles.map(roleName).join(', ');
}

function rolesOk(agreedBy: readonly Role[], anyOf?: readonly Role[], allOf?: readonly Role[]): boolean {
  if (anyOf && !anyOf.some((r) => agreedBy.includes(r))) return false;
  if (allOf && !allOf.every((r) => agreedBy.includes(r))) return false;
  return true;
}

/**
 * Checks a child's interval variations for a recurring rule against what the standard allows:
 * agreed by the role it names and within its bounds. Refused ones are traced and the standard
 * interval applies.
 */
export function intervalVariations(ctx: EvalContext, rule: Extract<Rule, { kind: 'recurring' }>, trace: TraceStep[]): AcceptedInterval[] {
  // In order of agreement, so that where two overlap the later agreement wins, whatever the
  // order of the snapshot's list.
  const mine = ctx.subject.variations
    .filter((v): v is IntervalVariation => v.kind === 'interval' && v.ruleId === rule.id)
    .sort((a, b) => compareText(a.agreedOn, b.agreedOn) || compareText(a.id, b.id));
  const accepted: AcceptedInterval[] = [];
  for (const v of mine) {
    const agreed = tryParseIsoDate(v.agreedOn)!;
    if (agreed > ctx.asOf) continue;
    const allowances = rule.variation ?? [];
    const fits = allowances.find((a) => {
      if (!rolesOk(v.agreedBy, a.anyOf, a.allOf)) return false;
      const proposed = ctx.add(agreed, v.interval);
      if (a.max && proposed > ctx.add(agreed, a.max)) return false;
      if (a.min && proposed < ctx.add(agreed, a.min)) return false;
      return proposed > agreed;
    });
    if (!fits) {
      const allowed = allowances
        .map((a) => `${a.max ? `up to ${formatDuration(a.max)}` : 'any interval'}${a.min ? ` and at least ${formatDuration(a.min)}` : ''} agreed by ${roleText(a.allOf ?? a.anyOf ?? [])}${a.allOf ? ' together' : ''}${a.inPhase ? ` (${a.inPhase} only)` : ''}`)
        .join('; or ');
      trace.push({
        step: 'variation',
        detail: `Variation ${v.id} (${formatDuration(v.interval)}, agreed by ${roleText(v.agreedBy)}) was not applied: ${allowances.length ? `the standard allows ${allowed}` : 'the standard allows no variation of this timescale'}. The standard timescale applies.`,
        date: v.agreedOn,
      });
      continue;
    }
    // Never before it was agreed: a clock already met cannot be judged afresh against it.
    const from = v.from ? Math.max(tryParseIsoDate(v.from)!, agreed) : agreed;
    const until = v.until ? tryParseIsoDate(v.until)! : Infinity;
    const only = fits.inPhase === undefined ? '' : `, in the phase "${fits.inPhase}" only`;
    trace.push({ step: 'variation', detail: `Variation ${v.id} applied: ${formatDuration(v.interval)} from ${isoDate(from)}${only}, agreed by ${roleText(v.agreedBy)}.`, date: v.agreedOn });
    accepted.push(fits.inPhase === undefined ? { id: v.id, interval: v.interval, from, until } : { id: v.id, interval: v.interval, from, until, inPhase: fits.inPhase });
  }
  return accepted;
}

/** The exception recorded for a deadline's anchor, if the standard allows it and it is valid. */
export function exceptionFor(
  ctx: EvalContext,
  rule: Extract<Rule, { kind: 'deadline' }>,
  anchorId: string | null,
  originalDueDay: number,
  trace: TraceStep[],
): { id: string; earliest: number } | undefined {
  if (anchorId === null) return undefined;
  // The latest agreed, whatever the order of the snapshot's list.
  const v = ctx.subject.variations
    .filter((x): x is ExceptionVariation => x.kind === 'exception' && x.ruleId === rule.id && x.anchorEventId === anchorId)
    .sort((a, b) => compareText(b.agreedOn, a.agreedOn) || compareText(a.id, b.id))[0];
  if (!v) return undefined;
  const agreed = tryParseIsoDate(v.agreedOn)!;
  if (agreed > ctx.asOf) return undefined;
  const allowance = rule.exception;
  let refusal: string | undefined;
  if (!allowance) refusal = 'the standard allows no exception to this timescale';
  else if (!rolesOk(v.agreedBy, allowance.anyOf)) refusal = `it must be recorded by ${roleText(allowance.anyOf)}`;
  else if (agreed > originalDueDay) refusal = 'it was recorded after the deadline had passed';
  if (refusal) {
    trace.push({ step: 'exception', detail: `Exception ${v.id} was not applied: ${refusal}. The standard timescale applies.`, date: v.agreedOn });
    return undefined;
  }
  const earliest = tryParseIsoDate(v.earliestDate)!;
  trace.push({ step: 'exception', detail: `Exception ${v.id} recorded by ${roleText(v.agreedBy)}: the earliest date is ${v.earliestDate}.`, date: v.agreedOn });
  return { id: v.id, earliest };
}
