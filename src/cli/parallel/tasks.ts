import { evaluateTask } from '../commands/evaluate.js';
import { summaryTask } from '../commands/summary.js';
import type { CaseTask, ProcessOptions } from '../pipeline.js';
import type { TaskInit } from './protocol.js';

/** A command's task, built in a worker from the options the main thread parsed. */
export async function makeTask(init: TaskInit): Promise<{ readonly task: CaseTask<unknown>; readonly options: ProcessOptions }> {
  const parsed = { values: init.values, positionals: [] };
  const io = { cwd: init.cwd };
  const task = init.command === 'evaluate' ? await evaluateTask(parsed, io) : await summaryTask(parsed, io);
  return { task, options: { strict: init.values.strict === true } };
}
