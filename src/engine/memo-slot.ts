import type { EvalContext } from './context.js';

/** The slot of a rule table's object, for one question asked of it. */
export type MemoSlots = (value: object) => number;

// Each object's slot, by what is memoised of it: one trigger object is asked both for the events
// it matches and for its anchors, which must not share a slot.
const questions = new Map<string, MemoSlots>();
const slotByText = new Map<string, number>();

/**
 * The memo slots of one question (`prefix` names it, e.g. `events:`) asked of rule tables'
 * objects (a selector, an episode), found by the object's JSON with the prefix, so that the same
 * selector written in many rules (a visit in person, a placement of some kinds) is matched once
 * per snapshot. A slot is a number, so a snapshot's memo is an array read, not a lookup by text.
 * Callers keep the function: asking it is one lookup by object, not two.
 */
export function memoQuestion(prefix: string): MemoSlots {
  let slotOf = questions.get(prefix);
  if (slotOf === undefined) {
    const slots = new WeakMap<object, number>();
    slotOf = (value) => {
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
    };
    questions.set(prefix, slotOf);
  }
  return slotOf;
}

/** The memo slot of `value` for the question `prefix` names (see {@link memoQuestion}). */
export function memoSlot(prefix: string, value: object): number {
  return memoQuestion(prefix)(value);
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
export function remembered<K extends object, V>(ctx: EvalContext, slotOf: MemoSlots, key: K, find: (ctx: EvalContext, key: K) => V): V {
  const slot = slotOf(key);
  let answer = ctx.memo[slot] as V | undefined;
  if (answer === undefined) {
    answer = find(ctx, key);
    ctx.memo[slot] = answer;
  }
  return answer;
}
