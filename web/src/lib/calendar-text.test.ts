import { describe, expect, it } from 'vitest';
import { daysText, parseDays } from './calendar-text.ts';

describe('the working calendar as an admin types it', () => {
  it('reads days and ranges of rest and make-up work, and names the lines it cannot read', () => {
    const { days, bad } = parseDays(
      '2027-02-05~2027-02-07 休 春节\n\n2027-02-20 班 春节\n2027-13-01 假 国庆\n2027-10-01 rest 国庆节',
    );
    expect(days).toEqual([
      { day: '2027-02-05', kind: 'holiday', name: '春节' },
      { day: '2027-02-06', kind: 'holiday', name: '春节' },
      { day: '2027-02-07', kind: 'holiday', name: '春节' },
      { day: '2027-02-20', kind: 'workday', name: '春节' },
      { day: '2027-10-01', kind: 'holiday', name: '国庆节' },
    ]);
    expect(bad).toEqual([4]);
  });

  it('folds a year back into the lines it was typed as', () => {
    const text = '2026-02-14 班 春节\n2026-02-15~2026-02-23 休 春节\n2026-02-28 班 春节';
    expect(daysText(parseDays(text).days)).toBe(text);
  });
});
