/**
 * The normalisation `../shared/sources/README.md` defines for quotes, applied to both the quote
 * and the source: remove `**`, `*` and `#` markers and HTML tags such as `<sup>`, turn curly
 * quotes into straight ones, and collapse every run of whitespace into one space.
 */
export function normaliseQuote(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/[*#]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
