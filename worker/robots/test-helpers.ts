import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { communities, compounds, propertyCompanyCompounds } from '../../schema/index.ts';
import type { Db } from '../lib/platform.ts';

export type Received = { path: string; body: { msgtype: string; markdown: Record<string, string> }; signed?: boolean };

/**
 * A local stand-in for both platforms' robots: it keeps every message, checks DingTalk's 加签 on
 * `/robot/send` when given a secret, and answers from `answers` (errcode 0 once they run out).
 * @example const robot = await standInRobot({ secret: 'SEC…' }); robot.answers.push({ errcode: 130101, errmsg: 'too fast' })
 */
export async function standInRobot(opts: { secret?: string } = {}) {
  const received: Received[] = [];
  const answers: { errcode: number; errmsg: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => {
      data += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      let signed: boolean | undefined;
      if (opts.secret && url.pathname === '/robot/send') {
        const timestamp = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', opts.secret).update(`${timestamp}\n${opts.secret}`).digest('base64');
        signed = url.searchParams.get('sign') === expected;
      }
      received.push({ path: url.pathname, body: JSON.parse(data), signed });
      res.setHeader('content-type', 'application/json');
      if (signed === false) return res.end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
      res.end(JSON.stringify(answers.shift() ?? { errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    received,
    answers,
    dingtalkUrl: `http://${host}/robot/send?access_token=dingtalk-token-0123456789`,
    wecomUrl: `http://${host}/cgi-bin/webhook/send?key=wecom-key-0123456789abcdef`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The demo's Yong'an community and the property company serving Yong'an Homes, by id. */
export async function yonganOwners(db: Db) {
  const [community] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, 'yongan'));
  const [company] = await db
    .select({ id: propertyCompanyCompounds.propertyCompanyId })
    .from(propertyCompanyCompounds)
    .innerJoin(compounds, eq(compounds.id, propertyCompanyCompounds.compoundId))
    .where(eq(compounds.slug, 'yongan-jiayuan'));
  return { communityId: community!.id, companyId: company!.id };
}
