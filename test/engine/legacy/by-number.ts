import { typeNumber } from '../../../src/engine/event-types.js';
import type { PreparedEvent } from '../../../src/engine/prepared.js';

/**
 * A legacy preparation's lists by type (a map by type name) at their types' numbers, as the engine
 * keeps them now, so that the differential tests compare like with like.
 */
export function byNumber(byType: ReadonlyMap<string, PreparedEvent[]>): (PreparedEvent[] | undefined)[] {
  const out: (PreparedEvent[] | undefined)[] = [];
  for (const [type, list] of byType) {
    const n = typeNumber(type);
    while (out.length < n) out.push(undefined);
    out[n] = list;
  }
  return out;
}
