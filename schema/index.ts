export * from './places.ts';
export * from './staff.ts';
