import { describe, expect, it } from 'vitest';
import { testApp } from '../../test-helpers.ts';

/** An instant in Zhengzhou. */
const at = (local: string) => Date.parse(`${local}+08:00`);

describe('the demo desk', () => {
  // The e2e follow-up journey starts from a fresh demo at whatever moment CI runs.
  it.each([
    ['2026-11-26T10:00:00', 'a Thursday'],
    ['2026-11-30T09:00:00', 'a Monday, after a weekend'],
    ['2026-12-05T08:30:00', 'a Saturday morning'],
    ['2026-12-06T00:10:00', 'just after midnight on a Sunday'],
    ['2027-01-01T00:05:00', "New Year's Day, a holiday"],
  ])('has three residents to call back on %s (%s)', async (local) => {
    const now = at(local);
    const t = await testApp({ now: () => now });
    try {
      const res = await t.api.desk['follow-ups'].$get({ query: {} }, { headers: t.bearer(await t.signIn('yongan')) });
      expect(res.status).toBe(200);
      const names = (await res.json()).followUps.map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['孙阿姨', '周师傅', '吴女士']));
    } finally {
      await t.cleanup();
    }
  });
});
