import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateLocale, formatDateIn, formatDateTimeIn, formatDayHeadingIn, formatTimeIn } from './dates.ts';

const zone = { timeZone: 'Asia/Shanghai' } as const;
const time = { hour: '2-digit', minute: '2-digit', hour12: false } as const;
/** The Intl options each hand-written format stands in for. */
const intl = {
  date: { ...zone, month: 'short', day: 'numeric', weekday: 'long', year: 'numeric' },
  dateTime: { ...zone, month: 'short', day: 'numeric', weekday: 'long', ...time },
  dayHeading: { ...zone, month: 'long', day: 'numeric', weekday: 'long' },
  time: { ...zone, ...time },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const ours = { date: formatDateIn, dateTime: formatDateTimeIn, dayHeading: formatDayHeadingIn, time: formatTimeIn };

// From 2000 to 2100, to the minute: dates the app shows are news, events and tickets.
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => ms - (ms % 60_000));
const locale = fc.constantFrom<DateLocale>('zh-CN', 'en');

describe('hand-written dates', () => {
  for (const kind of Object.keys(ours) as (keyof typeof ours)[]) {
    it(`${kind} says what Intl says, in Chinese and English`, () => {
      fc.assert(
        fc.property(instant, locale, (ms, loc) => {
          expect(ours[kind](loc, ms)).toBe(new Intl.DateTimeFormat(loc, intl[kind]).format(ms));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('turns the day at midnight in Zhengzhou, not in UTC', () => {
    const lateUtc = Date.UTC(2026, 10, 27, 16, 0); // 00:00 on 28 November in Zhengzhou
    expect(formatDateIn('zh-CN', lateUtc)).toBe('2026年11月28日星期六');
    expect(formatDateIn('zh-CN', lateUtc - 60_000)).toBe('2026年11月27日星期五');
    expect(formatTimeIn('en', lateUtc)).toBe('00:00');
  });

  it('names a weekday one way everywhere: 星期五, never 周五 beside it', () => {
    const friday = Date.UTC(2026, 10, 27, 4, 0);
    for (const format of Object.values(ours).filter((f) => f !== formatTimeIn)) {
      expect(format('zh-CN', friday)).toContain('星期五');
      expect(format('zh-CN', friday)).not.toContain('周五');
      expect(format('en', friday)).toContain('Friday');
    }
  });
});
