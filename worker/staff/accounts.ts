import { and, eq, sql } from 'drizzle-orm';
import * as z from 'zod/mini';
import { roles, sessions, staff } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { plainText } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { auditEntry } from './audit.ts';
import { resolveStaffPlace } from './directory.ts';
import { hashPassword, matchingPepper } from './password.ts';
import { passwordProblem } from './password-policy.ts';

export const loginSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'Use 2–32 letters, digits, dots, dashes or underscores.'),
  );

export const newStaffSchema = z.object({
  login: loginSchema,
  displayName: plainText(z.minLength(1, 'Give a display name.'), z.maxLength(60)),
  role: z.enum(roles),
  place: z.optional(plainText(z.minLength(1), z.maxLength(64))),
  password: z.string().check(z.maxLength(256)),
});
export type NewStaff = z.infer<typeof newStaffSchema>;

type Actor = { id: number } | null;

const loginTaken = (login: string) =>
  new ApiError(409, 'login_taken', `The login "${login}" is taken.`, { login: 'Taken.' });

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new ApiError(400, 'invalid_input', problem, { password: problem });
}

/** The stored account with this login, password hash included, for signing in. */
export async function accountByLogin(db: Db, login: string) {
  const [account] = await db.select().from(staff).where(eq(staff.login, login));
  return account;
}

/**
 * Creates a staff account (API and CLI alike): checks the password policy and the place the
 * role needs, refuses a taken login, and records the creation in the audit log.
 */
export async function createStaffAccount(
  db: Db,
  input: NewStaff,
  pepper: string,
  now: number,
  actor: Actor,
): Promise<number> {
  checkPassword(input.password);
  const place = await resolveStaffPlace(db, input.role, input.place);
  if (typeof place === 'string') throw new ApiError(400, 'invalid_input', place, { place });
  const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.login, input.login));
  if (taken) throw loginTaken(input.login);
  const passwordHash = await hashPassword(input.password, pepper);
  // One batch: the account and its audit entry land together or not at all.
  const [[created]] = await db
    .batch([
      db
        .insert(staff)
        .values({
          login: input.login,
          displayName: input.displayName,
          role: input.role,
          ...place,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: staff.id }),
      auditEntry(db, actor, 'staff.create', 'staff', sql`(select id from staff where login = ${input.login})`, now, {
        login: input.login,
        role: input.role,
        place: input.place ?? null,
      }),
    ])
    .catch((err: unknown) => {
      // Someone took the login between the check and the insert.
      if (String((err as Error)?.message).includes('UNIQUE')) throw loginTaken(input.login);
      throw err;
    });
  return created!.id;
}

/** Sets a new password and ends every session of the account. */
export async function resetPassword(db: Db, id: number, password: string, pepper: string, now: number, actor: Actor) {
  checkPassword(password);
  const passwordHash = await hashPassword(password, pepper);
  await db.batch([
    db.update(staff).set({ passwordHash, updatedAt: now }).where(eq(staff.id, id)),
    db.delete(sessions).where(eq(sessions.staffId, id)),
    auditEntry(db, actor, 'staff.reset-password', 'staff', id, now),
  ]);
}

/**
 * Stores the hash of a password just proved under the previous pepper, under the current one.
 * Only if the stored hash is still the one checked, so a reset made meanwhile is never undone;
 * sessions stay, the password being the same.
 * @example await rehashPassword(db, account.id, password, account.passwordHash, pepper, now)
 */
export async function rehashPassword(
  db: Db,
  id: number,
  password: string,
  checked: string,
  pepper: string,
  now: number,
) {
  const passwordHash = await hashPassword(password, pepper);
  await db
    .update(staff)
    .set({ passwordHash, updatedAt: now })
    .where(and(eq(staff.id, id), eq(staff.passwordHash, checked)));
}

/** A new password; `currentPassword` is needed when it is one's own. */
export const passwordChange = z.object({
  password: z.string().check(z.maxLength(256)),
  currentPassword: z.optional(z.string().check(z.maxLength(256))),
});

/**
 * A staff member changing their own password proves they know the current one first, so a
 * session left open on a shared office computer cannot be turned into a stolen account.
 * Every session ends, as with any new password; the caller signs in again with it.
 */
export async function changeOwnPassword(
  db: Db,
  self: Actor & { id: number },
  current: string | undefined,
  password: string,
  pepper: string,
  now: number,
  previousPepper?: string,
) {
  const [account] = await db.select({ passwordHash: staff.passwordHash }).from(staff).where(eq(staff.id, self.id));
  if (!current) {
    throw new ApiError(400, 'invalid_input', 'Give your current password.', {
      currentPassword: 'Give your current password.',
    });
  }
  if (!account || !(await matchingPepper(current, account.passwordHash, pepper, previousPepper))) {
    throw new ApiError(400, 'invalid_input', 'The current password is wrong.', {
      currentPassword: 'The current password is wrong.',
    });
  }
  await resetPassword(db, self.id, password, pepper, now, self);
}

/** Disables (ending every session) or re-enables an account. */
export async function setDisabled(db: Db, id: number, disabled: boolean, now: number, actor: Actor) {
  await db.batch([
    db.update(staff).set({ disabled, updatedAt: now }).where(eq(staff.id, id)),
    db.delete(sessions).where(eq(sessions.staffId, disabled ? id : -1)),
    auditEntry(db, actor, disabled ? 'staff.disable' : 'staff.enable', 'staff', id, now),
  ]);
}
