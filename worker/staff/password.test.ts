import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from '../lib/crypto.ts';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';

describe('password hashing', () => {
  it('uses exactly 100,000 PBKDF2 iterations — the most Workers allows', async () => {
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    const stored = await hashPassword('a-long-enough-pass', 'pepper');
    expect(stored.split('$').slice(0, 2)).toEqual(['pbkdf2-sha256', '100000']);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('a-long-enough-pass', 'pepper');
    expect(await verifyPassword('a-long-enough-pass', stored, 'pepper')).toBe(true);
    expect(await verifyPassword('a-long-enough-pasS', stored, 'pepper')).toBe(false);
  });

  it('depends on the pepper: a stolen database alone does not verify', async () => {
    const stored = await hashPassword('a-long-enough-pass', 'pepper-one');
    expect(await verifyPassword('a-long-enough-pass', stored, 'pepper-two')).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!', 'p'), hashPassword('same password!', 'p')]);
    expect(a).not.toBe(b);
  });

  it('never matches a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'not-a-hash', 'p')).toBe(false);
    expect(await verifyPassword('x', 'md5$1$abc$def', 'p')).toBe(false);
  });

  it('compares bytes without an early exit', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});

describe('password policy', () => {
  it.each([
    ['short1234', 'Use at least 10 characters.'],
    ['woaini1314', 'This password is too common.'],
    ['1234567890', 'This password is too common.'],
    ['QwertyUiop', 'This password is too common.'],
    ['aaaaaaaaaaaa', 'Use more different characters.'],
  ])('refuses %s', (password, why) => {
    expect(passwordProblem(password)).toBe(why);
  });

  it.each([
    '1234123412',
    'abcdabcdab',
    'password13',
    'zhengzhou12',
    'erqi1234567',
    'Linli-Linli-2',
    '9876543210z',
    '郑州二七区密码123456',
  ])('refuses the repeat, sequence or giveaway %s', (password) => {
    expect(passwordProblem(password)).toBe("Avoid repeats, sequences, and the app's or the district's name.");
  });

  it('accepts a long, uncommon password, Chinese included', () => {
    expect(passwordProblem('小板凳课堂在洁云里开课啦')).toBeNull();
    expect(passwordProblem('stairwell-lights-2026')).toBeNull();
    expect(passwordProblem('erqi-wisteria-tree-86')).toBeNull();
  });
});
