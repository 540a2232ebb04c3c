import * as z from 'zod/mini';
import { districts } from '../../schema/index.ts';
import { ApiError } from '../lib/errors.ts';
import { slug } from '../lib/fields.ts';
import type { Db } from '../lib/platform.ts';
import { prepared } from '../lib/prepared.ts';

/**
 * Where a resident looks: their community, a whole sub-district or the whole district, named
 * by one of `community=SLUG`, `subdistrict=SLUG` or `district=1`. News, the desk's board and
 * the events list all take the same three.
 */
export const placeScopeFields = {
  community: z.optional(slug),
  subdistrict: z.optional(slug),
  district: z.optional(z.literal('1', { error: 'Use district=1 for the whole district.' })),
};

type Named = { community?: string; subdistrict?: string; district?: string };
const given = (q: Named) => (['community', 'subdistrict', 'district'] as const).filter((k) => q[k] !== undefined);

/**
 * The check on an object with `placeScopeFields`: two places at once are a 400 naming both, and
 * unless `optional`, so is none (naming `community`, the one residents usually give).
 * @example z.object({ ...placeScopeFields }).check(onePlace())
 */
export const onePlace = (opts: { optional?: boolean } = {}) =>
  z.superRefine((q: Named, ctx) => {
    const names = given(q);
    if (names.length > 1)
      for (const path of names)
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: 'Give only one of community, subdistrict and district.',
        });
    else if (names.length === 0 && !opts.optional)
      ctx.addIssue({
        code: 'custom',
        path: ['community'],
        message: 'Give a community, a sub-district (subdistrict=SLUG) or the whole district (district=1).',
      });
  });

const firstDistrict = prepared((db) =>
  db
    .select({ slug: districts.slug, name: districts.name, nameEn: districts.nameEn })
    .from(districts)
    .orderBy(districts.id)
    .limit(1)
    .prepare(),
);

/**
 * The district the app serves (one per deployment), named as places are; 404 before it exists.
 * @example const district = await theDistrict(c.var.db)
 */
export async function theDistrict(db: Db) {
  const district = await firstDistrict(db).get();
  if (!district) throw new ApiError(404, 'place_not_found', 'No district has been set up yet.');
  return district;
}
