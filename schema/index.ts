export * from './places.ts';
export * from './staff.ts';
export * from './desk.ts';
export * from './public-writes.ts';
export * from './news.ts';
export * from './events.ts';
