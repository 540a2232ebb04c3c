import type { Context, Env, Input, MiddlewareHandler, ValidationTargets } from 'hono';
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

/** The parts of a request Linli validates. */
type Target = 'json' | 'query' | 'param';

const jsonType = /^application\/([\w.-]+\+)?json$/i;

/**
 * A part of the request as the schema sees it, read as Hono's own validator reads it: a body
 * that is not declared JSON is `{}` (so its fields are named as missing), a query value given
 * twice is an array. (Ours rather than Hono's, which reads forms, headers and cookies too.)
 */
async function read(c: Context, target: Target): Promise<unknown> {
  if (target === 'param') return c.req.param();
  if (target === 'query')
    return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  if (!jsonType.test((c.req.header('Content-Type') ?? '').split(';')[0]!.trim())) return {};
  try {
    return await c.req.json();
  } catch {
    // Like every other 400, a body that is not JSON names the field at fault.
    throw new ApiError(400, 'bad_request', 'Malformed JSON in request body', { body: 'Not valid JSON.' });
  }
}

/**
 * Validates one part of the request with a zod schema; failures become a 400 naming each field.
 * The parsed value is typed for the handler and for the `hc` client.
 * @example app.get('/', validate('query', z.object({ community: slug })), (c) => c.req.valid('query'))
 */
export function validate<
  T extends Target,
  Schema extends z.core.$ZodType,
  E extends Env = Env,
  P extends string = string,
>(target: T, schema: Schema): MiddlewareHandler<E, P, ValidatedInput<Schema, T> & Input> {
  const middleware: MiddlewareHandler = async (c, next) => {
    const result = z.safeParse(schema, await read(c, target));
    if (!result.success) throw new ApiError(400, 'invalid_input', `Invalid ${target}.`, fieldErrors(result.error));
    c.req.addValidatedData(target, result.data as object);
    await next();
  };
  validators.set(middleware, { target, schema });
  return middleware as unknown as MiddlewareHandler<E, P, ValidatedInput<Schema, T> & Input>;
}
