import type { Writable } from 'node:stream';

const EVERY_MS = 200;
const WIDTH = 24;

/**
 * A one-line progress bar on stderr, redrawn at most five times a second. Drawn only when
 * stderr is a terminal and `--quiet` is not given, so that logs and pipes get no control codes.
 */
export class Progress {
  private last = 0;
  private drawn = false;
  private readonly started = performance.now();

  constructor(
    private readonly stderr: Writable,
    private readonly enabled: boolean,
    private readonly label: string,
    private readonly totalBytes: number | undefined,
  ) {}

  /** Redraws if enough time has passed. */
  update(records: number, bytes: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < EVERY_MS) return;
    this.last = now;
    const rate = Math.round(records / Math.max((now - this.started) / 1000, 0.001));
    let bar = '';
    if (this.totalBytes !== undefined && this.totalBytes > 0) {
      const share = Math.min(bytes / this.totalBytes, 1);
      const full = Math.round(share * WIDTH);
      bar = `[${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${Math.floor(share * 100)}% `;
    }
    this.stderr.write(`\r\x1b[K${this.label} ${bar}${records.toLocaleString('en-GB')} records, ${rate.toLocaleString('en-GB')}/s`);
    this.drawn = true;
  }

  /** Clears the bar so that the next line starts clean. */
  clear(): void {
    if (this.drawn) this.stderr.write('\r\x1b[K');
    this.drawn = false;
    this.last = 0;
  }
}
