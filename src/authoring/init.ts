/**
 * `rules init`: a starting rule set folder with one rule, one case and the source sentence the
 * rule quotes, which passes `rules check` as written and shows each file's shape.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_URL } from '../rules/yaml-source.js';

/** The files `rules init` writes, by name. */
export function starterFiles(id: string, base: string): Record<string, string> {
  const schema = `# yaml-language-server: $schema=${SCHEMA_URL}\n`;
  return {
    'rule-set.yaml': `${schema}id: ${id}
title: ${id} practice standards
authority: Your council's children's services
source: standards.txt
inForce:
  from: 2020-01-01
extends: ${base}
`,
    'visits.yaml': `${schema}rules:
  - id: ${id}.visits.child-in-need
    title: Child in need visits at least every 15 working days
    requirement: a child in need must be visited at least every 15 working days
    kind: recurring
    episode:
      start:
        type: child-in-need-plan-started
      end:
        - type: child-in-need-plan-ended
        - type: case-closed
    phases:
      - interval:
          workingDays: 15
    satisfiedBy:
      events:
        - type: visit
          where:
            mode: in-person
      evidence: visit
    cite:
      document: ${id} practice standards
      section: Visits
      quote: Children in need will be visited at least every 15 working days.
      source: standards.txt
    note: >-
      Write here the reading you chose where the text is ambiguous, and why.
`,
    'visits.cases.yaml': `${schema.replace('rule-file', 'rule-cases')}cases:
  - rule: ${id}.visits.child-in-need
    name: a visit 10 working days after the plan starts is on time; the next is due 15 working days later
    asOf: 2024-02-01
    events:
      - 2024-01-08 child-in-need-plan-started
      - 2024-01-22 visit mode=in-person
    expect:
      - met 2024-01-29 by e2
      - due 2024-02-12
`,
    'standards.txt': `Replace this file with the text of your council's practice standards.

Visits

Children in need will be visited at least every 15 working days.
`,
  };
}

/** Writes the starter folder; refuses to overwrite an existing one. */
export function writeStarter(dir: string, id: string, base: string): string[] {
  if (existsSync(dir)) throw new Error(`${dir} already exists: choose a new folder.`);
  mkdirSync(dir, { recursive: true });
  const files = starterFiles(id, base);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files);
}
