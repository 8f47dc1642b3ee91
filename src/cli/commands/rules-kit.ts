/**
 * The rule-authoring kit as the `rules` command uses it, in one module so that the command loads
 * it (and YAML with it) only when it runs.
 */
export { checkRuleSet } from '../../authoring/check.js';
export { writeStarter } from '../../authoring/init.js';
export { checkRuleSetFiles, formatProblem } from '../../rules/compile.js';
export { readRuleSetFolder } from '../../rules/yaml-folder.js';
export { ruleSetJsonText } from '../../rules/yaml-source.js';
