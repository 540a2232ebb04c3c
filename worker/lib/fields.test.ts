import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { hashToken, randomToken, tokenMatches } from './crypto.ts';
import { dueDate, numericId, phone, privateToken, slug, slugWith, ticketNumber, version } from './fields.ts';
import { endOfShanghaiDay, zhengzhouDay } from './time.ts';

/** The value a rule gives, or the first message it fails with. */
function parse(schema: z.ZodMiniType, value: unknown): { ok: unknown } | { error: string } {
  const result = z.safeParse(schema, value);
  return result.success ? { ok: result.data } : { error: result.error.issues[0]!.message };
}

describe('slug', () => {
  it.each(['renhelu', 'jieyun-lu', 'a', '2-street', 'a'.repeat(64)])('takes the code %s', (value) => {
    expect(parse(slug, value)).toEqual({ ok: value });
  });
  it('drops surrounding blanks', () => {
    expect(parse(slug, ' renhelu ')).toEqual({ ok: 'renhelu' });
  });
  it.each(['', 'Renhelu', 'ren_he', 'ren he', 'a'.repeat(65), '仁和路', 'a/b', '../x'])('refuses %j', (value) => {
    expect(parse(slug, value)).toEqual({ error: 'Not a valid code.' });
  });
  it('says what the caller asks it to say', () => {
    expect(parse(slugWith('Use lower-case letters, digits and dashes.'), 'A')).toEqual({
      error: 'Use lower-case letters, digits and dashes.',
    });
  });
});

describe('ticketNumber', () => {
  it.each(['RH-20261126-0001', 'JYL-20261126-0042', 'ABCD-20261126-12345'])('takes %s', (value) => {
    expect(parse(ticketNumber, value)).toEqual({ ok: value });
  });
  it.each([
    'rh-20261126-0001',
    'R-20261126-0001',
    'ABCDE-20261126-0001',
    'RH-2026112-0001',
    'RH-20261126-001',
    'RH-20261126-0001 ',
    'RH20261126-0001',
  ])('refuses %s', (value) => {
    expect(parse(ticketNumber, value)).toEqual({ error: 'Not a ticket number.' });
  });
});

describe('privateToken', () => {
  const token = privateToken('Not a tracking token.');
  it('takes what randomToken makes', () => {
    for (let i = 0; i < 20; i++) {
      const value = randomToken();
      expect(parse(token, value)).toEqual({ ok: value });
    }
  });
  it.each(['a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}+`, ''])('refuses %j', (value) => {
    expect(parse(token, value)).toEqual({ error: 'Not a tracking token.' });
  });
});

describe('phone', () => {
  it.each([
    ['13800000001', '13800000001'],
    ['138 0000 0001', '13800000001'],
    ['138-0000-0001', '13800000001'],
    ['+8613800000001', '13800000001'],
    ['+86 138 0000 0001', '13800000001'],
    ['8613800000001', '13800000001'],
    ['0371-66668888', '037166668888'],
    ['(0371) 6666 8888', '037166668888'],
  ])('takes %j as %s', (value, stored) => {
    expect(parse(phone, value)).toEqual({ ok: stored });
  });
  it.each([
    '12800000001',
    '1380000000',
    '138000000012',
    '6666888',
    '+86037166668888',
    '+8612800000001',
    'call me',
    '',
    `${' '.repeat(41)}13800000001`,
  ])('refuses %j', (value) => {
    expect('error' in parse(phone, value)).toBe(true);
  });
  it('tells residents what a phone number looks like', () => {
    expect(parse(phone, '12345')).toEqual({ error: 'Give a mobile number (11 digits) or a landline with area code.' });
  });
});

describe('numericId', () => {
  const id = numericId('Not an event id.');
  it.each([
    ['1', 1],
    ['42', 42],
    [String(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
  ])('takes %s', (value, parsed) => {
    expect(parse(id, value)).toEqual({ ok: parsed });
  });
  it.each([
    '0',
    '-1',
    '01',
    '0x1',
    ' 1',
    '1 ',
    '1e0',
    '1.0',
    '1.5',
    '+1',
    'NaN',
    'Infinity',
    '',
    '9007199254740992',
    '9'.repeat(30),
  ])('refuses %j', (value) => {
    expect(parse(id, value)).toEqual({ error: 'Not an event id.' });
  });
});

describe('version', () => {
  it('takes a whole number from 1', () => {
    expect(parse(version, 1)).toEqual({ ok: 1 });
    expect(parse(version, 17)).toEqual({ ok: 17 });
  });
  it.each([0, -1, 1.5, '1', null])('refuses %j', (value) => {
    expect('error' in parse(version, value)).toBe(true);
  });
});

describe('dueDate', () => {
  it.each(['2026-12-01', '2028-02-29', '2026-12-31'])('takes %s', (value) => {
    expect(parse(dueDate, value)).toEqual({ ok: value });
  });
  it('refuses a day the calendar does not have', () => {
    expect(parse(dueDate, '2026-02-30')).toEqual({ error: 'No such day in the calendar.' });
    expect(parse(dueDate, '2027-02-29')).toEqual({ error: 'No such day in the calendar.' });
    expect(parse(dueDate, '2026-13-01')).toEqual({ error: 'No such day in the calendar.' });
  });
  it.each(['2026-12-1', '01.12.2026', '2026-12-01T00:00', ''])('refuses the shape %j', (value) => {
    expect(parse(dueDate, value)).toEqual({ error: 'Use a date like 2026-12-01.' });
  });
});

describe('time in Zhengzhou', () => {
  it('turns the calendar day at 16:00 UTC', () => {
    expect(zhengzhouDay(Date.UTC(2026, 10, 26, 15, 59, 59))).toBe('2026-11-26');
    expect(zhengzhouDay(Date.UTC(2026, 10, 26, 16))).toBe('2026-11-27');
  });
  it('ends a due day at 23:59:59 there, 15:59:59 UTC', () => {
    expect(endOfShanghaiDay('2026-12-01')).toBe(Date.UTC(2026, 11, 1, 15, 59, 59));
  });
});

describe('tokenMatches', () => {
  it('matches a token against its stored hash only', async () => {
    const token = randomToken();
    const stored = await hashToken(token);
    expect(await tokenMatches(token, stored)).toBe(true);
    expect(await tokenMatches(randomToken(), stored)).toBe(false);
    expect(await tokenMatches(token, stored.toUpperCase())).toBe(false);
  });
  it('never matches without a stored hash, not even the decoy it compares with', async () => {
    expect(await tokenMatches(randomToken(), undefined)).toBe(false);
  });
});
