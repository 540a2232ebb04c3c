import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcome, refusalKey, SUMMARY_LENGTH, summarize } from './outbox-rules.ts';

describe('what an answer to a kept post means', () => {
  it('files on 2xx, gives up on a real refusal, tries again on anything passing', () => {
    expect(outcome(201)).toBe('sent');
    expect(outcome(200)).toBe('sent');
    expect(outcome(422, 'invalid_input')).toBe('refused');
    expect(outcome(409, 'signup_closed')).toBe('refused');
    expect(outcome(404, 'event_not_found')).toBe('refused');
    // The same key still being handled, a timeout, "too many just now", the server down.
    expect(outcome(409, 'request_in_progress')).toBe('retry');
    expect(outcome(408)).toBe('retry');
    expect(outcome(429, 'too_many_writes')).toBe('retry');
    expect(outcome(503)).toBe('retry');
    expect(outcome(500)).toBe('retry');
  });

  it('names why it was refused in the resident’s words: expired photos first', () => {
    expect(refusalKey({ status: 422, code: 'invalid_input', fields: ['photos.1'] })).toBe('outboxWhyPhotos');
    expect(refusalKey({ status: 404, code: 'photo_not_found', fields: [] })).toBe('outboxWhyPhotos');
    expect(refusalKey({ status: 409, code: 'signup_closed', fields: [] })).toBe('outboxWhyClosed');
    expect(refusalKey({ status: 409, code: 'already_signed_up', fields: ['phone'] })).toBe('outboxWhyAlready');
    expect(refusalKey({ status: 422, code: 'invalid_input', fields: ['phone'] })).toBe('outboxWhyFields');
    expect(refusalKey({ status: 404, code: 'event_not_found', fields: [] })).toBe('outboxWhyOther');
  });

  it('shortens a long description for the notes, and keeps a short one', () => {
    expect(summarize('楼道灯坏了')).toBe('楼道灯坏了');
    const long = '灯'.repeat(100);
    expect(summarize(long)).toHaveLength(SUMMARY_LENGTH);
    expect(summarize(long).endsWith('…')).toBe(true);
  });

  it('the service worker, which imports nothing, repeats the same rule on the same store', () => {
    const sw = readFileSync(join(import.meta.dirname, '..', 'sw.ts'), 'utf8');
    const rule = sw.match(/function outboxOutcome[^{]*\{([\s\S]*?)\n\}/)?.[1];
    expect(rule).toBeDefined();
    const swOutcome = new Function('status', 'code', rule!) as typeof outcome;
    const codes = [undefined, 'request_in_progress', 'invalid_input', 'signup_closed'];
    for (let status = 200; status < 600; status++)
      for (const code of codes) expect(swOutcome(status, code), `${status} ${code}`).toBe(outcome(status, code));
    expect(sw).toContain("const OUTBOX = 'linli-outbox'");
    expect(sw).toContain("createObjectStore('posts', { keyPath: 'idempotencyKey' })");
    const page = readFileSync(join(import.meta.dirname, 'outbox.ts'), 'utf8');
    expect(page).toContain("const DB = 'linli-outbox'");
    expect(page).toContain("createObjectStore(STORE, { keyPath: 'idempotencyKey' })");
    expect(page).toContain("const STORE = 'posts'");
  });
});
