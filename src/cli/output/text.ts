import { lateText } from '../../engine/explain.js';
import type { Obligation, ObligationStatus, Report } from '../../engine/obligation.js';
import type { Rejection } from '../pipeline.js';

const WIDTH = 100;

// C0 controls (but not the tab), DEL, C1 controls, the line and paragraph separators and the
// bidirectional overrides: each can forge a line of the report or steer the terminal.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a record (a case id, a team) made safe to print: each control character is written
 * as a `\u` escape, so a newline in an id cannot forge a report line and an escape sequence
 * cannot reach the terminal. Applied to every text written for people, on stdout and stderr.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Wraps a paragraph at word boundaries, each line indented. */
export function wrap(text: string, indent: string, width = WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

const LABEL: Readonly<Record<ObligationStatus, string>> = {
  overdue: 'OVERDUE',
  'met-late': 'MET LATE',
  due: 'DUE',
  met: 'MET',
  excepted: 'EXCEPTED',
  unknown: 'UNKNOWN',
  'not-applicable': 'N/A',
};

function statusLine(o: Obligation): string {
  const parts = [LABEL[o.status].padEnd(8)];
  if (o.due) parts.push(`due ${o.due}`);
  if (o.lateness && (o.status === 'overdue' || o.status === 'met-late')) parts.push(`${o.status === 'overdue' ? 'overdue by' : 'late by'} ${lateText(o.lateness)}`);
  parts.push(`${o.title} [${o.ruleId}]`);
  return printable(parts.join('  '));
}

/** A case's obligations as a block a team manager can read: a heading, then each obligation and why. */
export function caseText(report: Report, obligations: readonly Obligation[]): string {
  const who = [report.subject === 'worker' ? `Worker ${report.caseId}` : `Case ${report.caseId}`];
  if (report.team !== undefined) who.push(`team ${report.team}`);
  if (report.worker !== undefined && report.subject !== 'worker') who.push(`worker ${report.worker}`);
  const lines = [printable(who.join(' · '))];
  for (const o of obligations) {
    lines.push(`  ${statusLine(o)}`, wrap(printable(o.explanation), '      '));
  }
  return `${lines.join('\n')}\n\n`;
}

/** A record and its problems in words: where it is, which case, what became of it, and each problem. */
function recordText(r: Rejection, outcome: string): string {
  const head = printable(`Line ${r.line}${r.caseId === undefined ? '' : ` (case ${r.caseId})`}: ${outcome}`);
  const problems = r.problems.map((p) => wrap(printable(`${p.code}${p.path ? ` at ${p.path}` : ''}${p.line !== undefined && p.line !== r.line ? ` (line ${p.line})` : ''}: ${p.message}`), '    '));
  return `${[head, ...problems].join('\n')}\n\n`;
}

/** A rejected record in words: where it is, which case, and each problem. */
export function rejectionText(r: Rejection): string {
  return recordText(r, 'rejected, not evaluated.');
}

/** An evaluated record's warnings in words: the fields that were ignored. */
export function warningText(w: Rejection): string {
  return recordText(w, 'evaluated, but these fields were ignored (--strict rejects such records).');
}
