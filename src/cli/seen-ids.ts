/**
 * The set of case ids already read, to reject a case given twice (in CSV, a case whose rows
 * are not together). It is the one thing a run keeps per case, so it is compact: ids are kept as
 * 64-bit hashes in a typed array at most half full, 16 to 32 bytes per id (400,000 cases take
 * 8 MB, a million 16 MB, where a set of strings would take 20 and 50); the chance that two
 * different ids share a hash among a million is about one in thirty million.
 */
export class SeenIds {
  private table = new Uint32Array(2 * 1024);
  private count = 0;

  /** Adds an id; false when it was already there. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = (h1 ^ (h1 >>> 16)) >>> 0 || 1; // 0 marks an empty slot
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) >>> 0;
    if (!this.insert(this.table, h1, h2)) return false;
    this.count++;
    if (this.count * 2 > this.table.length / 2) this.grow();
    return true;
  }

  private insert(table: Uint32Array, h1: number, h2: number): boolean {
    const slots = table.length / 2;
    for (let s = (h1 ^ h2) & (slots - 1); ; s = (s + 1) & (slots - 1)) {
      const a = table[2 * s]!;
      if (a === 0) {
        table[2 * s] = h1;
        table[2 * s + 1] = h2;
        return true;
      }
      if (a === h1 && table[2 * s + 1] === h2) return false;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    for (let s = 0; s < old.length; s += 2) if (old[s] !== 0) this.insert(this.table, old[s]!, old[s + 1]!);
  }
}
