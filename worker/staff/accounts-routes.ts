import * as z from 'zod/mini';
import { Hono } from '#hono';
import { ApiError } from '../lib/errors.ts';
import { numericId } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import {
  changeOwnPassword,
  createStaffAccount,
  newStaffSchema,
  passwordChange,
  resetPassword,
  setDisabled,
} from './accounts.ts';
import { findStaff, publicView, staffById, staffView } from './directory.ts';
import { requireStaff } from './middleware.ts';
import { authorize, authorizeRole, seesPlace } from './policy.ts';

const idParam = z.object({ id: numericId('Not a staff id.') });

/** The account behind :id, or 404 when it does not exist or lies outside the caller's place. */
async function target(c: { var: AppEnv['Variables'] }, id: number, action: 'staff.read' | 'staff.manage') {
  const found = await staffById(c.var.db, id);
  if (!found) throw new ApiError(404, 'staff_not_found', 'No such staff.');
  authorize(c.var.staff, action, found.placeRef, 'staff');
  return found;
}

export const staffRoutes = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    authorizeRole(c.var.staff, 'staff.read');
    const all = await findStaff(c.var.db);
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: all.filter((s) => seesPlace(c.var.staff, s.placeRef)).map(publicView) }, 200);
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const found = await target(c, c.req.valid('param').id, 'staff.read');
    c.header('Cache-Control', 'no-store');
    return c.json({ staff: publicView(found) }, 200);
  })
  .post('/', limitBody(), validate('json', newStaffSchema), async (c) => {
    authorizeRole(c.var.staff, 'staff.manage');
    const { db, platform } = c.var;
    const id = await createStaffAccount(db, c.req.valid('json'), platform.authPepper!, platform.now(), c.var.staff);
    return c.json({ staff: await staffView(db, id) }, 201);
  })
  .post('/:id/disable', limitBody(), validate('param', idParam), async (c) => {
    const found = await target(c, c.req.valid('param').id, 'staff.manage');
    if (found.id === c.var.staff.id)
      throw new ApiError(409, 'cannot_disable_self', 'You cannot disable your own account.');
    await setDisabled(c.var.db, found.id, true, c.var.platform.now(), c.var.staff);
    return c.json({ staff: await staffView(c.var.db, found.id) }, 200);
  })
  .post('/:id/enable', limitBody(), validate('param', idParam), async (c) => {
    const found = await target(c, c.req.valid('param').id, 'staff.manage');
    await setDisabled(c.var.db, found.id, false, c.var.platform.now(), c.var.staff);
    return c.json({ staff: await staffView(c.var.db, found.id) }, 200);
  })
  .post('/:id/password', limitBody(), validate('param', idParam), validate('json', passwordChange), async (c) => {
    const found = await target(c, c.req.valid('param').id, 'staff.manage');
    const { db, platform } = c.var;
    const { password, currentPassword } = c.req.valid('json');
    if (found.id === c.var.staff.id) {
      await changeOwnPassword(
        db,
        c.var.staff,
        currentPassword,
        password,
        platform.authPepper!,
        platform.now(),
        platform.authPepperPrevious,
      );
    } else {
      await resetPassword(db, found.id, password, platform.authPepper!, platform.now(), c.var.staff);
    }
    return c.json({ ok: true }, 200);
  });
