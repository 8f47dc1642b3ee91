/**
 * A worker thread of `--jobs`: builds the command's task from the options it is given, then
 * judges each batch of records it is sent (JSON lines as bytes, decoded here) and sends back
 * their outcomes, in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PendingBatch } from '../input/record.js';
import { batchRecords, judge } from '../pipeline.js';
import type { TaskInit, WorkerReply, WorkerRequest } from './protocol.js';
import { makeTask } from './tasks.js';

const ready = makeTask(workerData as TaskInit);
const port = parentPort!;

port.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply<unknown>;
  try {
    const { task, options } = await ready;
    reply = { id: request.id, outcomes: batchRecords(request.batch).map((item) => judge(item, task, options)) };
  } catch (e) {
    reply = { id: request.id, outcomes: [], error: e instanceof Error ? e.message : String(e) };
  }
  const { batch } = request;
  if (Array.isArray(batch)) port.postMessage(reply);
  else port.postMessage({ ...reply, spent: batch.bytes.buffer }, [batch.bytes.buffer]);
});
