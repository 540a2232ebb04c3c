import type { Env, Input, MiddlewareHandler, ValidationTargets } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { ApiError, fieldErrors } from './errors.ts';

type HasUndefined<T> = undefined extends T ? true : false;

/**
 * What the typed `hc` client may send: the schema's *input* (so defaulted fields are optional),
 * with query and param values as the strings they travel as.
 */
type ValidatedInput<Schema extends z.core.$ZodType, Target extends keyof ValidationTargets, In = z.input<Schema>> = {
  in: HasUndefined<In> extends true
    ? {
        [K in Target]?: In extends ValidationTargets[K]
          ? In
          : { [K2 in keyof In]?: ValidationTargets[K][K2 & keyof ValidationTargets[K]] };
      }
    : {
        [K in Target]: In extends ValidationTargets[K]
          ? In
          : { [K2 in keyof In]: ValidationTargets[K][K2 & keyof ValidationTargets[K]] };
      };
  out: { [K in Target]: z.output<Schema> };
};

/**
 * Each validator's target and schema, keyed by its middleware: the build reads them from the
 * app's routes to write the API description (scripts/build/openapi.ts), so it cannot drift.
 */
export const validators = new WeakMap<
  MiddlewareHandler,
  { target: keyof ValidationTargets; schema: z.core.$ZodType }
>();

/**
 * Validates one part of the request with a zod schema; failures become a 400 naming each field.
 * The parsed value is typed for the handler and for the `hc` client.
 * @example app.get('/', validate('query', z.object({ community: slug })), (c) => c.req.valid('query'))
 */
export function validate<
  Target extends keyof ValidationTargets,
  Schema extends z.core.$ZodType,
  E extends Env = Env,
  P extends string = string,
>(target: Target, schema: Schema): MiddlewareHandler<E, P, ValidatedInput<Schema, Target> & Input> {
  const check = validator(target, (value) => {
    const result = z.safeParse(schema, value);
    if (!result.success) {
      throw new ApiError(400, 'invalid_input', `Invalid ${target}.`, fieldErrors(result.error));
    }
    return result.data;
  }) as unknown as MiddlewareHandler;
  // Hono answers a body that is not JSON with a bare 400; like every other 400, it names the field.
  const named: MiddlewareHandler = async (c, next) => {
    try {
      return await check(c, next);
    } catch (err) {
      if (!(err instanceof HTTPException) || err instanceof ApiError || err.status !== 400) throw err;
      throw new ApiError(400, 'bad_request', err.message || 'Malformed request body.', { body: 'Not valid JSON.' });
    }
  };
  const middleware = target === 'json' ? named : check;
  validators.set(middleware, { target, schema });
  return middleware as unknown as MiddlewareHandler<E, P, ValidatedInput<Schema, Target> & Input>;
}
