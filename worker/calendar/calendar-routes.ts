import * as z from 'zod/mini';
import { Hono } from '#hono';
import { calendarDayKinds, calendarYearStatuses } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { dueDate, plainText } from '../lib/fields.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { validate } from '../lib/validate.ts';
import { requireStaff } from '../staff/middleware.ts';
import { authorizeRole } from '../staff/policy.ts';
import { calendarYearList, replaceCalendarYear } from './calendar.ts';

const yearParam = z.object({ year: z.coerce.number().check(z.int(), z.gte(2020), z.lte(2100)) });

const yearBody = z.object({
  status: z.enum(calendarYearStatuses),
  source: plainText(z.minLength(2, 'Say where the days come from.'), z.maxLength(200)),
  days: z
    .array(z.object({ day: dueDate, kind: z.enum(calendarDayKinds), name: plainText(z.minLength(1), z.maxLength(40)) }))
    .check(z.maxLength(120)),
});

/**
 * The working calendar at /calendar: every staff member reads it (it decides their due dates);
 * the district admin enters each year's State Council notice.
 */
export const calendarApi = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ years: await calendarYearList(c.var.db) }, 200);
  })
  .put('/:year', limitBody(), validate('param', yearParam), validate('json', yearBody), async (c) => {
    authorizeRole(c.var.staff, 'calendar.manage');
    const { year } = c.req.valid('param');
    const input = c.req.valid('json');
    input.days.forEach((d, i) => {
      if (!d.day.startsWith(`${year}-`))
        throw new ApiError(400, 'invalid_input', `Day ${d.day} is not in ${year}.`, {
          [`days.${i}.day`]: `Not in ${year}.`,
        });
      if (input.days.findIndex((o) => o.day === d.day) !== i)
        throw new ApiError(400, 'invalid_input', `Day ${d.day} is named twice.`, { [`days.${i}.day`]: 'Named twice.' });
    });
    await replaceCalendarYear(c.var.db, c.var.staff, year, input, c.var.platform.now());
    return c.json({ years: await calendarYearList(c.var.db) }, 200);
  });
