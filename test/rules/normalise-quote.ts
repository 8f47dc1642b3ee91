/** The quote normalisation now lives in src, shared by the tests and `rules check`. */
export { normaliseQuote } from '../../src/rules/normalise-quote.js';
