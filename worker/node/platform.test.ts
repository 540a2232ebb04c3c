import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { nodeClientAddress, trustedHops } from './platform.ts';

const addressOf = async (hops: number, forwardedFor?: string) => {
  const app = new Hono().get('/', (c) => c.text(nodeClientAddress(hops)(c)));
  const env = { incoming: { socket: { remoteAddress: '10.0.0.2' } } };
  const headers: Record<string, string> = forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor };
  return (await app.request('/', { headers }, env)).text();
};

describe('the client address behind a proxy', () => {
  it('takes the entry the trusted proxy wrote, not the one the client chose', async () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended what it saw.
    expect(await addressOf(1, '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    expect(await addressOf(1, '203.0.113.7')).toBe('203.0.113.7');
    // Two proxies (a CDN, then nginx): the CDN saw the client.
    expect(await addressOf(2, '1.2.3.4, 203.0.113.7, 198.51.100.9')).toBe('203.0.113.7');
    expect(await addressOf(2, '203.0.113.7')).toBe('203.0.113.7');
  });

  it('ignores the header without a trusted proxy, and falls back to the socket', async () => {
    expect(await addressOf(0, '1.2.3.4')).toBe('10.0.0.2');
    expect(await addressOf(1)).toBe('10.0.0.2');
    expect(await addressOf(1, ' , ')).toBe('10.0.0.2');
  });

  it('reads TRUST_PROXY as a number of hops', () => {
    expect([undefined, '', '0', 'no', 'false', '-1', '1e3', '999'].map(trustedHops)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(['1', 'true', 'YES', '2', ' 3 '].map(trustedHops)).toEqual([1, 1, 1, 2, 3]);
  });
});
