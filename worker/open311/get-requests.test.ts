import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
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

const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

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
