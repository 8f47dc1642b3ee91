import type { EventTrigger } from '../../../src/rules/rule-schema.js';
import type * as z from 'zod';
import type { EvalContext } from './context.js';
import { eventLabel } from '../../../src/rules/vocabulary.js';
import type { Anchor } from './outcome.js';
import type { PreparedEvent } from './prepared.js';

/**
 * The anchor of one matching event: the event itself or, when the trigger counts from an
 * earlier linked event (`earlierLinked`) and the event names one of that type dated before it,
 * that earlier date. The anchor keeps the event's own id, so cancellations, exceptions and links
 * still belong to it; its label says where the clock starts. A link to an event the snapshot does
 * not hold (or of another type, or not earlier) leaves the event's own date.
 */
export function anchorOf(ctx: EvalContext, trigger: z.infer<typeof EventTrigger>, e: PreparedEvent): Anchor {
  const own: Anchor = { eventId: e.id, day: e.day, label: eventLabel(e.type), event: e };
  const spec = trigger.earlierLinked;
  if (!spec) return own;
  const id = e.raw[spec.field];
  const linked = typeof id === 'string' ? ctx.subject.byId.get(id) : undefined;
  if (!linked || linked.type !== spec.type || linked.day >= e.day) return own;
  return { eventId: e.id, day: linked.day, label: `${eventLabel(linked.type)} linked to the ${eventLabel(e.type)} (${spec.field})`, event: e };
}
