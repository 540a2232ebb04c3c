/**
 * `npm run staff -- <command>`: manage staff accounts in the database named by DATABASE_URL
 * (local file or remote libSQL). Passwords come from LINLI_PASSWORD or standard input, never
 * from the command line, where other users and shell history could see them.
 *
 *   add --login LOGIN --name NAME --role ROLE [--place SLUG]
 *   disable --login LOGIN | enable --login LOGIN | reset-password --login LOGIN | list
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { roles, staff } from '../../schema/index.ts';
import { ApiError } from '../../worker/lib/errors.ts';
import { defaultDatabaseUrl, migrateDatabase, openDatabase } from '../../worker/node/database.ts';
import { resolvePepper } from '../../worker/node/platform.ts';
import {
  createStaffAccount,
  loginSchema,
  newStaffSchema,
  resetPassword,
  setDisabled,
} from '../../worker/staff/accounts.ts';
import { findStaff } from '../../worker/staff/directory.ts';

const usage = `Usage: npm run staff -- add --login LOGIN --name NAME --role ${roles.join('|')} [--place SLUG]
       npm run staff -- disable|enable|reset-password --login LOGIN
       npm run staff -- list
The password is read from LINLI_PASSWORD or standard input.`;

async function readPassword(): Promise<string> {
  if (process.env.LINLI_PASSWORD) return process.env.LINLI_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (input hidden): ');
  const rl = createInterface({ input: process.stdin, terminal: !!process.stdin.isTTY });
  // Hide what is typed on a terminal.
  if (process.stdin.isTTY) (rl as unknown as { _writeToOutput: () => void })._writeToOutput = () => {};
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      place: { type: 'string' },
    },
  });
  const command = positionals[0];
  const url = process.env.DATABASE_URL || defaultDatabaseUrl;
  const { client, db } = await openDatabase(url, process.env.LIBSQL_AUTH_TOKEN);
  await migrateDatabase(db);
  const pepper = resolvePepper(url);
  const now = Date.now();
  try {
    if (command === 'list') {
      for (const s of await findStaff(db)) {
        console.log(
          `${s.login.padEnd(24)} ${s.role.padEnd(14)} ${(s.place?.slug ?? '-').padEnd(16)} ${s.disabled ? 'disabled' : 'active'}  ${s.displayName}`,
        );
      }
      return;
    }
    if (!['add', 'disable', 'enable', 'reset-password'].includes(command ?? '')) throw new Error(usage);
    if (!pepper && command !== 'disable' && command !== 'enable')
      throw new Error('Set AUTH_PEPPER (the same as the server uses).');
    if (command === 'add') {
      const input = newStaffSchema.safeParse({
        login: values.login,
        displayName: values.name,
        role: values.role,
        place: values.place,
        password: await readPassword(),
      });
      if (!input.success)
        throw new Error(input.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
      await createStaffAccount(db, input.data, pepper!, now, null);
      console.log(`Created ${input.data.role} account "${input.data.login}".`);
      return;
    }
    const login = loginSchema.safeParse(values.login);
    if (!login.success) throw new Error(`--login: ${login.error.issues[0]?.message}\n${usage}`);
    const [account] = await db.select({ id: staff.id }).from(staff).where(eq(staff.login, login.data));
    if (!account) throw new Error(`No staff account "${login.data}".`);
    if (command === 'reset-password') await resetPassword(db, account.id, await readPassword(), pepper!, now, null);
    else await setDisabled(db, account.id, command === 'disable', now, null);
    console.log(`Done: ${command} ${login.data}.`);
  } finally {
    client.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ApiError ? `${err.message}` : err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
