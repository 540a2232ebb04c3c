import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../schema/index.ts';
import { type DeskApp, deskApp, HOUR_MS } from '../desk/test-helpers.ts';
import { aRequest, open311Client, readXml } from './test-helpers.ts';

let d: DeskApp;
let o: ReturnType<typeof open311Client>;
let key: string;
beforeAll(async () => {
  d = await deskApp();
  o = open311Client(d);
  key = (await o.issueKey()).key;
});
afterAll(() => d.t.cleanup());

type Request311 = Record<string, string>;
const json = async <T = Request311[]>(res: Response) => (await res.json()) as T;
const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('discovery', () => {
  it('says where the GeoReport v2 endpoint is and which formats it speaks, in JSON and XML', async () => {
    const res = await o.get('discovery.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://localhost/open311/v2',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const xml = await readXml(await o.get('discovery.xml'));
    expect(xml.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });
});

describe('services', () => {
  it('lists one service per active ticket category of the community, in JSON and XML', async () => {
    const res = await o.get('services.json?jurisdiction_id=yongan');
    expect(res.status).toBe(200);
    const services = await json<Record<string, unknown>[]>(res);
    const codes = services.map((s) => s.service_code);
    const desk = await (await d.t.api.tickets.categories.$get({ query: { community: 'yongan' } })).json();
    expect(codes).toEqual(desk.categories.filter((c) => !c.homeVisits).map((c) => c.code));
    expect(codes).toContain('repairs');
    expect(services.find((s) => s.service_code === 'repairs')).toEqual({
      service_code: 'repairs',
      service_name: '报修',
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.any(String),
      group: '物业公司',
    });
    const xml = await readXml(await o.get('services.xml?jurisdiction_id=yongan'));
    expect(xml.services.service.map((s: Request311) => s.service_code)).toEqual(codes);
    expect(xml.services.service[0].metadata).toBe('true');
  });

  it('gives a service definition with the compound attribute, in JSON and XML', async () => {
    const def = await json<{ service_code: string; attributes: Record<string, unknown>[] }>(
      await o.get('services/repairs.json?jurisdiction_id=yongan'),
    );
    expect(def.service_code).toBe('repairs');
    expect(def.attributes[0]).toMatchObject({
      variable: true,
      code: 'compound',
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
      values: expect.arrayContaining([{ key: 'yongan-jiayuan', name: expect.any(String) }]),
    });
    const xml = await readXml(await o.get('services/repairs.xml?jurisdiction_id=yongan'));
    const attribute = xml.service_definition.attributes.attribute[0];
    expect(attribute.code).toBe('compound');
    expect(attribute.values.value.map((v: Request311) => v.key)).toContain('yongan-jiayuan');
  });

  it('answers unknown jurisdictions and services, and a missing jurisdiction_id, in the error format', async () => {
    const missing = await o.get('services.json');
    expect(missing.status).toBe(400);
    expect(await json(missing)).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }]);
    expect((await o.get('services.json?jurisdiction_id=nowhere')).status).toBe(404);
    const xml = await o.get('services/no-such.xml?jurisdiction_id=yongan');
    expect(xml.status).toBe(404);
    expect((await readXml(xml)).errors.error).toEqual([{ code: '404', description: expect.any(String) }]);
    const unknown = await o.get('nothing.json');
    expect(unknown.status).toBe(404);
    expect((await json(unknown))[0]).toMatchObject({ code: 404 });
  });
});

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

describe('GET requests', () => {
  it('follows a request through the lifecycle: open, then closed with the public note', async () => {
    const number = await o.file(key);
    const one = async () => (await json(await o.get(`requests/${number}.json`)))[0]!;
    const filed = await one();
    expect(filed).toMatchObject({
      service_request_id: number,
      status: 'open',
      service_code: 'repairs',
      service_name: '报修',
      address: '3号楼2单元',
      description: aRequest.description,
    });
    expect(filed.agency_responsible).toMatch(/物业/);
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(filed[field]).toMatch(iso);
    await d.actOk('yongan-wuye', number, { action: 'accept' });
    expect((await one()).status).toBe('open');
    await d.actOk('yongan-wuye', number, { action: 'start', note: '明天上午来修' });
    expect(await one()).toMatchObject({ status: 'open', status_notes: '明天上午来修' });
    await d.actOk('yongan-wuye', number, { action: 'resolve', note: '已更换灯泡' });
    expect(await one()).toMatchObject({ status: 'closed', status_notes: '已更换灯泡' });
    const xml = await readXml(await o.get(`requests/${number}.xml`));
    expect(xml.service_requests.request[0]).toMatchObject({ service_request_id: number, status: 'closed' });
  });

  it('shows a duplicate as closed, and never a rejected ticket', async () => {
    const first = await o.file(key);
    const second = await o.file(key);
    await d.actOk('yongan-wuye', second, { action: 'duplicate', duplicateOf: first });
    expect((await json(await o.get(`requests/${second}.json`)))[0]!.status).toBe('closed');
    await d.actOk('yongan-wuye', first, { action: 'reject', reason: '不是本小区的问题' });
    expect((await o.get(`requests/${first}.json`)).status).toBe(404);
    const listed = await json(await o.get(`requests.json?service_request_id=${first},${second}`));
    expect(listed.map((r) => r.service_request_id)).toEqual([second]);
  });

  it('names the community committee, the company or both as agency_responsible', async () => {
    const community = await o.file(key, { service_code: 'fire-safety' });
    const joint = await o.file(key, { service_code: 'not-sure' });
    const agency = async (n: string) => (await json(await o.get(`requests/${n}.json`)))[0]!.agency_responsible;
    expect(await agency(community)).toMatch(/居委会$/);
    expect(await agency(joint)).toMatch(/居委会、.+/);
  });

  it('filters by service_code, status and dates, and caps the page size', async () => {
    const all = await json(await o.get('requests.json?page_size=1000'));
    expect(all.length).toBeLessThanOrEqual(100);
    expect(all.length).toBeGreaterThan(3);
    const repairs = await json(await o.get('requests.json?service_code=repairs'));
    expect(repairs.every((r) => r.service_code === 'repairs')).toBe(true);
    const closed = await json(await o.get('requests.json?status=closed'));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const open = await json(await o.get('requests.json?status=open&jurisdiction_id=yongan'));
    expect(open.every((r) => r.status === 'open')).toBe(true);
    const two = await json(await o.get('requests.json?page_size=2'));
    expect(two).toHaveLength(2);
    const next = await json(await o.get('requests.json?page_size=2&page=2'));
    expect(next[0]!.service_request_id).not.toBe(two[0]!.service_request_id);
    const future = await json(await o.get('requests.json?start_date=2030-01-01T00:00:00%2B08:00'));
    expect(future).toEqual([]);
    // An unencoded "+" arrives as a space; the offset still counts.
    expect(await json(await o.get('requests.json?end_date=2000-01-01T00:00:00+08:00'))).toEqual([]);
    const listed = await json(
      await o.get(`requests.json?service_request_id=${two[0]!.service_request_id},${two[1]!.service_request_id}`),
    );
    expect(listed).toHaveLength(2);
    const xml = await readXml(await o.get('requests.xml?page_size=3'));
    expect(xml.service_requests.request).toHaveLength(3);
    for (const bad of [
      'status=pending',
      'start_date=yesterday',
      'page_size=0',
      'end_date=2020-01-01&start_date=2021-01-01',
    ])
      expect((await o.get(`requests.json?${bad}`)).status).toBe(400);
  });

  it('answers tokens with 404 (POSTs are answered at once) and unknown requests with 404', async () => {
    expect((await o.get('tokens/abc.json')).status).toBe(404);
    const xml = await o.get('requests/YA-20990101-0001.xml');
    expect(xml.status).toBe(404);
    expect((await readXml(xml)).errors.error[0].code).toBe('404');
  });
});

describe('privacy of GET answers', () => {
  it('never shows a name, phone or tracking token, in JSON or XML', async () => {
    const name = { last_name: '欧阳', first_name: '秘密' };
    const phone = '13912345678';
    const number = await o.file(key, { ...name, phone });
    // The resident's own filing through the web gets a tracking token; it must not leak either.
    const web = await d.fileOk({ name: '欧阳秘密', phone });
    const leaks = ['欧阳', '秘密', phone, '1391234', web.token];
    for (const path of [
      'requests.json',
      'requests.xml',
      `requests/${number}.json`,
      `requests/${number}.xml`,
      `requests/${web.number}.json`,
      `requests.json?service_request_id=${number},${web.number}`,
      'services.json?jurisdiction_id=yongan',
    ]) {
      const res = await o.get(path);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain(path.startsWith('services') ? 'repairs' : number.slice(0, 3));
      for (const leak of leaks) expect(text, `${leak} in ${path}`).not.toContain(leak);
      expect(text).not.toMatch(/token|phone|first_name|last_name/);
    }
  });
});
