/**
 * The goals of issue 12, as each bench measures them, gathered so that `npm run bench` ends with
 * one table of every goal measured in that run (a bench run alone shows only its own).
 */

/** One goal as measured in this run. */
export interface GoalResult {
  /** What is measured, e.g. "engine, leeds-2023, × JSON.parse". */
  readonly goal: string;
  /** The figure this run measured, with its unit. */
  readonly measured: string;
  /** The goal, with its unit, e.g. "≥ 1.00×". */
  readonly target: string;
  /** Whether the figure meets the goal; undefined when the bench could not measure it. */
  readonly met: boolean | undefined;
}

const recorded: GoalResult[] = [];

/** Records a goal's figure from this run, for the closing table. */
export function recordGoal(result: GoalResult): void {
  recorded.push(result);
}

/** The goals recorded so far, in the order they were measured. */
export function recordedGoals(): readonly GoalResult[] {
  return recorded;
}

/** The closing table, as Markdown, or undefined when no bench recorded a goal. */
export function goalsTable(results: readonly GoalResult[] = recorded): string | undefined {
  if (results.length === 0) return undefined;
  const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : 'not met');
  const lines = ['| goal | measured | target | met? |', '| --- | ---: | ---: | --- |'];
  for (const r of results) lines.push(`| ${r.goal} | ${r.measured} | ${r.target} | ${verdict(r.met)} |`);
  const met = results.filter((r) => r.met === true).length;
  lines.push('', `${met} of ${results.length} goals met in this run.`);
  return lines.join('\n');
}
