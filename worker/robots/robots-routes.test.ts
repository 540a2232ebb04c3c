import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staffRobots } from '../../schema/index.ts';
import { type DeskApp, deskApp } from '../desk/test-helpers.ts';
import { errorOf } from '../test-helpers.ts';
import { standInRobot, yonganOwners } from './test-helpers.ts';

let d: DeskApp;
let robot: Awaited<ReturnType<typeof standInRobot>>;
let owners: { communityId: number; companyId: number };
let robotId: number;

beforeAll(async () => {
  robot = await standInRobot();
  d = await deskApp({ robotWebhookHosts: [robot.host] });
  owners = await yonganOwners(d.t.db);
});
afterAll(async () => {
  await robot.close();
  await d.t.cleanup();
});

async function call(login: string | null, method: string, path: string, body?: unknown) {
  const auth = login ? (await d.as(login)).headers : {};
  return d.t.app.request(`/api/robots${path}`, {
    method,
    headers: { ...auth, 'Content-Type': 'application/json', Origin: d.t.origin },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const yonganRobot = () => ({
  ownerKind: 'community',
  ownerId: owners.communityId,
  platform: 'wecom',
  webhookUrl: robot.wecomUrl,
});

describe('/api/robots', () => {
  it('lets the sub-district set up a robot for its community, shows it masked, and audits it', async () => {
    const res = await call('jianzhongjie', 'POST', '', yonganRobot());
    expect(res.status).toBe(201);
    const { robot: created } = (await res.json()) as { robot: { id: number; webhook: string } };
    robotId = created.id;
    expect(created.webhook).toBe(`http://${robot.host}/cgi-bin/webhook/send?key=••••cdef`);
    const list = await call('jianzhongjie', 'GET', '');
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain('wecom-key-0123456789abcdef');
    const { owners: listed } = JSON.parse(text) as { owners: { ownerKind: string; name: string; robot: unknown }[] };
    expect(listed.find((o) => o.ownerKind === 'community' && o.name === '永安社区')?.robot).toBeTruthy();
    expect(listed.some((o) => o.ownerKind === 'company')).toBe(true);
    const audit = await d.t.db.select().from(auditLog).where(eq(auditLog.action, 'robot.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('wecom-key');
    const again = await call('erqi-admin', 'POST', '', yonganRobot());
    expect(again.status).toBe(409);
    expect((await errorOf(again)).error.code).toBe('robot_exists');
  });

  it('refuses webhooks off the platforms’ hosts (SSRF), naming the field', async () => {
    for (const webhookUrl of [
      'https://evil.example/hook',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'http://127.0.0.1:1/hook',
      'https://169.254.169.254/',
    ]) {
      const res = await call('erqi-admin', 'PATCH', `/${robotId}`, { webhookUrl });
      expect(res.status, webhookUrl).toBe(400);
      expect((await errorOf(res)).error.fields).toHaveProperty('webhookUrl');
    }
    const ok = await call('erqi-admin', 'PATCH', `/${robotId}`, {
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=real-key-0000',
    });
    expect(ok.status).toBe(200);
    // A WeCom address cannot become a DingTalk robot's.
    const wrongPlatform = await call('erqi-admin', 'PATCH', `/${robotId}`, { platform: 'dingtalk' });
    expect(wrongPlatform.status).toBe(400);
    expect((await errorOf(wrongPlatform)).error.fields).toHaveProperty('webhookUrl');
    await call('erqi-admin', 'PATCH', `/${robotId}`, { webhookUrl: robot.wecomUrl });
  });

  it('keeps other places’ robots out of reach: 404 outside the place, 403 for roles that do not manage robots', async () => {
    expect((await call('songshanlu', 'PATCH', `/${robotId}`, { enabled: false })).status).toBe(404);
    expect((await call('songshanlu', 'POST', `/${robotId}/test`)).status).toBe(404);
    expect((await call('songshanlu', 'POST', '', { ...yonganRobot(), ownerKind: 'community' })).status).toBe(404);
    for (const login of ['yongan', 'jieyunlu', 'yongan-wuye', 'weihongmin']) {
      const res = await call(login, 'PATCH', `/${robotId}`, { enabled: false });
      expect([403, 404], login).toContain(res.status);
      expect((await call(login, 'GET', '')).status, login).toBe(403);
    }
    expect((await call(null, 'GET', '')).status).toBe(401);
    const [row] = await d.t.db.select().from(staffRobots).where(eq(staffRobots.id, robotId));
    expect(row!.enabled).toBe(true);
  });

  it('sends a test message, keeps the result, and allows one a minute', async () => {
    robot.received.length = 0;
    const res = await call('jianzhongjie', 'POST', `/${robotId}/test`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { delivery: { ok: boolean }; robot: { lastDelivery: { ok: boolean } } };
    expect(body.delivery.ok).toBe(true);
    expect(body.robot.lastDelivery.ok).toBe(true);
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.body.msgtype).toBe('markdown');
    const soon = await call('jianzhongjie', 'POST', `/${robotId}/test`);
    expect(soon.status).toBe(429);
    expect(soon.headers.get('retry-after')).toBeTruthy();
    robot.answers.push({ errcode: 93000, errmsg: 'invalid webhook url' });
    d.clock += 61_000;
    const refused = await call('jianzhongjie', 'POST', `/${robotId}/test`);
    const answer = (await refused.json()) as { delivery: { ok: boolean; error: string } };
    expect(answer.delivery).toEqual({ ok: false, error: 'errcode 93000: invalid webhook url' });
  });

  it('answers hostile bodies and ids with 4xx JSON naming fields, never a 5xx', async () => {
    const bodies = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record(
          {
            ownerKind: fc.oneof(fc.constantFrom('community', 'company', 'x'), fc.integer()),
            ownerId: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(owners.companyId)),
            platform: fc.oneof(fc.constantFrom('wecom', 'dingtalk', ''), fc.integer()),
            webhookUrl: fc.oneof(fc.webUrl(), fc.string({ maxLength: 600 }), fc.constant(null)),
            signingSecret: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
            enabled: fc.oneof(fc.boolean(), fc.string()),
          },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 100 }),
    );
    const ids = fc.oneof(
      fc.constant(String(robotId)),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
      fc.constant('9'.repeat(30)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('POST', 'PATCH'), ids, bodies, async (method, id, body) => {
        const path = method === 'POST' ? (id === String(robotId) ? '' : `/${id}/test`) : `/${id}`;
        const res = await call('erqi-admin', method, path, body);
        const text = await res.text();
        expect(res.status, `${method} ${path} ${body} → ${text}`).toBeLessThan(500);
        if (res.status >= 400) {
          const parsed = JSON.parse(text) as { error: { code: string; message: string; fields?: object } };
          expect(typeof parsed.error.code).toBe('string');
          if (parsed.error.code === 'invalid_input')
            expect(Object.keys(parsed.error.fields ?? {}).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
