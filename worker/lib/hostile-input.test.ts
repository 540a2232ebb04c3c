import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test-helpers.ts';

// What an attacker sends to provoke a 500: every one of these is the client's fault, a 4xx.
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ shell: async () => '<!doctype html><html><head><title>邻里</title></head><body></body></html>' });
});
afterAll(() => t.cleanup());

describe('hostile input', () => {
  it('answers huge or odd article ids with the 404 page, not a 500', async () => {
    for (const id of ['9'.repeat(400), '9007199254740993', '0', '00001']) {
      const page = await t.app.request(`/news/${id}`);
      expect([id.slice(0, 20), page.status]).toEqual([id.slice(0, 20), 404]);
      const api = await t.app.request(`/api/news/${id}`);
      expect([id.slice(0, 20), api.status]).toEqual([id.slice(0, 20), 400]);
    }
  });

  it('refuses control characters in a search and in every text a resident types, naming the field', async () => {
    const search = await t.app.request(`/api/news?community=yongan&q=${encodeURIComponent('\u0000\u0000\u0000abc')}`);
    expect(search.status).toBe(400);
    expect(await search.json()).toMatchObject({ error: { fields: { q: 'Remove the invisible control characters.' } } });
    const ticket = await t.post('/api/tickets', {
      community: 'yongan',
      category: 'lights',
      description: '\u0000\u0000\u0000\u0000',
      location: '5号楼\u0007',
      phone: '13800000001',
      consent: true,
    });
    expect(ticket.status).toBe(400);
    expect(await ticket.json()).toMatchObject({
      error: {
        fields: {
          description: 'Remove the invisible control characters.',
          location: 'Remove the invisible control characters.',
        },
      },
    });
  });

  it('keeps newlines and tabs, which people do type', async () => {
    const search = await t.app.request(`/api/news?community=yongan&q=${encodeURIComponent('小板凳\t课堂')}`);
    expect(search.status).toBe(200);
  });
});
