import type { core } from 'zod/mini';

const plural = (n: number | bigint, one: string, many: string): string => `${n} ${Number(n) === 1 ? one : many}`;

function bound(issue: { origin: string; inclusive?: boolean }, value: number | bigint, least: boolean): string {
  if (issue.origin === 'string') return `${least ? 'at least' : 'at most'} ${plural(value, 'character', 'characters')}`;
  if (issue.origin === 'array' || issue.origin === 'set') return `${least ? 'at least' : 'at most'} ${plural(value, 'item', 'items')}`;
  const word = least ? (issue.inclusive ? 'at least' : 'greater than') : issue.inclusive ? 'at most' : 'less than';
  return `a number ${word} ${value}`;
}

/**
 * A sentence for a schema problem, in the words of the schema, never the value. The schemas are
 * built with zod mini, which carries no messages of its own (every issue would read "Invalid
 * input"); pass this as the `error` of a parse and a message the schema gives (a rule id's form, a
 * duration's single unit) still wins.
 */
export function issueMessage(issue: core.$ZodRawIssue | core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined ? `Required field is missing (expected ${issue.expected}).` : `Expected ${issue.expected}.`;
    case 'too_small':
      return `Expected ${bound(issue, issue.minimum, true)}.`;
    case 'too_big':
      return `Expected ${bound(issue, issue.maximum, false)}.`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Expected a calendar date that exists, written as YYYY-MM-DD.';
      if (issue.format === 'regex' && 'pattern' in issue) return `Expected text of the form ${String(issue.pattern)}.`;
      return `Expected the ${issue.format} format.`;
    case 'invalid_value':
      return 'input' in issue && issue.input === undefined
        ? `Required field is missing (expected one of: ${issue.values.map(String).join(', ')}).`
        : `Expected one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_union':
      return 'Does not match any accepted form.';
    case 'unrecognized_keys':
      return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    case 'not_multiple_of':
      return `Expected a multiple of ${issue.divisor}.`;
    default:
      return 'Not an accepted value.';
  }
}
