import { query } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { api, json } from '../../../lib/api.ts';

/** The roster of volunteers in the staff member's place. */
export const getRoster = query(
  async () => (await json(await api.renovation.staff.volunteers.$get({ query: {} }))).volunteers,
  'staff-volunteers',
);
export type RosterVolunteer = Awaited<ReturnType<typeof getRoster>>[number];

/** Each project of the staff member's place with its quality problems waiting for an answer. */
export const getOpenProblems = query(async () => {
  const { projects } = await json(await api.renovation.staff.projects.$get());
  return Promise.all(
    projects.map(async (project) => {
      const { problems, contractors } = await json(
        await api.renovation.staff.projects[':id'].problems.$get({
          param: { id: String(project.id) },
          query: { status: 'open' },
        }),
      );
      return { project, problems, contractors };
    }),
  );
}, 'staff-open-problems');
export type OpenProblem = Awaited<ReturnType<typeof getOpenProblems>>[number]['problems'][number];

/** A signed-in volunteer: who they are, and their compound's projects. */
type Mine = InferResponseType<typeof api.renovation.volunteer.projects.$get, 200>;
export const getMine = query(
  async (): Promise<Mine> => json(await api.renovation.volunteer.projects.$get()),
  'volunteer-projects',
);
export type VolunteerProject = Mine['projects'][number];
