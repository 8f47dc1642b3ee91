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
 * when they are read: the snapshot it was evaluated from (each obligation knows its rule). A rule
 * is evaluated again with tracing on, once, the first time one of its obligations' text is read;
 * the same engine writes it, so the text is the text a full evaluation writes.
 */
export class ReportText implements ObligationWriter {
  private ctx: EvalContext | undefined;
  /** Each rule's obligations written in full, once one of them is read. */
  private byRule: Map<RuleInSet, Obligation[]> | undefined;

  constructor(
    /** The case (or worker) id of the report. */
    readonly caseId: string,
    private readonly snapshot: Snapshot,
    private readonly asOfDay: number,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  /**
   * @throws TimescaleError `snapshot-changed` when the snapshot was modified after it was
   *   evaluated and before this text was read, so that the text would not match the answer.
   */
  written(found: Obligation, entry: RuleInSet): Obligation {
    this.byRule ??= new Map();
    let list = this.byRule.get(entry);
    if (list === undefined) {
      this.ctx ??= new EvalContext(prepare(this.snapshot, this.asOfDay), this.calendar, true);
      list = [];
      evaluateRule(this.ctx, entry, list, undefined);
      this.byRule.set(entry, list);
    }
    // Instances are numbered in the order a rule gives them.
    const full = list[found.instance];
    if (full === undefined || full.instance !== found.instance || full.status !== found.status || full.due !== found.due) {
      throw new TimescaleError('snapshot-changed', 'The snapshot changed after it was evaluated: evaluate it again.', []);
    }
    return full;
  }
}
