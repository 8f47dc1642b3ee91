import { lateText } from '../../engine/explain.js';
import type { Obligation, ObligationStatus, Report } from '../../engine/obligation.js';
import type { Rejection } from '../pipeline.js';

const WIDTH = 100;

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
  return parts.join('  ');
}

/** A case's obligations as a block a team manager can read: a heading, then each obligation and why. */
export function caseText(report: Report, obligations: readonly Obligation[]): string {
  const who = [report.subject === 'worker' ? `Worker ${report.caseId}` : `Case ${report.caseId}`];
  if (report.team !== undefined) who.push(`team ${report.team}`);
  if (report.worker !== undefined && report.subject !== 'worker') who.push(`worker ${report.worker}`);
  const lines = [who.join(' · ')];
  for (const o of obligations) {
    lines.push(`  ${statusLine(o)}`, wrap(o.explanation, '      '));
  }
  return `${lines.join('\n')}\n\n`;
}

/** A rejected record in words: where it is, which case, and each problem. */
export function rejectionText(r: Rejection): string {
  const head = `Line ${r.line}${r.caseId === undefined ? '' : ` (case ${r.caseId})`}: rejected, not evaluated.`;
  const problems = r.problems.map((p) => wrap(`${p.code}${p.path ? ` at ${p.path}` : ''}${p.line !== undefined && p.line !== r.line ? ` (line ${p.line})` : ''}: ${p.message}`, '    '));
  return `${[head, ...problems].join('\n')}\n\n`;
}
