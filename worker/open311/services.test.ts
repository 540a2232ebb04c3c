import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
import { json, open311Client, type Request311, readXml } from './test-helpers.ts';

let d: DeskApp;
let o: ReturnType<typeof open311Client>;
beforeAll(async () => {
  d = await deskApp();
  o = open311Client(d);
});
afterAll(() => d.t.cleanup());

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
