import { exports } from 'cloudflare:workers';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';

const base = 'https://linli.example';
const call = (path: string, init?: RequestInit) => exports.default.fetch(new Request(base + path, init));

describe('Open311 GeoReport v2 in the Worker, over HTTP to libSQL', () => {
  it('lists services, takes a request with an admin-issued key, and follows it', async () => {
    const services = await call('/open311/v2/services.json?jurisdiction_id=yongan');
    expect(services.status).toBe(200);
    const list = (await services.json()) as { service_code: string; metadata: boolean }[];
    expect(list.find((s) => s.service_code === 'repairs')).toMatchObject({ metadata: true });
    const xml = await (await call('/open311/v2/services.xml?jurisdiction_id=yongan')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).services.service.length).toBe(list.length);

    const login = await call('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify({ login: 'erqi-admin', password: inject('demoPassword') }),
    });
    const { token } = (await login.json()) as { token: string };
    const issued = await call('/api/open311/keys', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base, Authorization: `Bearer ${token}` },
      body: JSON.stringify({ app: '随手拍' }),
    });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: { key: string } };

    const form = new URLSearchParams({
      jurisdiction_id: 'yongan',
      service_code: 'repairs',
      description: '5号楼单元门禁坏了，关不上。',
      lat: '34.7466',
      long: '113.6253',
      first_name: '师傅',
      last_name: '赵',
      phone: '13700000003',
    });
    const refused = await call('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual([{ code: 401, description: expect.stringContaining('api_key') }]);
    form.set('api_key', key.key);
    const posted = await call('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.status).toBe(201);
    const id = ((await posted.json()) as { service_request_id: string }[])[0]!.service_request_id;
    expect(id).toMatch(/^YA-\d{8}-\d{4}$/);

    const followed = await call(`/open311/v2/requests/${id}.json`);
    expect(followed.status).toBe(200);
    const [request] = (await followed.json()) as Record<string, string>[];
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'repairs' });
    expect(request!.requested_datetime).toMatch(/\+08:00$/);
    const text = JSON.stringify(request);
    expect(text).not.toContain('13700000003');
    expect(text).not.toContain('赵师傅');
    const one = await (await call(`/open311/v2/requests/${id}.xml`)).text();
    expect(new XMLParser().parse(one).service_requests.request.service_request_id).toBe(id);
  });
});
