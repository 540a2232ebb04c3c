/**
 * Global setup of the workerd tests: bundles the Worker as it ships (wrangler.toml's `main` is the
 * bundle), starts the database fixture in a Node child process and hands the tests its libSQL URL
 * and the URL of the Node app over the same data.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    libsqlUrl: string;
    nodeUrl: string;
    authPepper: string;
    demoPassword: string;
  }
}

/** The API paths whose answers must be the same on both runtimes. */
export const comparedPaths = [
  '/api/health',
  '/api/places',
  '/api/nowhere',
  // Reads across most tables, so the Worker's own build of the schema (scripts/build/worker.ts) is held to Node's.
  '/api/news?community=jieyunlu',
  '/api/events?community=jieyunlu',
  '/api/board?community=yongan',
  '/api/board/figures?community=yongan',
  '/api/tickets/categories?community=yongan',
  '/api/renovation/projects?community=jieyunlu',
  '/api/home-visits/services?community=gongrenlu',
  '/api/calendar',
  '/open311/v2/services.json?jurisdiction_id=yongan',
  '/open311/v2/requests.json?jurisdiction_id=yongan',
];

export default async function setup(project: TestProject) {
  // Imported here, not above: the tests import this module's paths inside workerd, where the bundler cannot load.
  const { buildWorker } = await import('../scripts/build/worker.ts');
  await buildWorker();
  const child = spawn(process.execPath, ['scripts/fixtures/workerd-fixture.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`workerd fixture exited with ${code}`)));
  });
  const fixture = JSON.parse(firstLine);
  for (const key of ['libsqlUrl', 'nodeUrl', 'authPepper', 'demoPassword'] as const) project.provide(key, fixture[key]);
  return async () => {
    child.stdin.end();
    await exited;
  };
}
