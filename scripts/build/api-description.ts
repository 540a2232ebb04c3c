import { readFileSync } from 'node:fs';
import { createApp } from '../../worker/app.ts';
import type { Platform } from '../../worker/lib/platform.ts';
import { openApiDocument } from './openapi.ts';

/** Where the description is served from, in the built web app. */
export const descriptionFile = 'api/openapi.json';

/**
 * The app as the entries build it, over a platform that is never called: listing routes
 * touches no database, clock or store.
 */
export function appForDescription() {
  const unused = () => {
    throw new Error('the API description builds the app only to list its routes');
  };
  const platform = {
    db: new Proxy({}, { get: unused }),
    now: unused,
    authPepper: undefined,
    clientAddress: unused,
    publicWritesPerHour: 30,
    photos: new Proxy({}, { get: unused }),
    shell: unused,
  } as unknown as Platform;
  return createApp(platform);
}

/** The document for this code and package version. */
export function describeApi() {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return openApiDocument(appForDescription().routes, { version });
}

/**
 * Writes web/dist/api/openapi.json on `vite build` (and its .br/.gz copies, by precompress).
 * @example export default defineConfig({ plugins: [solid(), apiDescription(), precompress()] })
 */
export function apiDescription() {
  return {
    name: 'linli-api-description',
    apply: 'build' as const,
    generateBundle(this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void }) {
      this.emitFile({
        type: 'asset',
        fileName: descriptionFile,
        source: `${JSON.stringify(describeApi(), null, 2)}\n`,
      });
    },
  };
}
