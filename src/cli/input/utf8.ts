import { isUtf8 } from 'node:buffer';

/** The first byte of each sequence whose continuation bytes have a narrower range. */
const SECOND_BYTE: Readonly<Record<number, readonly [number, number]>> = { 0xe0: [0xa0, 0xbf], 0xed: [0x80, 0x9f], 0xf0: [0x90, 0xbf], 0xf4: [0x80, 0x8f] };

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether a whole sequence of `n` bytes at `i` is valid UTF-8. */
function validSequence(bytes: Uint8Array, i: number, n: number): boolean {
  if (i + n > bytes.length) return false;
  const [lo, hi] = SECOND_BYTE[bytes[i]!] ?? [0x80, 0xbf];
  if (n > 1 && (bytes[i + 1]! < lo || bytes[i + 1]! > hi)) return false;
  for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** A byte that is not UTF-8, as a lone low surrogate (U+DC80 to U+DCFF), which no UTF-8 text decodes to. */
function mark(byte: number): string {
  return String.fromCharCode(0xdc00 + byte);
}

/** Decodes bytes, marking each byte that is not part of a valid sequence. */
function decodeMarking(bytes: Buffer): string {
  let out = '';
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    if (n > 0 && validSequence(bytes, i, n)) {
      i += n;
      continue;
    }
    out += bytes.toString('utf8', run, i) + mark(bytes[i]!);
    i++;
    run = i;
  }
  return out + bytes.toString('utf8', run, i);
}

/**
 * Decodes bytes that end where a sequence may end (a line end, the end of the input) as
 * {@link Utf8Text} does: each byte that is not part of a valid sequence becomes a mark, an
 * unfinished sequence at the end included.
 */
export function decodeUtf8(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeMarking(bytes);
}

/**
 * A streaming UTF-8 decoder that does not hide bad bytes. Node's decoder turns them into U+FFFD,
 * so two case ids that differ only in bad bytes would become one; here each bad byte becomes a
 * lone surrogate, which {@link isWellFormedText} finds, so the reader rejects the record it is in.
 */
export class Utf8Text {
  private rest: Buffer = Buffer.alloc(0);

  /** Decodes a chunk; a sequence cut by the chunk's end waits for the next chunk. */
  write(chunk: Buffer): string {
    const data = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    let cut = data.length;
    for (let k = 1; k <= Math.min(3, data.length); k++) {
      const b = data[data.length - k]!;
      if ((b & 0xc0) === 0x80) continue;
      if (sequenceLength(b) > k) cut = data.length - k;
      break;
    }
    this.rest = Buffer.from(data.subarray(cut));
    return decodeUtf8(data.subarray(0, cut));
  }

  /** What is left at the end of the input: an unfinished sequence, marked byte by byte. */
  end(): string {
    const tail = [...this.rest].map(mark).join('');
    this.rest = Buffer.alloc(0);
    return tail;
  }
}

/** False when text read by {@link Utf8Text} holds bytes that were not UTF-8. */
export function isWellFormedText(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** The problem reported for a record holding bytes that are not UTF-8. */
export const NOT_UTF8 = {
  code: 'invalid-utf8',
  path: '',
  message: 'This record holds bytes that are not UTF-8 text, so its ids and fields cannot be read as written: save the file as UTF-8.',
} as const;
