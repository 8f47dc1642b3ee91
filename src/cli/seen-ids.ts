/**
 * The set of case ids already read, to reject a case given twice (in CSV, a case whose rows
 * are not together). It is the one thing a run keeps per case, so it is compact, grows without
 * a burst, and is exact: a duplicate is reported only when an earlier id is the same, code unit
 * for code unit, never on a shared hash alone.
 *
 * Each id is kept once in an arena of chunks: its 32-bit hash, a four-byte header of its length
 * and width, then its code units, one byte each when every unit is below 256 (any id in Latin-1,
 * as generated and council ids are), else two. Chunks are filled and never copied: an arena that
 * doubled by copying held its old and new buffers at once, three times what it kept, at the
 * moment it grew (at 400,000 ids, 24 MB). An open-addressing table, at most three quarters full,
 * holds only where each id starts (a hash match is confirmed against the arena), so that it
 * costs 4 bytes a slot, and its old and new copies together at most 16 bytes an id while it
 * grows. An id of n one-byte characters costs n + 8 bytes in the arena and 5 to 11 in the table:
 * about 39 bytes for `case:case-2024-12345`, 3.7 MiB for 100,000 cases (an arena that doubled
 * and a table of hashes took 45 to 63).
 */
export class SeenIds {
  /** Where each id starts: its chunk times {@link CHUNK_SPAN}, plus its offset, plus one (0 marks an empty slot). */
  private table: Uint32Array;
  private count = 0;
  private readonly chunks: Uint8Array[] = [];
  /** The chunk being filled, and how much of it is used. */
  private chunk: Uint8Array = new Uint8Array(0);
  private used = 0;
  private readonly hash: (id: string) => number;
  private readonly chunkBytes: number;

  /**
   * @param options.hash the hash of an id, 32 bits; by default FNV-1a, mixed. Tests give a poor
   * one, to show that ids sharing a hash are still kept apart.
   * @param options.chunkBytes the size of the arena's chunks (at most 64 KiB); tests give small
   * ones, to cross chunk boundaries often.
   * @param options.slots the table's first size, a power of two; tests give small ones, to grow it often.
   */
  constructor(options: { readonly hash?: (id: string) => number; readonly chunkBytes?: number; readonly slots?: number } = {}) {
    this.hash = options.hash ?? fnv1a;
    this.chunkBytes = Math.min(options.chunkBytes ?? CHUNK_SPAN, CHUNK_SPAN);
    this.table = new Uint32Array(options.slots ?? 4096);
  }

  /** Adds an id; false when the same id was already there. */
  add(id: string): boolean {
    const h = this.hash(id) >>> 0;
    const mask = this.table.length - 1;
    let s = h & mask;
    for (; this.table[s] !== 0; s = (s + 1) & mask) if (this.same(id, h, this.table[s]! - 1)) return false;
    this.table[s] = this.keep(id, h) + 1;
    this.count++;
    if (this.count * 4 > this.table.length * 3) this.grow();
    return true;
  }

  /** Bytes held for the ids: the table and the arena's chunks (for tests and measurement). */
  get bytesHeld(): number {
    let bytes = this.table.byteLength;
    for (const c of this.chunks) bytes += c.byteLength;
    return bytes;
  }

  /** Whether the id kept at `where` has the hash `h` and is `id`. */
  private same(id: string, h: number, where: number): boolean {
    const a = this.chunks[Math.floor(where / CHUNK_SPAN)]!;
    let p = where % CHUNK_SPAN;
    if (word(a, p) >>> 0 !== h) return false;
    const header = word(a, p + 4);
    const wide = header < 0;
    if ((header & 0x7fffffff) !== id.length) return false;
    p += 8;
    for (let i = 0; i < id.length; i++) {
      const c = wide ? a[p++]! | (a[p++]! << 8) : a[p++]!;
      if (c !== id.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Copies an id and its hash into the arena; where it starts. */
  private keep(id: string, h: number): number {
    let wide = false;
    for (let i = 0; i < id.length && !wide; i++) wide = id.charCodeAt(i) > 0xff;
    const size = 8 + id.length * (wide ? 2 : 1);
    if (this.used + size > this.chunk.length) {
      if (this.chunks.length === CHUNK_COUNT) throw new RangeError('More case ids than one run can keep apart (4 GiB of them).');
      // An id longer than a chunk gets a chunk of its own.
      this.chunk = new Uint8Array(Math.max(this.chunkBytes, size));
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    const a = this.chunk;
    const at = this.used;
    setWord(a, at, h);
    setWord(a, at + 4, id.length | (wide ? 0x80000000 : 0));
    let p = at + 8;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a[p++] = c & 0xff;
      if (wide) a[p++] = c >>> 8;
    }
    this.used = p;
    return (this.chunks.length - 1) * CHUNK_SPAN + at;
  }

  /** Doubles the table, placing each id again by the hash kept in the arena. */
  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      const where = entry - 1;
      let s = word(this.chunks[Math.floor(where / CHUNK_SPAN)]!, where % CHUNK_SPAN) & mask;
      while (this.table[s] !== 0) s = (s + 1) & mask;
      this.table[s] = entry;
    }
  }
}

/**
 * How far apart chunks are in the numbering of where an id starts: 64 KiB, the largest chunk
 * filled with ids of ordinary length (a longer id's own chunk holds that id alone, at its start),
 * so that 65,536 chunks are numbered in the table's 32 bits.
 */
const CHUNK_SPAN = 1 << 16;

/** The most chunks whose ids the table's 32 bits can number (where an id starts, plus one). */
const CHUNK_COUNT = Math.floor((2 ** 32 - 1) / CHUNK_SPAN);

/** The 32-bit word at `p`, little-endian, signed. */
function word(a: Uint8Array, p: number): number {
  return a[p]! | (a[p + 1]! << 8) | (a[p + 2]! << 16) | (a[p + 3]! << 24);
}

function setWord(a: Uint8Array, p: number, w: number): void {
  a[p] = w & 0xff;
  a[p + 1] = (w >>> 8) & 0xff;
  a[p + 2] = (w >>> 16) & 0xff;
  a[p + 3] = w >>> 24;
}

/** FNV-1a over an id's UTF-16 code units, its bits then mixed so that the low ones (the slot) vary. */
function fnv1a(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
