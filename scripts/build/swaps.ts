/**
 * Library lines both bundles (the Worker's and the Node entry's) replace outright. Each `find` is
 * checked: a library update that moves it fails the build instead of skipping the swap.
 */
export type Swap = { file: RegExp; find: string; put: string };

/**
 * drizzle's `is(value, Class)` falls back from `instanceof` to walking the value's prototype chain
 * and comparing each class's entity name, for apps that load two copies of drizzle. A bundle holds
 * one copy, where `instanceof` alone gives the same answer, and drizzle asks `is` a few hundred
 * times to build each query: the walk was a tenth of the API server's CPU.
 */
export const drizzleIsByInstanceof: Swap = {
  file: /node_modules\/drizzle-orm\/entity\.js$/,
  find: `function is(value, type) {
  if (!value || typeof value !== "object") {
    return false;
  }
  if (value instanceof type) {
    return true;
  }
  if (!Object.prototype.hasOwnProperty.call(type, entityKind)) {
    throw new Error(
      \`Class "\${type.name ?? "<unknown>"}" doesn't look like a Drizzle entity. If this is incorrect and the class is provided by Drizzle, please report this as a bug.\`
    );
  }
  let cls = Object.getPrototypeOf(value).constructor;
  if (cls) {
    while (cls) {
      if (entityKind in cls && cls[entityKind] === type[entityKind]) {
        return true;
      }
      cls = Object.getPrototypeOf(cls);
    }
  }
  return false;
}`,
  put: `function is(value, type) {
  return !!value && typeof value === "object" && value instanceof type;
}`,
};

/** Replaces each swap's `find` in `code` (the module `id`), failing when one is not there. */
export function applySwaps(swaps: Swap[], code: string, id: string): string {
  for (const swap of swaps.filter((w) => w.file.test(id))) {
    if (!code.includes(swap.find)) throw new Error(`${id}: "${swap.find.slice(0, 40)}…" is not where it was`);
    code = code.replace(swap.find, swap.put);
  }
  return code;
}
