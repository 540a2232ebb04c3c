import { exports } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { comparedPaths } from './workerd-setup.ts';

const base = 'https://linli.example';

describe('the Worker entry in workerd, over HTTP to libSQL', () => {
  it.each(comparedPaths)('answers %s exactly as the Node app does', async (path) => {
    const res = await exports.default.fetch(new Request(base + path));
    expect({ status: res.status, body: await res.json() }).toEqual(inject('nodeAnswers')[path]);
  });

  it('reports a healthy, current database', async () => {
    const res = await exports.default.fetch(new Request(`${base}/api/health`));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, database: 'reachable', schema: { current: true } });
  });

  it('says the database is unreachable when LIBSQL_URL points nowhere', async () => {
    const { default: worker } = await import('./index.ts');
    const res = await worker.fetch(
      new Request(`${base}/api/health`),
      { LIBSQL_URL: 'http://127.0.0.1:9', LIBSQL_AUTH_TOKEN: '', AUTH_PEPPER: '' },
      { waitUntil() {}, passThroughOnException() {}, props: {} } as never,
    );
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: 'unreachable' });
  });
});
