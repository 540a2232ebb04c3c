import { describe, expect, it } from 'vitest';
import { chooseScope, placeQuery, rememberedScope, scopeOf } from './scope.ts';

const yongan = { subdistrict: 'jianzhongjie', community: 'yongan' };

describe('where a scoped page looks', () => {
  it("is the place the address names, whatever the phone remembers or the resident's community", () => {
    rememberedScope.news[1]('subdistrict');
    expect(placeQuery({ district: '1' }, 'news', yongan)).toEqual({ district: '1' });
    expect(placeQuery({ subdistrict: 'jingguanglu' }, 'news', null)).toEqual({ subdistrict: 'jingguanglu' });
    // Only district=1 means the whole district, as the API takes it.
    expect(placeQuery({ district: 'yes' }, 'news', null)).toBeUndefined();
  });

  it("else the resident's community, widened to the scope last chosen on that page", () => {
    expect(chooseScope('news', 'community', 'jianzhongjie')).toEqual({ subdistrict: undefined, district: undefined });
    expect(placeQuery({}, 'news', yongan)).toEqual({ community: 'yongan' });
    expect(chooseScope('news', 'subdistrict', 'jianzhongjie')).toEqual({
      subdistrict: 'jianzhongjie',
      district: undefined,
    });
    expect(placeQuery({}, 'news', yongan)).toEqual({ subdistrict: 'jianzhongjie' });
    expect(chooseScope('board', 'district', 'jianzhongjie')).toEqual({ subdistrict: undefined, district: '1' });
    expect(placeQuery({}, 'board', yongan)).toEqual({ district: '1' });
    // Each page keeps its own.
    expect(placeQuery({}, 'events', yongan)).toEqual({ community: 'yongan' });
    expect(placeQuery({}, 'news', null)).toBeUndefined();
  });

  it('names the scope of a place query', () => {
    expect([{ community: 'yongan' }, { subdistrict: 'x' }, { district: '1' as const }].map(scopeOf)).toEqual([
      'community',
      'subdistrict',
      'district',
    ]);
  });
});
