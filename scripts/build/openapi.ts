/**
 * The API description (OpenAPI 3.1), written at build time from the app's own routes and the
 * schemas their validators check, so it cannot drift from the code and costs the Worker nothing
 * but a WeakMap (worker/lib/validate.ts). Served as /api/openapi.json by both entries.
 */
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { validators } from '../../worker/lib/validate.ts';
import { requireStaff } from '../../worker/staff/middleware.ts';
import { components } from './openapi-components.ts';

/** The paths that make up the public and staff API; pages and feeds live outside them. */
export const apiPrefixes = ['/api/', '/open311/'];

type Route = { method: string; path: string; handler: unknown };
type Json = Record<string, unknown>;
/** One documented operation: its method, Hono path and every handler the request passes. */
export type Operation = { method: string; path: string; handlers: unknown[]; staff: boolean };

// A sub-app with its own error handler is mounted wrapped; Hono keeps the original on a symbol.
const unwrap = (handler: unknown): unknown => {
  const key = Object.getOwnPropertySymbols(handler).find((s) => s.description === 'composedHandler');
  return key ? unwrap((handler as Record<symbol, unknown>)[key]) : handler;
};

const covers = (pattern: string, path: string) =>
  pattern.endsWith('/*') ? path === pattern.slice(0, -2) || path.startsWith(pattern.slice(0, -1)) : pattern === path;

/**
 * The app's routes grouped per method and path, without middleware-only entries (`ALL`) and
 * without what lies outside the API. Staff routes are those behind `requireStaff`.
 * @example const ops = apiOperations(createApp(platform).routes)
 */
export function apiOperations(routes: Route[]): Operation[] {
  const middleware = routes.filter((r) => r.method === 'ALL');
  const operations = new Map<string, Operation>();
  for (const r of routes) {
    if (r.method === 'ALL' || !apiPrefixes.some((p) => r.path.startsWith(p))) continue;
    const key = `${r.method} ${r.path}`;
    const op = operations.get(key) ?? { method: r.method, path: r.path, handlers: [], staff: false };
    op.handlers.push(unwrap(r.handler));
    operations.set(key, op);
  }
  for (const op of operations.values()) {
    const around = middleware.filter((m) => covers(m.path, op.path)).map((m) => unwrap(m.handler));
    op.staff = [...around, ...op.handlers].includes(requireStaff);
  }
  return [...operations.values()];
}

/** `/tickets/:number/photos/:position{[0-9]+}` → `/tickets/{number}/photos/{position}` and its parameters. */
export function openApiPath(path: string): { path: string; params: { name: string; pattern?: string }[] } {
  const params: { name: string; pattern?: string }[] = [];
  const converted = path.replace(/:(\w+)(?:\{((?:[^{}]|\{[^{}]*\})+)\})?\??/g, (_, name: string, pattern?: string) => {
    params.push(pattern ? { name, pattern: `^(?:${pattern})$` } : { name });
    return `{${name}}`;
  });
  return { path: converted, params };
}

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 takes): what a client sends, so defaults are optional. */
function jsonSchema(schema: z.core.$ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  if (rest.$defs) throw new Error('openapi: a validator schema is recursive; give it a component of its own');
  return rest;
}

/** The properties of an object schema (or of each branch of a union of them, none then required). */
function objectProperties(schema: Json): { properties: Record<string, Json>; required: string[] } {
  if (schema.type === 'object') {
    return {
      properties: (schema.properties ?? {}) as Record<string, Json>,
      required: (schema.required ?? []) as string[],
    };
  }
  const branches = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Json[] | undefined;
  if (!branches) throw new Error(`openapi: cannot list the fields of ${JSON.stringify(schema).slice(0, 80)}`);
  const parts = branches.map(objectProperties);
  const properties = Object.assign({}, ...parts.map((p) => p.properties));
  const required = schema.allOf ? parts.flatMap((p) => p.required) : [];
  return { properties, required };
}

// Answers that are not JSON, known by the path's end.
const byExtension: Record<string, string> = { csv: 'text/csv', ics: 'text/calendar', xml: 'application/xml' };
const mediaType = (op: Operation) =>
  byExtension[/\.(\w+)$/.exec(op.path)?.[1] ?? ''] ?? (/\/photos\/:/.test(op.path) ? 'image/*' : 'application/json');

// Linli's envelope under /api; other APIs served here (Open311) answer errors in their own standard's format.
const errorResponse = (op: Operation) =>
  op.path.startsWith('/api/')
    ? { $ref: '#/components/responses/Error' }
    : { description: 'An error, in that API’s own format.' };

/** One operation object: its parameters, body, security and responses. */
function operation(op: Operation): Json {
  const { path, params } = openApiPath(op.path);
  const checks = op.handlers.map((h) => validators.get(h as MiddlewareHandler)).filter((v) => v !== undefined);
  const parameters: Json[] = [];
  const validated = checks.find((v) => v.target === 'param');
  const pathFields = validated ? objectProperties(jsonSchema(validated.schema)).properties : {};
  for (const p of params) {
    const schema = pathFields[p.name] ?? { type: 'string', ...(p.pattern ? { pattern: p.pattern } : {}) };
    parameters.push({ name: p.name, in: 'path', required: true, schema });
  }
  let requestBody: Json | undefined;
  for (const v of checks) {
    if (v.target === 'json' || v.target === 'form') {
      const types =
        v.target === 'json' ? ['application/json'] : ['application/x-www-form-urlencoded', 'multipart/form-data'];
      const schema = jsonSchema(v.schema);
      requestBody = { required: true, content: Object.fromEntries(types.map((type) => [type, { schema }])) };
    }
    if (v.target !== 'query' && v.target !== 'header' && v.target !== 'cookie') continue;
    const fields = objectProperties(jsonSchema(v.schema));
    for (const [name, schema] of Object.entries(fields.properties)) {
      parameters.push({ name, in: v.target, required: fields.required.includes(name), schema });
    }
  }
  // The handler's own code says whether it creates (201); the answers' bodies are left generic.
  const created = op.handlers.some((h) => typeof h === 'function' && /,\s*201\s*[,)]/.test(String(h)));
  const responses: Json = {
    [created ? '201' : '200']: { description: created ? 'Created.' : 'OK.', content: { [mediaType(op)]: {} } },
    ...(checks.length ? { 400: errorResponse(op) } : {}),
    ...(op.staff ? { 401: errorResponse(op) } : {}),
    default: errorResponse(op),
  };
  const tag = path.split('/')[op.path.startsWith('/api/') ? 2 : 1]!;
  return {
    operationId: `${op.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch?: string) => (ch ?? '').toUpperCase())}`,
    tags: [tag],
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    ...(op.staff ? { security: [{ sessionCookie: [] }, { bearer: [] }] } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of an app's routes.
 * @example const doc = openApiDocument(createApp(platform).routes, { version: '0.1.0' })
 */
export function openApiDocument(routes: Route[], info: { version: string }) {
  const paths: Record<string, Record<string, Json>> = {};
  const tags = new Set<string>();
  for (const op of apiOperations(routes)) {
    let body: Json;
    try {
      body = operation(op);
    } catch (err) {
      throw new Error(`${op.method} ${op.path}: ${(err as Error).message}`);
    }
    const path = openApiPath(op.path).path;
    paths[path] = { ...paths[path], [op.method.toLowerCase()]: body };
    for (const t of body.tags as string[]) tags.add(t);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli API',
      version: info.version,
      description: 'Residents’ and staff endpoints of Linli. Every error is `{ error: { code, message, fields? } }`.',
    },
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components,
  };
}
