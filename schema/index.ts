export * from './desk.ts';
export * from './events.ts';
export * from './home-visits.ts';
export * from './news.ts';
export * from './places.ts';
export * from './public-writes.ts';
export * from './renovation.ts';
export * from './staff.ts';
