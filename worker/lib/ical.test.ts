import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, renderCalendar, toShanghaiLocal } from './ical.ts';

const now = new Date('2026-11-20T02:03:04Z');
const octets = (line: string) => new TextEncoder().encode(line).length;

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'event-1@linli',
    sequence: 0,
    title: '重阳节茶话会',
    start: new Date('2026-11-26T16:00:00Z'),
    end: new Date('2026-11-26T17:30:00Z'),
    status: 'scheduled',
    updatedAt: new Date('2026-11-19T08:00:00Z'),
    ...overrides,
  };
}

/** Parses with ical.js and returns the calendar and its events, in order. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, vevents: calendar.getAllSubcomponents('vevent') };
}

const render = (events: CalendarEvent[]) => renderCalendar({ name: '幸福社区活动', now, events });

describe('toShanghaiLocal', () => {
  it('shifts to UTC+8, across midnight and year ends', () => {
    expect(toShanghaiLocal(new Date('2026-11-26T11:00:00Z'))).toBe('20261126T190000');
    expect(toShanghaiLocal(new Date('2026-11-26T23:30:00Z'))).toBe('20261127T073000');
    expect(toShanghaiLocal(new Date('2026-12-31T16:00:05Z'))).toBe('20270101T000005');
  });
});

describe('renderCalendar', () => {
  it('writes a calendar that ical.js parses, with the subscription headers', () => {
    const text = renderCalendar({
      name: '幸福社区, 活动',
      description: '二七区; 幸福社区',
      url: 'https://linli.example/c/xingfu',
      now,
      events: [],
    });
    const { calendar } = parse(text);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/^-\/\/Linli\/\//);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('description')).toBe('二七区; 幸福社区');
    // NAME (RFC 7986) and X- properties are TEXT, but ical.js does not know them and keeps escapes.
    expect(text).toContain('\r\nNAME:幸福社区\\, 活动\r\n');
    expect(text).toContain('\r\nX-WR-CALNAME:幸福社区\\, 活动\r\n');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
    expect(text).toContain('\r\nX-PUBLISHED-TTL:PT6H\r\n');
  });

  it('carries a VTIMEZONE for Asia/Shanghai that registers at UTC+8', () => {
    const vtimezone = parse(render([])).calendar.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    const standard = vtimezone?.getFirstSubcomponent('standard');
    expect(standard?.getFirstPropertyValue('tzname')).toBe('CST');
    expect(standard?.getFirstProperty('dtstart')?.toICALString()).toBe('DTSTART:19700101T000000');
    expect(standard?.getFirstProperty('tzoffsetfrom')?.toICALString()).toBe('TZOFFSETFROM:+0800');
    ICAL.TimezoneService.register(vtimezone!);
    try {
      const zone = ICAL.TimezoneService.get('Asia/Shanghai');
      expect(zone?.utcOffset(ICAL.Time.fromDateTimeString('2026-07-01T12:00:00'))).toBe(8 * 3600);
    } finally {
      ICAL.TimezoneService.remove('Asia/Shanghai');
    }
  });

  it('gives local times in Asia/Shanghai that resolve to the original instants', () => {
    const early = event({ uid: 'a', start: new Date('2026-11-26T23:30:00Z'), end: new Date('2026-11-27T01:00:00Z') });
    const evening = event({ uid: 'b' });
    const [first, second] = parse(render([early, evening])).vevents.map((v) => new ICAL.Event(v));
    expect(first?.startDate.toString()).toBe('2026-11-27T07:30:00');
    expect(first?.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(first?.startDate.toJSDate().toISOString()).toBe('2026-11-26T23:30:00.000Z');
    expect(first?.endDate.toUnixTime()).toBe(Date.parse('2026-11-27T01:00:00Z') / 1000);
    expect(second?.startDate.toString()).toBe('2026-11-27T00:00:00');
    expect(second?.endDate.toString()).toBe('2026-11-27T01:30:00');
    expect(second?.startDate.toUnixTime()).toBe(Date.parse('2026-11-26T16:00:00Z') / 1000);
    expect(second?.endDate.toJSDate().getTime()).toBe(evening.end.getTime());
  });

  it('writes UID, SEQUENCE, DTSTAMP, LAST-MODIFIED, ORGANIZER and the status', () => {
    const events = [
      event({
        uid: 'x-1',
        sequence: 3,
        status: 'cancelled',
        organizer: '幸福社区"居委会"',
        url: 'https://linli.example/e/1?a=1,2',
      }),
      event({ uid: 'x-2', status: 'completed', location: '活动室；二楼' }),
    ];
    const [cancelled, completed] = parse(render(events)).vevents;
    expect(cancelled?.getFirstPropertyValue('uid')).toBe('x-1');
    expect(cancelled?.getFirstPropertyValue('sequence')).toBe(3);
    expect(cancelled?.getFirstProperty('dtstamp')?.toICALString()).toBe('DTSTAMP:20261120T020304Z');
    expect(cancelled?.getFirstProperty('last-modified')?.toICALString()).toBe('LAST-MODIFIED:20261119T080000Z');
    expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled?.getFirstPropertyValue('url')).toBe('https://linli.example/e/1?a=1,2');
    const organizer = cancelled?.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('幸福社区"居委会"');
    expect(organizer?.getFirstValue()).toBe('mailto:noreply@linli.invalid');
    expect(completed?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(completed?.getFirstPropertyValue('location')).toBe('活动室；二楼');
    expect(completed?.getFirstProperty('organizer')).toBeNull();
  });

  it('folds a long Chinese description at 75 octets without splitting a character', () => {
    const description =
      '本周六上午九点，在社区活动室举行；请带好身份证,医保卡。\n联系人：王阿姨\\电话见公告栏。'.repeat(6);
    const text = render([event({ description })]);
    const lines = text.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A surrogate pair split across lines would not survive encoding.
      expect(new TextDecoder().decode(new TextEncoder().encode(line))).toBe(line);
    }
    expect(parse(text).vevents[0]?.getFirstPropertyValue('description')).toBe(description);
  });

  it('round-trips any text through escaping and folding', () => {
    const unit = fc.constantFrom('邻', '里', 'a', ' ', ',', ';', ':', '\\', '\n', '"', 'é', '😀', '\t');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 200 }), (text) => {
        const ics = render([event({ title: text, description: text, location: text })]);
        for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
        const vevent = parse(ics).vevents[0];
        expect(vevent?.getFirstPropertyValue('summary')).toBe(text);
        expect(vevent?.getFirstPropertyValue('description')).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('ends every line in CRLF and drops control characters', () => {
    const text = render([event({ title: '通知\u0000\u0007\r\n第二行', description: 'a\rb' })]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008]/);
    expect(parse(text).vevents[0]?.getFirstPropertyValue('summary')).toBe('通知\n第二行');
    // ical.js reads a bare , or ; in SUMMARY as text too, so check the escapes on the wire.
    expect(render([event({ title: 'a,b;c\\d' })])).toContain('\r\nSUMMARY:a\\,b\\;c\\\\d\r\n');
  });
});
