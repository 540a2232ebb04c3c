import * as z from 'zod/mini';

/**
 * The box a ticket's map position must fall in: Erqi District, Zhengzhou (about 34.56–34.77 N,
 * 113.50–113.69 E, from the south of Houzhai to the railway station), with a few kilometres of
 * margin so a resident standing on the boundary road is not turned away. WGS-84 degrees, what a
 * phone's geolocation gives.
 */
export const DISTRICT_BOUNDS = { south: 34.5, north: 34.82, west: 113.44, east: 113.76 } as const;

const outside = 'Outside the district: give a position in Erqi District (WGS-84 degrees).';

/** A latitude or longitude within the district's bounds. */
const degrees = (min: number, max: number) =>
  z.number().check(z.refine((n) => Number.isFinite(n) && n >= min && n <= max, outside));

/** The optional position fields of a ticket, both or neither (see `bothOrNeither`). */
export const positionFields = {
  lat: z.optional(degrees(DISTRICT_BOUNDS.south, DISTRICT_BOUNDS.north)),
  long: z.optional(degrees(DISTRICT_BOUNDS.west, DISTRICT_BOUNDS.east)),
};

/**
 * The problem with a position that is half given (a latitude without its longitude or the
 * reverse), as the field missing and why, or null when it is whole or absent.
 * @example const missing = halfPosition({ lat: 34.7 }) // { field: 'long', message: '…' }
 */
export function halfPosition(v: { lat?: number; long?: number }): { field: 'lat' | 'long'; message: string } | null {
  if ((v.lat === undefined) === (v.long === undefined)) return null;
  return { field: v.lat === undefined ? 'lat' : 'long', message: 'Give both lat and long, or neither.' };
}
