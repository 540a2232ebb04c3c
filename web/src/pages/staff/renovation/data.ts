import { query, revalidate } from '@solidjs/router';
import { ApiFailure, api, json } from '../../../lib/api.ts';
import type { Words } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/messages.ts';
import { messageKey, t } from '../../../lib/prefs.ts';

/** The staff side of courtyard renovation, through the typed client. */
const staff = api.renovation.staff;

export const getStaffProjects = query(async () => json(await staff.projects.$get()), 'reno-staff-projects');
export const getStaffProject = query(
  async (id: string) => json(await staff.projects[':id'].$get({ param: { id } })),
  'reno-staff-project',
);
export const getStaffWishes = query(
  async (id: string, filter: { outcome?: string; kind?: string }) =>
    json(
      await staff.projects[':id'].wishes.$get({
        param: { id },
        query: { outcome: (filter.outcome || undefined) as 'open', kind: (filter.kind || undefined) as 'wish' },
      }),
    ),
  'reno-staff-wishes',
);
export const getStaffWish = query(
  async (number: string) => json(await staff.wishes[':number'].$get({ param: { number } })),
  'reno-staff-wish',
);
export const getStaffMeeting = query(
  async (id: string) => json(await staff.meetings[':id'].$get({ param: { id } })),
  'reno-staff-meeting',
);
export const getRenovationPartners = query(async () => json(await staff.partners.$get()), 'reno-partners');

export type StaffProject = Awaited<ReturnType<typeof getStaffProject>>['project'];
export type StaffItem = StaffProject['items'][number];
export type ProjectStats = StaffProject['stats'];
export type StaffWish = Awaited<ReturnType<typeof getStaffWish>>['wish'];
export type StaffMeeting = Awaited<ReturnType<typeof getStaffMeeting>>['meeting'];
export type Partner = Awaited<ReturnType<typeof getRenovationPartners>>['partners'][number];
export type NewProjectBody = Parameters<typeof staff.projects.$post>[0]['json'];
export type ProjectEditBody = Parameters<(typeof staff.projects)[':id']['$patch']>[0]['json'];
export type NewItemBody = Parameters<(typeof staff.projects)[':id']['items']['$post']>[0]['json'];
export type AnswerBody = Parameters<(typeof staff.wishes)[':number']['answer']['$post']>[0]['json'];
export type NewMeetingBody = Parameters<(typeof staff.projects)[':id']['meetings']['$post']>[0]['json'];
export type MinutesBody = Parameters<(typeof staff.meetings)[':id']['minutes']['$post']>[0]['json'];

/** Every query of these pages, for a reload after a write or a version conflict. */
const allKeys = [getStaffProjects.key, getStaffProject.key, getStaffWishes.key, getStaffWish.key, getStaffMeeting.key];

/**
 * Runs one staff write; a version conflict reloads what the page shows, so the next try names
 * the new version, and the form says so.
 * @example await write(async () => json(await api.renovation.staff.items[':id'].$patch(…)))
 */
export async function write<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'version_conflict') await revalidate(allKeys);
    throw err;
  }
}

/** The words of these forms: `renoErr_<field>` beside a field, the conflict message for a 409. */
export const renoWords: Words = {
  codes: {
    version_conflict: 'renoConflictReload',
    not_started: 'renoMinutesNotYet',
    invalid_transition: 'renoMinutesClosed',
  },
  field: (name) => messageKey(`renoErr_${name.replace(/-\d+$/, '')}`),
};

/** A label for a field residents will read: the label and the mark that says so. */
export const publicLabel = (key: MessageKey) => `${t(key)}${t('renoPublicMark')}`;

/** A submitted form's field as trimmed text, or null when empty. */
export const orNull = (f: FormData | URLSearchParams, name: string) => String(f.get(name) ?? '').trim() || null;
