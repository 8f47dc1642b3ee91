import { z } from 'zod';
import { CaseSnapshot } from '../src/schemas/case-snapshot.js';
import { WorkerSnapshot } from '../src/schemas/worker-snapshot.js';

/** The JSON Schemas shipped in dist/, by file name. */
export function snapshotJsonSchemas(): Record<string, unknown> {
  const make = (schema: z.core.$ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
    $id: `https://unpkg.com/practice-timescales/dist/${id}`,
    title,
  });
  return {
    'case-snapshot.schema.json': make(CaseSnapshot, 'case-snapshot.schema.json', "A child's case snapshot for practice-timescales"),
    'worker-snapshot.schema.json': make(WorkerSnapshot, 'worker-snapshot.schema.json', "A social worker's supervision record for practice-timescales"),
  };
}
