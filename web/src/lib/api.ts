import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../worker/app.ts';
import { stampKept } from './offline.ts';

/** The typed API client, computed once: pages never write URLs or response types by hand. */
export const api = hc<AppType>('/api');

export type PlaceTree = InferResponseType<typeof api.places.$get, 200>;
export type Subdistrict = PlaceTree['subdistricts'][number];
export type Community = Subdistrict['communities'][number];
export type StaffView = InferResponseType<typeof api.auth.me.$get, 200>['staff'];
/** What the signed-in staff member may do, one flag per policy action, as the server decides. */
export type Abilities = InferResponseType<typeof api.auth.me.$get, 200>['abilities'];

/** An error answer of the API, with its status, code and the fields at fault. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  /** Seconds the server asked to wait (Retry-After), if it said. */
  readonly retryAfter: number | undefined;
  constructor(
    status: number,
    body: { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null,
    retryAfter?: number,
  ) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code ?? 'http_error';
    this.fields = body?.error?.fields ?? {};
    this.retryAfter = retryAfter;
  }
}

/** Hooks run when the API says the staff session is gone (set by the staff area). */
export const sessionListeners = new Set<(code: string) => void>();

/**
 * Reads a JSON answer, or throws an ApiFailure for an error envelope.
 * @example const { subdistricts } = await json(await api.places.$get())
 */
export async function json<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ConstructorParameters<typeof ApiFailure>[1];
    const wait = Number(res.headers.get('retry-after'));
    const failure = new ApiFailure(res.status, body, Number.isFinite(wait) && wait > 0 ? wait : undefined);
    if (res.status === 401) for (const listener of sessionListeners) listener(failure.code);
    throw failure;
  }
  return stampKept(res, await res.json());
}
