/** The table reused for lists of up to 2,048 values (most snapshots); longer ones get their own. */
const SHARED = new Int32Array(4096);

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Whether any text occurs twice among the first `n` of a list (event ids; the list may be a
 * reused column longer than that). Every valid snapshot is checked, so this is an
 * open-addressing table of positions, cleared and reused, rather than a new `Set` each time; the
 * caller lists the repeats, in order, only when there are some.
 */
export function hasRepeat(values: readonly string[], n = values.length): boolean {
  if (n < 2) return false;
  let size = 4;
  while (size < n * 2) size *= 2;
  const table = size <= SHARED.length ? SHARED : new Int32Array(size);
  const mask = size - 1;
  let repeat = false;
  // A slot holds a position plus one; 0 is empty.
  outer: for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let slot = hash(v) & mask;
    for (let held = table[slot]!; held !== 0; held = table[slot]!) {
      if (values[held - 1] === v) {
        repeat = true;
        break outer;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = i + 1;
  }
  if (table === SHARED) SHARED.fill(0, 0, size);
  return repeat;
}
