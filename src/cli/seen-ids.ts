/**
 * The set of case ids already read, to reject a case given twice (in CSV, a case whose rows
 * are not together). It is the one thing a run keeps per case, so it is compact, and exact: a
 * duplicate is reported only when an earlier id is the same, code unit for code unit, never on
 * a shared hash alone.
 *
 * Each id's code units are kept once in a byte arena: one byte each when every unit is below 256
 * (any id in Latin-1, as generated and council ids are), else two, after a four-byte header of
 * its length and width. An open-addressing table at most half full holds each id's 32-bit hash
 * and where it starts in the arena; a hash match is confirmed against the arena. An id of n
 * one-byte characters costs n + 4 bytes in the arena and 16 to 32 in the table: about 45 bytes
 * for `case:case-1-4999`, 4.5 MB for 100,000 cases, where a set of strings takes about twice
 * that, in the garbage collector's heap.
 */
export class SeenIds {
  /** Two words a slot: the id's hash (0 for an empty slot) and where it starts in the arena, plus one. */
  private table = new Uint32Array(2 * 1024);
  private count = 0;
  private arena = new Uint8Array(16 * 1024);
  private used = 0;

  /**
   * @param hash the hash of an id, 32 bits; by default FNV-1a, mixed. Tests give a poor one, to
   * show that ids sharing a hash are still kept apart.
   */
  constructor(private readonly hash: (id: string) => number = fnv1a) {}

  /** Adds an id; false when the same id was already there. */
  add(id: string): boolean {
    const h = this.hash(id) >>> 0 || 1; // 0 marks an empty slot
    const slots = this.table.length / 2;
    let s = h & (slots - 1);
    for (; this.table[2 * s] !== 0; s = (s + 1) & (slots - 1)) {
      if (this.table[2 * s] === h && this.same(id, this.table[2 * s + 1]! - 1)) return false;
    }
    this.table[2 * s] = h;
    this.table[2 * s + 1] = this.keep(id) + 1;
    this.count++;
    if (this.count * 2 > slots) this.grow();
    return true;
  }

  /** Whether the id kept at `at` in the arena is `id`. */
  private same(id: string, at: number): boolean {
    const a = this.arena;
    const header = a[at]! | (a[at + 1]! << 8) | (a[at + 2]! << 16) | (a[at + 3]! << 24);
    const wide = header < 0;
    if ((header & 0x7fffffff) !== id.length) return false;
    let p = at + 4;
    for (let i = 0; i < id.length; i++) {
      const c = wide ? a[p++]! | (a[p++]! << 8) : a[p++]!;
      if (c !== id.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Copies an id into the arena; where it starts. */
  private keep(id: string): number {
    let wide = false;
    for (let i = 0; i < id.length && !wide; i++) wide = id.charCodeAt(i) > 0xff;
    const size = 4 + id.length * (wide ? 2 : 1);
    if (this.used + size > this.arena.length) {
      const bigger = new Uint8Array(Math.max(2 * this.arena.length, this.used + size));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    const a = this.arena;
    const at = this.used;
    const header = id.length | (wide ? 0x80000000 : 0);
    a[at] = header & 0xff;
    a[at + 1] = (header >>> 8) & 0xff;
    a[at + 2] = (header >>> 16) & 0xff;
    a[at + 3] = header >>> 24;
    let p = at + 4;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a[p++] = c & 0xff;
      if (wide) a[p++] = c >>> 8;
    }
    this.used = p;
    return at;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    const slots = this.table.length / 2;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === 0) continue;
      let s = old[i]! & (slots - 1);
      while (this.table[2 * s] !== 0) s = (s + 1) & (slots - 1);
      this.table[2 * s] = old[i]!;
      this.table[2 * s + 1] = old[i + 1]!;
    }
  }
}

/** FNV-1a over an id's UTF-16 code units, its bits then mixed so that the low ones (the slot) vary. */
function fnv1a(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
