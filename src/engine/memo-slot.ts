import type { EvalContext } from './context.js';

// Each object's slot, by what is memoised of it: one trigger object is asked both for the events
// it matches and for its anchors, which must not share a slot.
const slotsByPrefix = new Map<string, WeakMap<object, number>>();
const slotByText = new Map<string, number>();

/**
 * The memo slot of a rule table's object (a selector, an episode), found by its JSON with a
 * prefix saying what is memoised, so that the same selector written in many rules (a visit in
 * person, a placement of some kinds) is matched once per snapshot. A slot is a number, so a
 * snapshot's memo is an array read, not a lookup by text.
 */
export function memoSlot(prefix: string, value: object): number {
  let slots = slotsByPrefix.get(prefix);
  if (slots === undefined) {
    slots = new WeakMap();
    slotsByPrefix.set(prefix, slots);
  }
  let slot = slots.get(value);
  if (slot === undefined) {
    const text = prefix + JSON.stringify(value);
    slot = slotByText.get(text);
    if (slot === undefined) {
      slot = slotByText.size;
      slotByText.set(text, slot);
    }
    slots.set(value, slot);
  }
  return slot;
}

/** How many slots there are so far: a snapshot's memo is made that long at once. */
export function memoSlots(): number {
  return slotByText.size;
}

/**
 * The answer to a question about the context's snapshot (`find` of `key`), worked out the first
 * time it is asked and kept in the key's slot. `find` is a plain function of the context and the
 * key, so that asking again allocates nothing. The answer is shared: never modify it.
 */
export function remembered<K extends object, V>(ctx: EvalContext, prefix: string, key: K, find: (ctx: EvalContext, key: K) => V): V {
  const slot = memoSlot(prefix, key);
  let answer = ctx.memo[slot] as V | undefined;
  if (answer === undefined) {
    answer = find(ctx, key);
    ctx.memo[slot] = answer;
  }
  return answer;
}
