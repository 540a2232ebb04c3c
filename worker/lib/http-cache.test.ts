import { describe, expect, it } from 'vitest';
import { Hono } from '#hono';
import { notModified, tagOf } from './http-cache.ts';

const etag = tagOf('news', 42);
const app = new Hono().get('/', (c) =>
  notModified(c, etag, Date.UTC(2026, 10, 27)) ? c.body(null, 304) : c.text('fresh', 200),
);
const ask = (headers: Record<string, string>) => app.request('/', { headers });

describe('notModified', () => {
  it('matches If-None-Match by weak comparison: with or without W/, in a list, or *', async () => {
    const strong = etag.replace(/^W\//, '');
    for (const sent of [etag, strong, `"other", ${strong}`, `W/"other", ${etag}`, '*']) {
      expect([sent, (await ask({ 'If-None-Match': sent })).status]).toEqual([sent, 304]);
    }
    expect((await ask({ 'If-None-Match': '"other"' })).status).toBe(200);
    expect((await ask({ 'If-None-Match': `W/${strong.slice(0, -2)}x"` })).status).toBe(200);
  });

  it('falls back to If-Modified-Since only without If-None-Match', async () => {
    expect((await ask({ 'If-Modified-Since': new Date(Date.UTC(2026, 10, 28)).toUTCString() })).status).toBe(304);
    expect((await ask({ 'If-Modified-Since': new Date(Date.UTC(2026, 10, 26)).toUTCString() })).status).toBe(200);
    expect(
      (await ask({ 'If-None-Match': '"other"', 'If-Modified-Since': new Date(Date.UTC(2026, 10, 28)).toUTCString() }))
        .status,
    ).toBe(200);
  });
});
