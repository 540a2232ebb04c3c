import type { Context } from 'hono';
import { Hono } from '#hono';
import { fileTicket } from '../desk/file-ticket.ts';
import { idempotent } from '../lib/idempotency.ts';
import { publicOrigin } from '../lib/origin.ts';
import type { AppEnv } from '../lib/platform.ts';
import { limitBody } from '../lib/security.ts';
import { requestFilter } from './filters.ts';
import { answer, open311Error, open311Errors } from './format.ts';
import { countKeyWrite, keyFor, keyUse } from './keys.ts';
import { postedParams, ticketFromPosted } from './posted.ts';
import { publicRequests } from './requests.ts';
import { jurisdiction, serviceDefinition, serviceList } from './services.ts';

const both = (path: string) => [`${path}.json`, `${path}.xml`];
/** `repairs.json` → `repairs`; the route's pattern guarantees the suffix. */
const stem = (file: string) => file.replace(/\.(json|xml)$/, '');

const readable = (c: Context) => {
  // Public data: any site may read it (a partner's map, a newsroom's chart).
  c.header('Access-Control-Allow-Origin', '*');
};

/**
 * Open311 GeoReport v2 at /open311/v2: services per community (`jurisdiction_id` = its slug),
 * service requests filed through the desk's own filing (channel `open311`, the key's app
 * recorded), and their public state. Every endpoint answers `.json` and `.xml`; every error
 * comes in the spec's format. POSTs are answered at once, so no tokens are issued.
 */
export const open311 = new Hono<AppEnv>()
  // Service discovery (the spec asks every GeoReport server for one): where the endpoint is, which formats.
  .on('GET', both('/discovery'), (c) => {
    readable(c);
    c.header('Cache-Control', 'public, max-age=3600');
    const url = `${publicOrigin(c)}/open311/v2`;
    return answer(
      c,
      { root: 'discovery' },
      {
        changeset: '2026-12-02T00:00:00+08:00',
        contact: '二七区社区与物业联合服务台',
        key_service: 'API keys are issued by the district admin, one per partner app.',
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url,
            changeset: '2026-12-02T00:00:00+08:00',
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      },
      200,
    );
  })
  .on('GET', both('/services'), async (c) => {
    const j = await jurisdiction(c.var.db, c.req.query('jurisdiction_id'));
    readable(c);
    c.header('Cache-Control', 'public, max-age=60');
    return answer(c, { root: 'services', item: 'service' }, serviceList(j), 200);
  })
  .get('/services/:file{[^/]+\\.(?:json|xml)}', async (c) => {
    const j = await jurisdiction(c.var.db, c.req.query('jurisdiction_id'));
    readable(c);
    c.header('Cache-Control', 'public, max-age=60');
    return answer(c, { root: 'service_definition' }, serviceDefinition(j, stem(c.req.param('file'))), 200);
  })
  .on('POST', both('/requests'), limitBody(), async (c) => {
    const { db, platform } = c.var;
    const params = await postedParams(c);
    const key = await keyFor(db, params.api_key || c.req.query('api_key'));
    const input = ticketFromPosted(params);
    const result = await idempotent(c, `open311:${key.id}`, async (record) => {
      const now = platform.now();
      await countKeyWrite(db, key, now);
      const filed = await fileTicket(db, input, {
        now,
        channel: 'open311',
        partnerApp: key.app,
        record,
        also: keyUse(db, key, now),
      });
      return { status: 201 as const, body: { number: filed.number } };
    });
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    c.header('Cache-Control', 'no-store');
    const notice = '已转交社区与物业联合服务台；凭编号可随时查询进度。';
    return answer(
      c,
      { root: 'service_requests', item: 'request' },
      [{ service_request_id: result.body.number, service_notice: notice, account_id: '' }],
      201,
    );
  })
  .on('GET', both('/requests'), async (c) => {
    const rows = await publicRequests(c.var.db, await requestFilter(c), publicOrigin(c));
    readable(c);
    c.header('Cache-Control', 'public, max-age=30');
    return answer(c, { root: 'service_requests', item: 'request' }, rows, 200);
  })
  .get('/requests/:file{[^/]+\\.(?:json|xml)}', async (c) => {
    const number = stem(c.req.param('file'));
    const rows = await publicRequests(c.var.db, { numbers: [number], limit: 1, offset: 0 }, publicOrigin(c));
    if (!rows.length) throw open311Error(404, `No service request ${number}.`);
    readable(c);
    c.header('Cache-Control', 'public, max-age=30');
    return answer(c, { root: 'service_requests', item: 'request' }, rows, 200);
  })
  .get('/tokens/:file{[^/]+\\.(?:json|xml)}', () => {
    throw open311Error(404, 'No such token: every POST is answered at once with its service_request_id.');
  })
  .all('*', (c) => {
    throw open311Error(404, `No such Open311 endpoint: ${c.req.method} ${c.req.path}`);
  });
open311.onError(open311Errors);
