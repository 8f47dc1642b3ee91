import { describe, expect, it } from 'vitest';
import { memoQuestion, memoSlot, memoSlots } from '../../src/engine/memo-slot.js';

describe('memo slots', () => {
  it('give the same slot to objects written alike, whichever object, and another to another question', () => {
    const a = memoSlot('test-events:', { type: 'visit', where: { mode: 'in-person' } });
    const b = memoSlot('test-events:', { type: 'visit', where: { mode: 'in-person' } });
    const other = memoSlot('test-events:', { type: 'visit', where: { mode: 'video' } });
    const episodes = memoSlot('test-episodes:', { type: 'visit', where: { mode: 'in-person' } });
    expect(b).toBe(a);
    expect(new Set([a, other, episodes]).size).toBe(3);
    expect(memoSlots()).toBeGreaterThan(Math.max(a, other, episodes));
  });

  it('keep an object its slot', () => {
    const selector = { type: 'referral' };
    expect(memoSlot('test-events:', selector)).toBe(memoSlot('test-events:', selector));
  });

  it('give one object a slot for each question asked of it, whichever is asked first', () => {
    // A trigger is asked for the events it matches and for its anchors: answers of two shapes.
    const trigger = { type: 'strategy-discussion' };
    const events = memoSlot('test-events:', trigger);
    const anchors = memoSlot('test-anchors:', trigger);
    expect(anchors).not.toBe(events);
    const other = { type: 'strategy-discussion' };
    expect(memoSlot('test-anchors:', other)).toBe(anchors);
    expect(memoSlot('test-events:', other)).toBe(events);
  });

  it('are the same whether asked through a question kept by its caller or by its name', () => {
    const events = memoQuestion('test-events:');
    expect(memoQuestion('test-events:')).toBe(events);
    const selector = { type: 'visit', where: { mode: 'video' } };
    expect(events(selector)).toBe(memoSlot('test-events:', selector));
    expect(memoQuestion('test-anchors:')(selector)).not.toBe(events(selector));
  });
});
