/**
 * The normalisation `../shared/sources/README.md` defines for quotes, applied to both the quote
 * and the source: remove `**`, `*` and `#` markers and HTML tags such as `<sup>`, turn curly
 * quotes into straight ones, and collapse every run of whitespace into one space.
 */
export function normaliseQuote(text: string): string {
  return normaliseWithOffsets(text).text;
}

/**
 * {@link normaliseQuote}, keeping for each character of the result the offset in `text` it came
 * from, so a quote found in a normalised source can be given its line in the original.
 */
export function normaliseWithOffsets(text: string): { text: string; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (c === '<') {
      const close = text.indexOf('>', i);
      if (close !== -1) {
        i = close;
        continue;
      }
    }
    if (c === '*' || c === '#') continue;
    if (/\s/.test(c)) {
      if (pendingSpace === -1) pendingSpace = i;
      continue;
    }
    if (c === '\u2018' || c === '\u2019') c = "'";
    else if (c === '\u201C' || c === '\u201D') c = '"';
    if (pendingSpace !== -1 && chars.length > 0) {
      chars.push(' ');
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    chars.push(c);
    offsets.push(i);
  }
  return { text: chars.join(''), offsets };
}

/** The 1-based line a quote starts on in `source`, or undefined when it is not there. */
export function findQuoteLine(source: string, quote: string): number | undefined {
  return locateQuote(source, quote)?.line;
}

/** The 1-based lines a quote's first occurrence in `source` starts and ends on, or undefined when it is not there. */
export function locateQuote(source: string, quote: string): { line: number; endLine: number } | undefined {
  const wanted = normaliseQuote(quote);
  const { text, offsets } = normaliseWithOffsets(source);
  const at = text.indexOf(wanted);
  if (at === -1 || wanted === '') return undefined;
  const lineOf = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
    return line;
  };
  return { line: lineOf(offsets[at]!), endLine: lineOf(offsets[at + wanted.length - 1]!) };
}
