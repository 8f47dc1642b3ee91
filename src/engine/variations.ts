import { tryParseIsoDate } from '../calendar/day-number.js';
import { formatDuration } from '../calendar/index.js';
import type { Duration } from '../calendar/duration.js';
import type { Rule } from '../rules/rule-schema.js';
import { roleName } from '../rules/vocabulary.js';
import type { Role } from '../schemas/primitives.js';
import type { Variation } from '../schemas/variation.js';
import { UnknownFact, type EvalContext } from './context.js';
import { isoDate } from './iso-text.js';
import type { TraceStep } from './obligation.js';
import { resolveEpisodes } from './triggers.js';

/**
 * Why an agreed variation or exception was not applied, as the trace step's `code`:
 * - `variation-not-allowed`: the standard allows none, or not agreed by the role it names;
 * - `variation-outside-bounds`: longer or shorter than the standard allows;
 * - `variation-beyond-calendar`: the interval reaches past the dates the calendar covers;
 * - `variation-before-episode`: agreed before the duty it varies had started (a mistyped year);
 * - `exception-after-deadline`: recorded after the deadline had passed;
 * - `exception-before-anchor`: recorded before the event whose deadline it excepts.
 */
export type RefusalCode =
  | 'variation-not-allowed'
  | 'variation-outside-bounds'
  | 'variation-beyond-calendar'
  | 'variation-before-episode'
  | 'exception-after-deadline'
  | 'exception-before-anchor';

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

type Allowance = NonNullable<Extract<Rule, { kind: 'recurring' }>['variation']>[number];

/** The allowance an interval variation fits, or why it cannot be applied. */
function judgeInterval(ctx: EvalContext, v: IntervalVariation, agreed: number, allowances: readonly Allowance[], firstStart: number): { fits: Allowance } | { code: RefusalCode; why: string } {
  if (allowances.length === 0) return { code: 'variation-not-allowed', why: 'the standard allows no variation of this timescale' };
  if (agreed < firstStart) return { code: 'variation-before-episode', why: `it was agreed before the duty it varies started (${isoDate(firstStart)}): check the date it was agreed` };
  const allowed = allowances
    .map((a) => `${a.max ? `up to ${formatDuration(a.max)}` : 'any interval'}${a.min ? ` and at least ${formatDuration(a.min)}` : ''} agreed by ${roleText(a.allOf ?? a.anyOf ?? [])}${a.allOf ? ' together' : ''}${a.inPhase ? ` (${a.inPhase} only)` : ''}`)
    .join('; or ');
  const byRole = allowances.filter((a) => rolesOk(v.agreedBy, a.anyOf, a.allOf));
  if (byRole.length === 0) return { code: 'variation-not-allowed', why: `the standard allows ${allowed}` };
  try {
    const proposed = ctx.add(agreed, v.interval);
    const fits = byRole.find((a) => {
      // The bounds are counted from the same day, so a bound in other units compares fairly.
      if (a.max && proposed > ctx.add(agreed, a.max)) return false;
      if (a.min && proposed < ctx.add(agreed, a.min)) return false;
      return proposed > agreed;
    });
    return fits ? { fits } : { code: 'variation-outside-bounds', why: `the standard allows ${allowed}` };
  } catch (e) {
    // An interval counted past the calendar's last date cannot be honoured: the standard's applies.
    if (!(e instanceof UnknownFact)) throw e;
    return { code: 'variation-beyond-calendar', why: `the interval reaches beyond the dates the calendar covers; the standard allows ${allowed}` };
  }
}

const NONE_ACCEPTED: readonly AcceptedInterval[] = Object.freeze([]);

/**
 * Checks a child's interval variations for a recurring rule against what the standard allows:
 * agreed by the role it names, within its bounds, and not before the duty started (a variation
 * agreed in 1924 is a mistyped date, not a reason to stop counting). Refused ones are traced with
 * a {@link RefusalCode} and the standard interval applies.
 */
export function intervalVariations(ctx: EvalContext, rule: Extract<Rule, { kind: 'recurring' }>, trace: TraceStep[]): readonly AcceptedInterval[] {
  // Asked for every recurring rule: most snapshots vary none, and then nothing is allocated.
  if (ctx.subject.variations.length === 0) return NONE_ACCEPTED;
  const forRule = (v: Variation): v is IntervalVariation => v.kind === 'interval' && v.ruleId === rule.id;
  if (!ctx.subject.variations.some(forRule)) return NONE_ACCEPTED;
  // In order of agreement, so that where two overlap the later agreement wins, whatever the
  // order of the snapshot's list.
  const mine = ctx.subject.variations
    .filter(forRule)
    .sort((a, b) => compareText(a.agreedOn, b.agreedOn) || compareText(a.id, b.id));
  const accepted: AcceptedInterval[] = [];
  const allowances = rule.variation ?? [];
  const firstStart = Math.min(...resolveEpisodes(ctx, rule.episode).map((ep) => ep.start.day));
  for (const v of mine) {
    const agreed = tryParseIsoDate(v.agreedOn)!;
    if (agreed > ctx.asOf) continue;
    const judged = judgeInterval(ctx, v, agreed, allowances, firstStart);
    if ('code' in judged) {
      if (ctx.tracing) trace.push({
        step: 'variation',
        code: judged.code,
        detail: `Variation ${v.id} (${formatDuration(v.interval)}, agreed by ${roleText(v.agreedBy)}) was not applied: ${judged.why}. The standard timescale applies.`,
        date: v.agreedOn,
      });
      continue;
    }
    // Never before it was agreed: a clock already met cannot be judged afresh against it.
    const from = v.from ? Math.max(tryParseIsoDate(v.from)!, agreed) : agreed;
    const until = v.until ? tryParseIsoDate(v.until)! : Infinity;
    const { inPhase } = judged.fits;
    const only = inPhase === undefined ? '' : `, in the phase "${inPhase}" only`;
    if (ctx.tracing) trace.push({ step: 'variation', detail: `Variation ${v.id} applied: ${formatDuration(v.interval)} from ${isoDate(from)}${only}, agreed by ${roleText(v.agreedBy)}.`, date: v.agreedOn });
    accepted.push(inPhase === undefined ? { id: v.id, interval: v.interval, from, until } : { id: v.id, interval: v.interval, from, until, inPhase });
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
  // The latest agreed (the first id on a tie), whatever the order of the snapshot's list: asked
  // for every instance of a deadline, so found in one pass that allocates nothing.
  let v: ExceptionVariation | undefined;
  const variations = ctx.subject.variations;
  for (let i = 0; i < variations.length; i++) {
    const x = variations[i]!;
    if (x.kind !== 'exception' || x.ruleId !== rule.id || x.anchorEventId !== anchorId) continue;
    if (v === undefined || (compareText(x.agreedOn, v.agreedOn) || compareText(v.id, x.id)) > 0) v = x;
  }
  if (!v) return undefined;
  const agreed = tryParseIsoDate(v.agreedOn)!;
  if (agreed > ctx.asOf) return undefined;
  const allowance = rule.exception;
  const anchorDay = ctx.subject.byId.get(anchorId)?.day;
  let refusal: { code: RefusalCode; why: string } | undefined;
  if (!allowance) refusal = { code: 'variation-not-allowed', why: 'the standard allows no exception to this timescale' };
  else if (!rolesOk(v.agreedBy, allowance.anyOf)) refusal = { code: 'variation-not-allowed', why: `it must be recorded by ${roleText(allowance.anyOf)}` };
  else if (anchorDay !== undefined && agreed < anchorDay) refusal = { code: 'exception-before-anchor', why: `it was recorded on ${v.agreedOn}, before the event it excepts: check the date it was recorded` };
  else if (agreed > originalDueDay) refusal = { code: 'exception-after-deadline', why: 'it was recorded after the deadline had passed' };
  if (refusal) {
    if (ctx.tracing) trace.push({ step: 'exception', code: refusal.code, detail: `Exception ${v.id} was not applied: ${refusal.why}. The standard timescale applies.`, date: v.agreedOn });
    return undefined;
  }
  const earliest = tryParseIsoDate(v.earliestDate)!;
  if (ctx.tracing) trace.push({ step: 'exception', detail: `Exception ${v.id} recorded by ${roleText(v.agreedBy)}: the earliest date is ${v.earliestDate}.`, date: v.agreedOn });
  return { id: v.id, earliest };
}
