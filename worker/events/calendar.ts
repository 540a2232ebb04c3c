import type { CalendarEvent } from '../lib/ical.ts';
import type { EventRow } from './views.ts';

const channelWords = { onsite: '现场', loudspeaker: '小喇叭广播', online: '线上' } as const;

/** Where to go, as one line: the compound and the spot, without saying the compound twice. */
export function locationLine(row: Pick<EventRow, 'compound'> & { event: { venue: string } }): string {
  const venue = row.event.venue;
  return row.compound && !venue.includes(row.compound.name) ? `${row.compound.name} ${venue}` : venue;
}

/**
 * One session as a calendar entry. The UID never changes (for this installation), and SEQUENCE is the event's version,
 * so a subscribed phone replaces its copy on every change. Calendars are read by phones that
 * do not say their language, so the text is in Chinese, the residents' language.
 */
export function toCalendarEvent(row: EventRow, origin: string): CalendarEvent {
  const e = row.event;
  const organiser = row.community?.name ?? row.subdistrict.name;
  const description = [
    e.status === 'cancelled' ? `已取消${e.cancelReason ? `：${e.cancelReason}` : ''}` : null,
    e.speaker ? `宣讲人：${e.speaker}` : null,
    `方式：${channelWords[e.channel]}`,
    e.joinUrl ? `参加链接：${e.joinUrl}` : null,
    e.description || null,
    `主办：${organiser}`,
    `详情和报名：${origin}/events/${e.id}`,
  ].filter(Boolean);
  return {
    // Unique across installations: another district's Linli has an event 42 too.
    uid: `event-${e.id}@${new URL(origin).host}`,
    sequence: e.version - 1,
    // Not every calendar app shows STATUS:CANCELLED, so the title says it too.
    title: e.status === 'cancelled' ? `【已取消】${e.title}` : e.title,
    description: description.join('\n'),
    location: locationLine(row),
    url: `${origin}/events/${e.id}`,
    start: new Date(e.startsAt),
    end: new Date(e.endsAt),
    status: e.status,
    updatedAt: new Date(e.updatedAt),
    organizer: organiser,
  };
}
