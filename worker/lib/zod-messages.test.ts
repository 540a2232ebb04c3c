import { describe, expect, it } from 'vitest';
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { zodMessage } from './errors.ts';

const english = en().localeError as (issue: unknown) => string;

describe("the Worker's own zod messages", () => {
  it("say word for word what zod's English catalogue says for the checks Linli uses", () => {
    const cases: [z.ZodMiniType, unknown][] = [
      [z.string(), 5],
      [z.string(), null],
      [z.number(), 'x'],
      [z.number(), Number.NaN],
      [z.array(z.string()), {}],
      [z.enum(['community', 'property', 'joint']), 'bank'],
      [z.literal(true), false],
      [z.string().check(z.minLength(2)), 'a'],
      [z.string().check(z.maxLength(3)), 'abcd'],
      [z.string().check(z.length(4)), 'abc'],
      [z.number().check(z.gte(1)), 0],
      [z.number().check(z.lte(30)), 31],
      [z.number().check(z.gt(0)), 0],
      [z.number().check(z.lt(10)), 10],
      [z.array(z.string()).check(z.maxLength(1)), ['a', 'b']],
      [z.number().check(z.int()), 1.5],
      [z.string().check(z.regex(/^[a-z]+$/)), 'A'],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }],
      [
        z.discriminatedUnion('action', [z.object({ action: z.literal('a') }), z.object({ action: z.literal('b') })]),
        { action: 'c' },
      ],
      [z.union([z.string(), z.number()]), true],
    ];
    for (const [schema, input] of cases) {
      const result = z.safeParse(schema, input);
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) {
        const raw = { ...issue, input } as never;
        expect([input, zodMessage(raw)]).toEqual([input, english(raw)]);
      }
    }
  });
});
