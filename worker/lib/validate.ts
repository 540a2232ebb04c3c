import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError, fieldErrors } from './errors.ts';

/**
 * Validates one part of the request with a zod schema; failures become a 400 naming each field.
 * The parsed value is typed for the handler and for the `hc` client.
 * @example app.get('/', validate('query', z.object({ community: slug })), (c) => c.req.valid('query'))
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return validator(target, (value): z.output<Schema> => {
    const result = schema.safeParse(value);
    if (!result.success) {
      throw new ApiError(400, 'invalid_input', `Invalid ${target}.`, fieldErrors(result.error));
    }
    return result.data;
  });
}
