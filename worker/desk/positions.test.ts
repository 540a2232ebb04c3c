import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_BOUNDS } from '../lib/position.ts';
import { errorOf } from '../test-helpers.ts';
import { type DeskApp, deskApp } from './test-helpers.ts';

let d: DeskApp;
beforeAll(async () => {
  d = await deskApp();
});
afterAll(() => d.t.cleanup());

describe("a ticket's map position", () => {
  it('is optional, kept when given, and shown to staff only', async () => {
    const plain = await d.fileOk();
    expect((await d.view(plain.number)).position).toBeNull();
    const placed = await d.fileOk({ lat: 34.7466, long: 113.6253 });
    expect((await d.view(placed.number)).position).toEqual({ lat: 34.7466, long: 113.6253 });
    const tracking = await (await d.track(placed.number, placed.token)).json();
    expect(JSON.stringify(tracking)).not.toContain('34.7466');
    const board = await (await d.t.api.board.$get({ query: { community: 'yongan' } })).json();
    expect(JSON.stringify(board)).not.toContain('113.6253');
  });

  it('must lie in the district, both or neither, and names the field at fault', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ lat: 39.9042, long: 116.4074 }, 'lat'],
      [{ lat: 34.7, long: DISTRICT_BOUNDS.east + 0.01 }, 'long'],
      [{ lat: 34.7 }, 'long'],
      [{ long: 113.6 }, 'lat'],
      [{ lat: '34.7', long: 113.6 }, 'lat'],
    ];
    for (const [position, field] of cases) {
      const res = await d.file(position);
      expect(res.status, JSON.stringify(position)).toBe(400);
      expect(Object.keys((await errorOf(res)).error.fields ?? {})).toContain(field);
    }
  });
});
