import { getRuleSet, ruleSetIds, type Rule, type RuleSet } from '../index.js';
import { CellError } from './cells.js';

/** A rule with the set that defines it. */
export interface IndexedRule {
  readonly rule: Rule;
  readonly ruleSet: RuleSet;
}

/**
 * The rule sets the spreadsheet functions know, and their rules by id. Look-ups go through
 * `Map`s, never an object's properties, so an id such as `constructor` or `__proto__` is just an
 * id that is not there.
 */
export class RuleIndex {
  private readonly sets = new Map<string, RuleSet>();
  private readonly rules = new Map<string, IndexedRule>();
  /** The sets passed in rather than shipped, by id, for the engine to resolve `extends` with. */
  readonly extra: Readonly<Record<string, RuleSet>> | undefined;

  constructor(sets: readonly RuleSet[] | undefined) {
    for (const set of sets ?? ruleSetIds.map(getRuleSet)) {
      this.sets.set(set.id, set);
      // A later set's rule wins a clash of ids.
      for (const rule of set.rules) this.rules.set(rule.id, { rule, ruleSet: set });
    }
    this.extra = sets ? Object.fromEntries(sets.map((s) => [s.id, s])) : undefined;
  }

  /** Every set, in the order given. */
  all(): RuleSet[] {
    return [...this.sets.values()];
  }

  /**
   * A rule by id (compared without case).
   * @throws CellError (`#N/A`) saying how to list the ids, never repeating the cell.
   */
  rule(id: string): IndexedRule {
    const found = this.rules.get(id.toLowerCase());
    if (!found) throw new CellError('This is not a rule id these functions know: TIMESCALE_RULES() lists the rule ids, with their titles.', 'not-available');
    return found;
  }

  /**
   * A rule set by id (compared without case): one passed in, or one that ships.
   * @throws CellError (`#N/A`) listing the set ids, never repeating the cell.
   */
  ruleSet(id: string): RuleSet {
    const key = id.toLowerCase();
    const found = this.sets.get(key) ?? (ruleSetIds.includes(key) ? getRuleSet(key) : undefined);
    if (!found) throw new CellError(`This is not a rule set these functions know: use one of ${[...new Set([...this.sets.keys(), ...ruleSetIds])].join(', ')}.`, 'not-available');
    return found;
  }
}
