import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from '#hono';
import { testApp } from '../test-helpers.ts';
import { contentSecurityPolicy, DEFAULT_BODY_LIMIT, hardening } from './security.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.cleanup());

describe('hardening', () => {
  it('sends a strict CSP and the usual security headers on every answer', async () => {
    for (const path of ['/api/places', '/api/nowhere']) {
      const res = await t.app.request(path);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
  });

  it('adds them to an answer a handler built as its own Response too', async () => {
    const app = new Hono()
      .use(hardening({ isHttps: (req) => req.url.startsWith('https:') }))
      .get('/raw', () => new Response('raw', { headers: { 'x-own': 'kept' } }));
    const res = await app.request('https://linli.example/raw');
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-own')).toBe('kept');
    expect(await res.text()).toBe('raw');
  });

  it('sends HSTS only over https', async () => {
    expect((await t.app.request('http://localhost/api/places')).headers.get('strict-transport-security')).toBeNull();
    expect((await t.app.request('https://linli.example/api/places')).headers.get('strict-transport-security')).toMatch(
      /max-age=\d+/,
    );
  });

  it('answers an oversized body with 413 in the JSON envelope', async () => {
    const res = await t.post('/api/auth/login', { login: 'erqi-admin', password: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 429 in the JSON envelope with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await t.post('/api/auth/login', { login: 'yongan', password: `wrong-${i}-password` });
    const res = await t.post('/api/auth/login', { login: 'yongan', password: 'wrong-again-password' });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
