import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { authorize } from '../staff/policy.ts';
import { agendaSchema, meetingParam, minutesSchema, newMeetingSchema, projectParam } from './input.ts';
import { loadMeeting, meetingNotFound } from './meetings.ts';
import { createMeeting, recordMinutes, setAgenda } from './minutes.ts';
import { loadProject, projectPlace } from './projects.ts';
import { visibleProject } from './staff-routes.ts';
import { staffMeeting } from './staff-views.ts';

type Vars = { var: AppEnv['Variables'] };

/** The meeting behind :id if the staff member may do this to its project: 404 outside their place. */
async function visibleMeeting(c: Vars, id: number, action: 'renovation.read' | 'renovation.manage') {
  const m = await loadMeeting(c.var.db, id);
  const row = m && (await loadProject(c.var.db, m.meeting.projectId));
  if (!m || !row) throw meetingNotFound();
  authorize(c.var.staff, action, projectPlace(row.project), 'meeting');
  return m;
}

const fresh = async (c: Vars, id: number) => ({
  meeting: await staffMeeting(c.var.db, (await loadMeeting(c.var.db, id))!),
});

/**
 * Joint meetings of a project (四方联席会, 旧改联席会): created with their Linli event, given an
 * agenda from the project's open wishes and objections, and closed by minutes whose decisions
 * are written back to each wish.
 */
export const renovationMeetings = new Hono<AppEnv>()
  .post(
    '/projects/:id/meetings',
    limitBody(),
    validate('param', projectParam),
    validate('json', newMeetingSchema),
    async (c) => {
      const row = await visibleProject(c, c.req.valid('param').id, 'renovation.manage');
      // The meeting is also an event of the project's community: its organisers must be allowed to run it.
      authorize(c.var.staff, 'event.manage', projectPlace(row.project), 'project');
      const id = await createMeeting(c.var.db, c.var.staff, row, c.req.valid('json'), c.var.platform.now());
      return c.json(await fresh(c, id), 201);
    },
  )
  .get('/meetings/:id', validate('param', meetingParam), async (c) => {
    const m = await visibleMeeting(c, c.req.valid('param').id, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json(await fresh(c, m.meeting.id), 200);
  })
  .put(
    '/meetings/:id/agenda',
    limitBody(),
    validate('param', meetingParam),
    validate('json', agendaSchema),
    async (c) => {
      const m = await visibleMeeting(c, c.req.valid('param').id, 'renovation.manage');
      await setAgenda(c.var.db, c.var.staff, m, c.req.valid('json'), c.var.platform.now());
      return c.json(await fresh(c, m.meeting.id), 200);
    },
  )
  .post(
    '/meetings/:id/minutes',
    limitBody(),
    validate('param', meetingParam),
    validate('json', minutesSchema),
    async (c) => {
      const m = await visibleMeeting(c, c.req.valid('param').id, 'renovation.manage');
      await recordMinutes(c.var.db, c.var.staff, m, c.req.valid('json'), c.var.platform.now());
      return c.json(await fresh(c, m.meeting.id), 200);
    },
  );
