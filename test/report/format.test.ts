import { describe, expect, it } from 'vitest';
import { bandOf, thresholdsProblem } from '../../src/report/bands.js';
import { countOf, formatCount, formatPercent, naturalCompare, percentDown } from '../../src/report/format.js';
import { dateText, esc, weekdayText } from '../../src/report/html.js';

describe('how the report writes names and numbers', () => {
  it('orders names naturally, total and stable', () => {
    expect(['team-10', 'team-2', 'Team-1', 'team-1', 'east'].sort(naturalCompare)).toEqual(['east', 'Team-1', 'team-1', 'team-2', 'team-10']);
  });

  it('writes thousands separators and rounds percentages down', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(countOf(1, 'child', 'children')).toBe('1 child');
    expect(countOf(12000, 'child', 'children')).toBe('12,000 children');
    expect(percentDown(999, 1000)).toBe(99.9);
    expect(percentDown(9999, 10000)).toBe(99.9);
    expect(percentDown(0, 0)).toBeNull();
    expect(formatPercent(null)).toBe('–');
  });

  it('bands a rate by its thresholds, and refuses thresholds out of order', () => {
    const t = { green: 90, amber: 75 };
    expect([bandOf(90, t), bandOf(89.9, t), bandOf(75, t), bandOf(74.9, t), bandOf(null, t)]).toEqual(['green', 'amber', 'amber', 'red', null]);
    expect(thresholdsProblem(t)).toBeUndefined();
    expect(thresholdsProblem({ green: 70, amber: 80 })).toMatch(/amber/);
    expect(thresholdsProblem({ green: 101, amber: 80 })).toMatch(/0 to 100/);
  });

  it('escapes text and attributes, and control characters', () => {
    expect(esc(`<a href="x">'&'</a>\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\ufffd');
  });

  it('writes dates from their digits, whatever the time zone', () => {
    expect(dateText('2024-04-09')).toBe('9 Apr 2024');
    expect(weekdayText('2024-04-09')).toBe('Tuesday');
    expect(weekdayText('1970-01-01')).toBe('Thursday');
    expect(weekdayText('1969-12-29')).toBe('Monday');
  });
});
