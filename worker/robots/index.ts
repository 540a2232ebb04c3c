import { Hono } from '#hono';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { newRobotSchema, robotChangeSchema, robotParam } from './input.ts';
import { robotOwners } from './owners.ts';
import { addRobot, changeRobot, manageableRobot, robotView } from './robots.ts';
import { sendTestMessage } from './test-message.ts';

export { deliverStaffNotices } from './delivery.ts';
export { findStaffNotices } from './notices.ts';

/**
 * The staff's group robots at /api/robots: the district admin, and sub-district staff for the
 * communities and property companies of their sub-district. Webhooks are shown masked only.
 */
const robotRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .use(async (c, next) => {
    authorizeRole(c.var.staff, 'robots.manage');
    c.header('Cache-Control', 'no-store');
    await next();
  })
  .get('/', async (c) => {
    const owners = await robotOwners(c.var.db, c.var.staff, c.var.platform.publicOrigin);
    return c.json({ owners }, 200);
  })
  .post('/', limitBody(), validate('json', newRobotSchema), async (c) => {
    const { db, staff, platform } = c.var;
    const robot = await addRobot(db, staff, c.req.valid('json'), platform.robotWebhookHosts ?? [], platform.now());
    return c.json({ robot: robotView(robot) }, 201);
  })
  .patch('/:id', limitBody(), validate('param', robotParam), validate('json', robotChangeSchema), async (c) => {
    const { db, staff, platform } = c.var;
    const robot = await manageableRobot(db, staff, c.req.valid('param').id);
    const changed = await changeRobot(
      db,
      staff,
      robot,
      c.req.valid('json'),
      platform.robotWebhookHosts ?? [],
      platform.now(),
    );
    return c.json({ robot: robotView(changed) }, 200);
  })
  .post('/:id/test', validate('param', robotParam), async (c) => {
    const { db, staff, platform } = c.var;
    const robot = await manageableRobot(db, staff, c.req.valid('param').id);
    const result = await sendTestMessage(db, fetch, staff, robot, platform.now(), {
      origin: platform.publicOrigin,
      extraHosts: platform.robotWebhookHosts ?? [],
    });
    return c.json(result, 200);
  });

export const robotsApi = new Hono<AppEnv>().route('/robots', robotRoutes);
