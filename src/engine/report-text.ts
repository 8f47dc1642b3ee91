import type { WorkingDayCalendar } from '../calendar/types.js';
import type { RuleInSet } from '../rules/chain.js';
import { TimescaleError } from '../errors.js';
import { EvalContext } from './context.js';
import type { Obligation } from './obligation.js';
import type { ObligationWriter } from './obligation-record.js';
import { prepare } from './prepare.js';
import { evaluateRule } from './rule-obligations.js';
import type { Snapshot } from './validate.js';

/**
 * What a report found on the fast path keeps to write its obligations' explanations and traces
 * when they are read: the snapshot and the rules it was evaluated with. A rule is evaluated again
 * with tracing on, once, the first time one of its obligations' text is read; the same engine
 * writes it, so the text is the text a full evaluation writes.
 */
export class ReportText implements ObligationWriter {
  private ctx: EvalContext | undefined;
  private readonly byRule = new Map<number, Obligation[]>();

  constructor(
    private readonly snapshot: Snapshot,
    private readonly asOfDay: number,
    private readonly calendar: WorkingDayCalendar,
    private readonly rules: readonly RuleInSet[],
  ) {}

  /**
   * @throws TimescaleError `snapshot-changed` when the snapshot was modified after it was
   *   evaluated and before this text was read, so that the text would not match the answer.
   */
  written(ruleIndex: number, k: number, found: Obligation): Obligation {
    let list = this.byRule.get(ruleIndex);
    if (list === undefined) {
      this.ctx ??= new EvalContext(prepare(this.snapshot, this.asOfDay), this.calendar, true);
      list = [];
      evaluateRule(this.ctx, this.rules[ruleIndex]!, { into: list, writer: undefined, ruleIndex, from: 0 });
      this.byRule.set(ruleIndex, list);
    }
    const full = list[k];
    if (full === undefined || full.status !== found.status || full.due !== found.due || full.instance !== found.instance) {
      throw new TimescaleError('snapshot-changed', 'The snapshot was changed after it was evaluated, so this explanation cannot be written: evaluate it again, or read (or serialise) the report before changing the snapshot.', []);
    }
    return full;
  }
}
