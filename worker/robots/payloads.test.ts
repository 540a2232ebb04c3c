import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digest, escapeMarkdown, MAX_MARKDOWN_BYTES, robotPayload, signedUrl, truncateBytes } from './payloads.ts';
import { maskWebhook, parseWebhookHosts, webhookProblem } from './webhook.ts';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('robot payloads', () => {
  const message = { title: '邻里 · 永安社区', text: '### 邻里 · 永安社区\n新诉求 1 条' };

  it('are the markdown messages WeCom and DingTalk document', () => {
    expect(robotPayload('wecom', message)).toStrictEqual({
      msgtype: 'markdown',
      markdown: { content: '### 邻里 · 永安社区\n新诉求 1 条' },
    });
    expect(robotPayload('dingtalk', message)).toStrictEqual({
      msgtype: 'markdown',
      markdown: { title: '邻里 · 永安社区', text: '### 邻里 · 永安社区\n新诉求 1 条' },
    });
  });

  it('sum up a batch: counts per kind, ten lines with links to the staff page, and how many more', () => {
    const notices = Array.from({ length: 12 }, (_, i) => ({
      kind: i < 11 ? ('new_ticket' as const) : ('overdue' as const),
      ticketNumber: `YA-20261202-${String(i + 1).padStart(4, '0')}`,
      summary: '报修 · 永安佳苑',
    }));
    const { title, text } = digest('永安社区', notices, 'https://linli.example');
    expect(title).toBe('邻里 · 永安社区');
    const lines = text.split('\n');
    expect(lines[0]).toBe('### 邻里 · 永安社区');
    expect(lines[1]).toBe('新诉求 11 条，已超期 1 条');
    expect(lines[2]).toBe(
      '- **新诉求** [YA-20261202-0001](https://linli.example/staff/desk/YA-20261202-0001) 报修 · 永安佳苑',
    );
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(10);
    expect(text).toContain('…另有 2 条');
    expect(text.endsWith('[打开工作台](https://linli.example/staff/desk)')).toBe(true);
  });

  it('make people’s words inert: no links, headings, tags or mentions from a name', () => {
    const hostile = '**坏人**\n# [点我](https://evil.example) <font color="warning">@all</font> `x` \\';
    const safe = escapeMarkdown(hostile);
    expect(safe).not.toMatch(/[*#[\]<>`@\\\n]/);
    expect(safe).toBe('＊＊坏人＊＊ ＃ ［点我］(https://evil.example) ＜font color="warning"＞＠all＜/font＞ ｀x｀ ＼');
    const { text } = digest('永安社区', [{ kind: 'part_assigned', ticketNumber: null, summary: hostile }]);
    expect(text).not.toContain('[点我]');
    expect(text).not.toContain('<font');
  });

  it('stay within WeCom’s 4096 bytes, cut with "…" and never inside a character', () => {
    expect(truncateBytes('邻里邻里', 9)).toBe('邻里…');
    expect(truncateBytes('short', 10)).toBe('short');
    const long = Array.from({ length: 10 }, (_, i) => ({
      kind: 'new_ticket' as const,
      ticketNumber: `YA-20261202-${i}`,
      summary: '很长的说明'.repeat(200),
    }));
    const { text } = digest('永安社区', long, 'https://linli.example');
    expect(bytes(text)).toBeLessThanOrEqual(MAX_MARKDOWN_BYTES);
    expect(text.endsWith('…')).toBe(true);
    const content = (robotPayload('wecom', { title: 't', text: '字'.repeat(5000) }).markdown as { content: string })
      .content;
    expect(bytes(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith('…')).toBe(true);
  });
});

describe('DingTalk signing (加签)', () => {
  it('appends timestamp and the url-encoded base64 HMAC-SHA256 of "timestamp\\nsecret", as computed independently', async () => {
    const secret = 'SEC0123456789abcdef+/=';
    const timestamp = 1764640800000;
    const expected = encodeURIComponent(
      createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'),
    );
    const url = await signedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, timestamp);
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=${timestamp}&sign=${expected}`);
    expect(await signedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', null, timestamp)).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
    );
  });
});

describe('webhook addresses (SSRF)', () => {
  const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
  const dingtalk = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef';

  it('allow only each platform’s own host over https', () => {
    expect(webhookProblem('wecom', wecom, [])).toBeNull();
    expect(webhookProblem('dingtalk', dingtalk, [])).toBeNull();
    for (const bad of [
      dingtalk,
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=k',
      'https://qyapi.weixin.qq.com.evil.example/send',
      'https://user:pw@qyapi.weixin.qq.com/send',
      'https://169.254.169.254/latest/meta-data',
      'http://127.0.0.1:8999/hook',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(webhookProblem('wecom', bad, []), bad).not.toBeNull();
    }
  });

  it('allow the operator’s extra hosts, and plain http only for a loopback one', () => {
    const hosts = parseWebhookHosts('127.0.0.1:8999, hooks.example');
    expect(hosts).toEqual(['127.0.0.1:8999', 'hooks.example']);
    expect(webhookProblem('dingtalk', 'http://127.0.0.1:8999/robot/send?access_token=x', hosts)).toBeNull();
    expect(webhookProblem('dingtalk', 'http://127.0.0.1:9000/robot/send', hosts)).not.toBeNull();
    expect(webhookProblem('wecom', 'https://hooks.example/send', hosts)).toBeNull();
    expect(webhookProblem('wecom', 'http://hooks.example/send', hosts)).not.toBeNull();
  });

  it('are shown masked: the key never whole', () => {
    expect(maskWebhook(wecom)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••5aaa');
    expect(maskWebhook(dingtalk)).not.toContain('0123456789');
  });
});
