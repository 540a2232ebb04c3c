import * as z from 'zod/mini';
import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { authorize, authorizeRole } from '../staff/policy.ts';
import { answerWish } from './answers.ts';
import {
  answerSchema,
  editItemSchema,
  editProjectSchema,
  itemParam,
  newItemSchema,
  newProjectSchema,
  newWishSchema,
  projectParam,
  wishListQuery,
  wishParam,
} from './input.ts';
import { meetingIndex, meetingsOf } from './meetings.ts';
import { createItem, createProject, editItem, editProject } from './plan.ts';
import {
  findProjects,
  itemNotFound,
  loadItem,
  loadProject,
  projectNotFound,
  projectPlace,
  projectScope,
} from './projects.ts';
import { staffItem, staffProject, staffProjectList, wishesForStaff } from './staff-views.ts';
import { projectStats } from './stats.ts';
import { staffWish } from './views.ts';
import { fileWish, loadWish, wishNotFound } from './wishes.ts';

type Vars = { var: AppEnv['Variables'] };

/** The project behind :id if the staff member may do this to it: 404 outside their place, 403 for other roles. */
export async function visibleProject(c: Vars, id: number, action: 'renovation.read' | 'renovation.manage') {
  const row = await loadProject(c.var.db, id);
  if (!row) throw projectNotFound();
  authorize(c.var.staff, action, projectPlace(row.project), 'project');
  return row;
}

async function visibleItem(c: Vars, id: number) {
  const item = await loadItem(c.var.db, id);
  const row = item && (await loadProject(c.var.db, item.projectId));
  if (!item || !row) throw itemNotFound();
  authorize(c.var.staff, 'renovation.manage', projectPlace(row.project), 'plan_item');
  return { item, row };
}

async function visibleWish(c: Vars, number: string, action: 'renovation.read' | 'renovation.manage') {
  const row = await loadWish(c.var.db, number);
  if (!row) throw wishNotFound();
  authorize(c.var.staff, action, projectPlace(row.wish), 'wish');
  return row;
}

const fullWish = async (c: Vars, number: string) => {
  const row = (await loadWish(c.var.db, number))!;
  return staffWish(c.var.db, row, meetingIndex(await meetingsOf(c.var.db, [row.wish.projectId])), true);
};

/**
 * The staff side of renovation (admin, sub-district and community staff, each in their place):
 * projects and their plan items, triage and answers of wishes, and the project's figures.
 * Meetings are in meeting-routes.ts.
 */
export const renovationStaff = new Hono<AppEnv>()
  .get('/projects', async (c) => {
    authorizeRole(c.var.staff, 'renovation.read');
    const rows = await findProjects(c.var.db, projectScope(c.var.staff));
    c.header('Cache-Control', 'no-store');
    return c.json({ projects: await staffProjectList(c.var.db, rows) }, 200);
  })
  .post('/projects', limitBody(), validate('json', newProjectSchema), async (c) => {
    authorizeRole(c.var.staff, 'renovation.manage');
    const now = c.var.platform.now();
    const id = await createProject(c.var.db, c.var.staff, c.req.valid('json'), now);
    return c.json({ project: await staffProject(c.var.db, (await loadProject(c.var.db, id))!, now) }, 201);
  })
  .get('/projects/:id', validate('param', projectParam), async (c) => {
    const row = await visibleProject(c, c.req.valid('param').id, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ project: await staffProject(c.var.db, row, c.var.platform.now()) }, 200);
  })
  .patch(
    '/projects/:id',
    limitBody(),
    validate('param', projectParam),
    validate('json', editProjectSchema),
    async (c) => {
      const row = await visibleProject(c, c.req.valid('param').id, 'renovation.manage');
      const now = c.var.platform.now();
      await editProject(c.var.db, c.var.staff, row, c.req.valid('json'), now);
      return c.json(
        { project: await staffProject(c.var.db, (await loadProject(c.var.db, row.project.id))!, now) },
        200,
      );
    },
  )
  .get('/projects/:id/stats', validate('param', projectParam), async (c) => {
    const row = await visibleProject(c, c.req.valid('param').id, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ stats: await projectStats(c.var.db, row.project.id) }, 200);
  })
  .post(
    '/projects/:id/items',
    limitBody(),
    validate('param', projectParam),
    validate('json', newItemSchema),
    async (c) => {
      const row = await visibleProject(c, c.req.valid('param').id, 'renovation.manage');
      const id = await createItem(c.var.db, c.var.staff, row, c.req.valid('json'), c.var.platform.now());
      return c.json({ item: staffItem((await loadItem(c.var.db, id))!) }, 201);
    },
  )
  .patch('/items/:id', limitBody(), validate('param', itemParam), validate('json', editItemSchema), async (c) => {
    const { item } = await visibleItem(c, c.req.valid('param').id);
    await editItem(c.var.db, c.var.staff, item, c.req.valid('json'), c.var.platform.now());
    return c.json({ item: staffItem((await loadItem(c.var.db, item.id))!) }, 200);
  })
  .get('/projects/:id/wishes', validate('param', projectParam), validate('query', wishListQuery), async (c) => {
    const row = await visibleProject(c, c.req.valid('param').id, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ wishes: await wishesForStaff(c.var.db, row.project.id, c.req.valid('query')) }, 200);
  })
  .post(
    '/projects/:id/wishes',
    limitBody(),
    validate('param', projectParam),
    validate('json', z.extend(newWishSchema, { channel: z.enum(['walk_in', 'phone']) })),
    async (c) => {
      const row = await visibleProject(c, c.req.valid('param').id, 'renovation.manage');
      const input = c.req.valid('json');
      const filed = await fileWish(c.var.db, row, input, {
        now: c.var.platform.now(),
        channel: input.channel,
        staffId: c.var.staff.id,
      });
      return c.json(filed, 201);
    },
  )
  .get('/wishes/:number', validate('param', wishParam), async (c) => {
    const row = await visibleWish(c, c.req.valid('param').number, 'renovation.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ wish: await fullWish(c, row.wish.number) }, 200);
  })
  .post(
    '/wishes/:number/answer',
    limitBody(),
    validate('param', wishParam),
    validate('json', answerSchema),
    async (c) => {
      const row = await visibleWish(c, c.req.valid('param').number, 'renovation.manage');
      await answerWish(c.var.db, c.var.staff, row, c.req.valid('json'), c.var.platform.now());
      return c.json({ wish: await fullWish(c, row.wish.number) }, 200);
    },
  );
