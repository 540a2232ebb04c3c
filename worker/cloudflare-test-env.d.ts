// What the workerd tests import from the runtime; the full runtime types are not needed elsewhere.
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(request: Request): Promise<Response> } };
  export const env: Env;
}
