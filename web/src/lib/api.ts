import { hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../worker/app.ts';

/** The typed API client, computed once: pages never write URLs or response types by hand. */
export const api = hc<AppType>('/api');

export type PlaceTree = InferResponseType<typeof api.places.$get, 200>;
export type Subdistrict = PlaceTree['subdistricts'][number];
export type Community = Subdistrict['communities'][number];

/** Reads a JSON answer, turning an error envelope into a thrown Error with its message. */
export async function json<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  return res.json();
}
