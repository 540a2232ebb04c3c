import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../schema/index.ts';
import { type DeskApp, deskApp, HOUR_MS } from '../desk/test-helpers.ts';
import { aRequest, json, open311Client, readXml } from './test-helpers.ts';

let d: DeskApp;
let o: ReturnType<typeof open311Client>;
let key: string;
beforeAll(async () => {
  d = await deskApp();
  o = open311Client(d);
  key = (await o.issueKey()).key;
});
afterAll(() => d.t.cleanup());

describe('POST requests', () => {
  it('files a ticket form-encoded, through the desk, with channel open311 and the app named', async () => {
    const res = await o.postForm('requests.json', { ...aRequest, api_key: key, lat: '34.7466', long: '113.6253' });
    expect(res.status).toBe(201);
    const [answer] = await json(res);
    expect(Object.keys(answer!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(answer!.service_request_id).toMatch(/^YA-\d{8}-\d{4}$/);
    const [row] = await d.t.db.select().from(tickets).where(eq(tickets.number, answer!.service_request_id!));
    expect(row).toMatchObject({
      channel: 'open311',
      partnerApp: '随手拍',
      name: '王阿姨',
      phone: '13800000002',
      location: '3号楼2单元',
      lat: 34.7466,
      long: 113.6253,
      owner: 'property',
    });
    expect(await d.auditCount('open311.file')).toBeGreaterThan(0);
  });

  it('files as JSON with attribute as an object, and answers in XML', async () => {
    const res = await d.t.app.request('http://localhost/open311/v2/requests.xml', {
      method: 'POST',
      body: JSON.stringify({
        ...aRequest,
        'attribute[compound]': undefined,
        attribute: { compound: 'yongan-jiayuan' },
        api_key: key,
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(201);
    const xml = await readXml(res);
    expect(xml.service_requests.request[0].service_request_id).toMatch(/^YA-/);
  });

  it('takes a position alone as the location, and refuses address_id or no location', async () => {
    const { address_string: _, ...noAddress } = aRequest;
    expect(
      (await o.postForm('requests.json', { ...noAddress, api_key: key, lat: '34.70', long: '113.60' })).status,
    ).toBe(201);
    const byId = await o.postForm('requests.json', { ...noAddress, api_key: key, address_id: '17' });
    expect(byId.status).toBe(400);
    expect((await json(byId))[0]!.description).toContain('address_id');
    expect((await o.postForm('requests.json', { ...noAddress, api_key: key })).status).toBe(400);
  });

  it('checks lat/long against the district and names the field', async () => {
    for (const [lat, long, field] of [
      ['39.9', '116.4', 'lat'],
      ['34.7', '120', 'long'],
      ['north', '113.6', 'lat'],
      ['34.7', '', 'long'],
    ]) {
      const res = await o.postForm('requests.json', { ...aRequest, api_key: key, lat: lat!, long: long! });
      expect(res.status).toBe(400);
      expect((await json(res)).map((e) => e.description).join(' ')).toContain(`${field}:`);
    }
  });

  it('needs the desk fields: phone, description, a known service and compound', async () => {
    const { phone: _, ...noPhone } = aRequest;
    const res = await o.postForm('requests.json', { ...noPhone, api_key: key });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual([{ code: 400, description: 'phone: This parameter is required.' }]);
    const wrong = await o.postForm('requests.xml', { ...aRequest, api_key: key, service_code: 'no-such' });
    expect((await readXml(wrong)).errors.error[0].description).toContain('service_code:');
    const compound = await o.postForm('requests.json', {
      ...aRequest,
      api_key: key,
      'attribute[compound]': 'elsewhere',
    });
    expect((await json(compound))[0]!.description).toContain('attribute[compound]:');
    expect((await o.postForm('requests.json', { ...aRequest, api_key: key, jurisdiction_id: '' })).status).toBe(400);
  });

  it('needs a live api_key: 401 without, 403 wrong or revoked', async () => {
    const none = await o.postForm('requests.json', aRequest);
    expect(none.status).toBe(401);
    expect((await json(none))[0]).toEqual({ code: 401, description: expect.stringContaining('api_key') });
    expect((await o.postForm('requests.json', { ...aRequest, api_key: 'o311_wrong' })).status).toBe(403);
    const issued = await o.issueKey('旧应用');
    expect((await o.postForm('requests.json', { ...aRequest, api_key: issued.key })).status).toBe(201);
    const revoke = await d.t.api.open311.keys[':id'].revoke.$post(
      { param: { id: String(issued.id) } },
      await d.as('erqi-admin'),
    );
    expect(revoke.status).toBe(200);
    const revoked = await o.postForm('requests.xml', { ...aRequest, api_key: issued.key });
    expect(revoked.status).toBe(403);
    expect((await readXml(revoked)).errors.error[0].description).toContain('revoked');
  });

  it("limits each key's posts per hour with 429 and Retry-After", async () => {
    const limited = await o.issueKey('小应用', 2);
    await o.file(limited.key);
    await o.file(limited.key);
    const third = await o.postForm('requests.json', { ...aRequest, api_key: limited.key });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(third))[0]!.code).toBe(429);
    d.clock += HOUR_MS + 1;
    expect((await o.postForm('requests.json', { ...aRequest, api_key: limited.key })).status).toBe(201);
  });

  it('answers a retry with the same Idempotency-Key with the first ticket', async () => {
    const post = () =>
      d.t.app.request('http://localhost/open311/v2/requests.json', {
        method: 'POST',
        body: new URLSearchParams({ ...aRequest, api_key: key }).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': 'partner-retry-0001' },
      });
    const first = (await json(await post()))[0]!.service_request_id;
    const again = await post();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again))[0]!.service_request_id).toBe(first);
  });
});
