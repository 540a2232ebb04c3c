/**
 * The database side of the workerd tests, run as a Node child process (the test project itself
 * resolves packages for workerd, where the embedded libSQL engine cannot load): a temp database
 * with migrations and demo data, served over HTTP by the libSQL stand-in, plus the Node app's
 * answers over the same data. Prints one JSON line, then serves until stdin closes.
 */
import { createApp } from '../worker/app.ts';
import { demoPassword, freshDatabase, testPepper, testPlatform } from '../worker/node/test-database.ts';
import { startLibsqlHttpServer } from './libsql-http.ts';

const paths = process.argv.slice(2);
const t = await freshDatabase({ demo: true });
const server = await startLibsqlHttpServer({ databaseUrl: t.url });
const app = createApp(testPlatform(t.db));
const nodeAnswers: Record<string, { status: number; body: unknown }> = {};
for (const path of paths) {
  const res = await app.request(path);
  nodeAnswers[path] = { status: res.status, body: await res.json() };
}
process.stdout.write(`${JSON.stringify({ libsqlUrl: server.url, nodeAnswers, authPepper: testPepper, demoPassword })}\n`);

process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  await t.cleanup();
  process.exit(0);
});
