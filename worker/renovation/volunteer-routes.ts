import { and, eq } from 'drizzle-orm';
import { Hono } from '#hono';
import { renovationProjects, renovationQualityProblems } from '../../schema/index.ts';
import { idempotent } from '../lib/idempotency.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { itemParam, projectParam, WISH_RETENTION_DAYS } from './input.ts';
import { findProjects, itemNotFound, loadItem, loadProject, projectNotFound, projectPlace } from './projects.ts';
import {
  answerProblem,
  contractorsOf,
  findProblems,
  loadProblem,
  problemNotFound,
  reportProblem,
  staffProblem,
} from './quality.ts';
import { visibleProject } from './staff-routes.ts';
import { projectList } from './views.ts';
import {
  editVolunteerSchema,
  newProblemSchema,
  newVolunteerSchema,
  problemAnswerSchema,
  problemParam,
  problemsQuery,
  rosterQuery,
  volunteerParam,
  volunteerWishSchema,
} from './volunteer-input.ts';
import {
  actingVolunteer,
  createVolunteer,
  editVolunteer,
  removeVolunteer,
  rosterFor,
  rosterRow,
  visibleVolunteer,
} from './volunteers.ts';
import { fileWish } from './wishes.ts';

/**
 * The staff side of the four officers (四大员): the roster of a compound's volunteers (community,
 * sub-district and admin staff in their place), and the quality problems volunteers report,
 * which the working group answers publicly.
 */
export const volunteersStaff = new Hono<AppEnv>()
  .get('/volunteers', validate('query', rosterQuery), async (c) => {
    authorizeRole(c.var.staff, 'renovation.volunteers');
    c.header('Cache-Control', 'no-store');
    return c.json({ volunteers: await rosterFor(c.var.db, c.var.staff, c.req.valid('query').compound) }, 200);
  })
  .post('/volunteers', limitBody(), validate('json', newVolunteerSchema), async (c) => {
    authorizeRole(c.var.staff, 'renovation.volunteers');
    const id = await createVolunteer(c.var.db, c.var.staff, c.req.valid('json'), c.var.platform.now());
    return c.json({ volunteer: (await rosterRow(c.var.db, id))! }, 201);
  })
  .patch(
    '/volunteers/:id',
    limitBody(),
    validate('param', volunteerParam),
    validate('json', editVolunteerSchema),
    async (c) => {
      const row = await visibleVolunteer(c.var.db, c.var.staff, c.req.valid('param').id);
      await editVolunteer(c.var.db, c.var.staff, row.volunteer, c.req.valid('json'), c.var.platform.now());
      return c.json({ volunteer: (await rosterRow(c.var.db, row.volunteer.id))! }, 200);
    },
  )
  .delete('/volunteers/:id', validate('param', volunteerParam), async (c) => {
    const row = await visibleVolunteer(c.var.db, c.var.staff, c.req.valid('param').id);
    await removeVolunteer(c.var.db, c.var.staff, row.volunteer, c.var.platform.now());
    return c.json({ removed: true }, 200);
  })
  .get('/projects/:id/problems', validate('param', projectParam), validate('query', problemsQuery), async (c) => {
    const row = await visibleProject(c, c.req.valid('param').id, 'renovation.read');
    const status = c.req.valid('query').status;
    const [problems, contractors] = await Promise.all([
      findProblems(
        c.var.db,
        and(
          eq(renovationQualityProblems.projectId, row.project.id),
          status ? eq(renovationQualityProblems.status, status) : undefined,
        ),
      ),
      contractorsOf(c.var.db, row.project.id),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json({ problems: problems.map(staffProblem), contractors }, 200);
  })
  .post(
    '/problems/:id/answer',
    limitBody(),
    validate('param', problemParam),
    validate('json', problemAnswerSchema),
    async (c) => {
      const { db, staff } = c.var;
      const row = await loadProblem(db, c.req.valid('param').id);
      const project = row && (await loadProject(db, row.problem.projectId));
      if (!row || !project) throw problemNotFound();
      authorize(staff, 'renovation.manage', projectPlace(project.project), 'quality_problem');
      await answerProblem(db, staff, row.problem, c.req.valid('json'), c.var.platform.now());
      return c.json({ problem: staffProblem((await loadProblem(db, row.problem.id))!) }, 200);
    },
  );

/**
 * A volunteer's own side (role volunteer, in their compound): the compound's projects, a wish
 * recorded for a neighbour (information collectors), and a quality problem on a plan item
 * (quality supervisors). Nothing else.
 */
export const volunteerSide = new Hono<AppEnv>()
  .get('/projects', async (c) => {
    authorizeRole(c.var.staff, 'volunteer.record_wish');
    const me = await actingVolunteer(c.var.db, c.var.staff);
    const rows = await findProjects(c.var.db, eq(renovationProjects.compoundId, me.volunteer.compoundId));
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        volunteer: { name: me.volunteer.name, roles: me.volunteer.roles, compound: me.compound },
        projects: await projectList(c.var.db, rows),
        retentionDays: WISH_RETENTION_DAYS,
      },
      200,
    );
  })
  .post(
    '/projects/:id/wishes',
    limitBody(),
    validate('param', projectParam),
    validate('json', volunteerWishSchema),
    async (c) => {
      const { db, staff } = c.var;
      const row = await loadProject(db, c.req.valid('param').id);
      if (!row) throw projectNotFound();
      authorize(staff, 'volunteer.record_wish', projectPlace(row.project), 'project');
      const me = await actingVolunteer(db, staff, 'information_collector');
      const input = c.req.valid('json');
      const result = await idempotent(c, 'volunteer-wishes', async (record) => ({
        status: 201 as const,
        body: await fileWish(
          db,
          row,
          { ...input, phone: input.phone || me.volunteer.phone, photos: [], photosPublic: false },
          { now: c.var.platform.now(), channel: 'volunteer', staffId: staff.id, volunteerId: me.volunteer.id, record },
        ),
      }));
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  )
  .post(
    '/items/:id/problems',
    limitBody(),
    validate('param', itemParam),
    validate('json', newProblemSchema),
    async (c) => {
      const { db, staff } = c.var;
      const item = await loadItem(db, c.req.valid('param').id);
      const row = item && (await loadProject(db, item.projectId));
      if (!item || !row) throw itemNotFound();
      authorize(staff, 'volunteer.report_quality', projectPlace(row.project), 'plan_item');
      const me = await actingVolunteer(db, staff, 'quality_supervisor');
      const result = await idempotent(c, 'quality-problems', async (record) => ({
        status: 201 as const,
        body: await reportProblem(
          db,
          { staff, volunteerId: me.volunteer.id },
          item,
          c.req.valid('json'),
          c.var.platform.now(),
          record,
        ),
      }));
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body, 201);
    },
  );
