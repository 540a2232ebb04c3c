import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { DeskApp } from '../desk/test-helpers.ts';

/** Elements that are lists in GeoReport v2, so one item still parses as a list. */
const lists = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ isArray: (name) => lists.has(name), parseTagValue: false, trimValues: false });

/**
 * An XML answer read by a real parser after checking it is well-formed and declared UTF-8.
 * @example const { services } = await readXml(res)
 */
export async function readXml(res: Response) {
  expect(res.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
  const text = await res.text();
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

/** One service request (or service, or error) as the JSON answers give it. */
export type Request311 = Record<string, string>;
/** A JSON answer, as the list of rows GeoReport v2 answers with unless told otherwise. */
export const json = async <T = Request311[]>(res: Response) => (await res.json()) as T;

/** A service request a partner app posts for the desk's aTicket resident. */
export const aRequest = {
  jurisdiction_id: 'yongan',
  service_code: 'repairs',
  description: '3号楼楼道灯坏了，晚上看不见台阶。',
  address_string: '3号楼2单元',
  'attribute[compound]': 'yongan-jiayuan',
  first_name: '阿姨',
  last_name: '王',
  phone: '13800000002',
  email: 'ignored@example.com',
  device_id: 'device-1',
  account_id: 'acct-1',
};

/** The Open311 client of a desk test app: keys issued by the admin, posts form-encoded or JSON. */
export function open311Client(d: DeskApp) {
  const base = 'http://localhost/open311/v2';
  const get = (path: string) => d.t.app.request(`${base}/${path}`);
  const postForm = (path: string, params: Record<string, string>) =>
    d.t.app.request(`${base}/${path}`, {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  const postJson = (path: string, body: unknown) =>
    d.t.app.request(`${base}/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });
  async function issueKey(app = '随手拍', hourlyLimit = 60) {
    const res = await d.t.api.open311.keys.$post({ json: { app, hourlyLimit } }, await d.as('erqi-admin'));
    if (res.status !== 201) throw new Error(`key failed: ${res.status} ${await res.text()}`);
    return (await res.json()).key;
  }
  /** Posts aRequest (with `extra`) as JSON and returns its service_request_id. */
  async function file(apiKey: string, extra: Record<string, string> = {}) {
    const res = await postJson('requests.json', { ...aRequest, ...extra, api_key: apiKey });
    if (res.status !== 201) throw new Error(`post failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
  }
  return { get, postForm, postJson, issueKey, file };
}
