import { MIN_PASSWORD_LENGTH } from './password.ts';

/**
 * Passwords of 10 or more characters that appear at the top of public breach lists, in China
 * and elsewhere. Shorter ones are refused by length anyway.
 */
const common = new Set([
  '1234567890',
  '12345678910',
  '123456789a',
  'a123456789',
  '0123456789',
  '9876543210',
  '1234567890a',
  '1111111111',
  '0000000000',
  '1234512345',
  '1122334455',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'q1w2e3r4t5',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'asdfghjkl;',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou12',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  'woaini5201314',
  '5201314520',
  '1314520520',
  'aa123456789',
  'abc1234567',
  'abcd123456',
  'abcd1234567',
  'abc123456789',
  'abcdefghij',
  'zhang123456',
  'wang123456',
  'li123456789',
  'admin12345',
  'admin123456',
  'administrator',
  'welcome123',
  'letmein123',
  'football123',
  'baseball123',
  'sunshine123',
  'princess123',
  'dragon1234',
  'monkey1234',
  'superman123',
  'qazwsxedc123',
  'qazwsxedcrfv',
  '147258369a',
  '1472583690',
  '159357159357',
  '123123123123',
  '1231231230',
  '321321321321',
  '5555555555',
  '8888888888',
  '6666666666',
  '7777777777',
  '9999999999',
  '1212121212',
  '1314131413',
  'linli12345',
  'linli123456',
  'erqi123456',
  'zhengzhou123',
  'zhengzhou1234',
]);

/** The app's, the district's and the trade's own words: guessed first, so they count for nothing. */
const giveaways = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'linli',
  'erqi',
  'zhengzhou',
  'henan',
  'admin',
  'staff',
  'qwerty',
  'woaini',
  '邻里',
  '二七',
  '郑州',
  '河南',
  '密码',
];

/** Whether the text is one block said again and again (`1234123412`, `abcabcab`). */
function isRepeat(chars: string[]): boolean {
  for (let period = 1; period <= chars.length / 2; period++) {
    if (chars.every((ch, i) => i < period || ch === chars[i - period])) return true;
  }
  return false;
}

/** Whether each character is the one after (or before) the last: `1234567`, `hgfedcba`. */
function isSequence(chars: string[]): boolean {
  const steps = chars.slice(1).map((ch, i) => ch.codePointAt(0)! - chars[i]!.codePointAt(0)!);
  return steps.length > 0 && (steps.every((d) => d === 1) || steps.every((d) => d === -1));
}

/** The characters left once runs of three or more (`123`, `cba`, `888`) are taken out. */
function withoutRuns(chars: string[]): string[] {
  const kept: string[] = [];
  for (let start = 0; start < chars.length; ) {
    let end = start + 1;
    const step = end < chars.length ? chars[end]!.codePointAt(0)! - chars[start]!.codePointAt(0)! : 2;
    while (
      Math.abs(step) <= 1 &&
      end < chars.length &&
      chars[end]!.codePointAt(0)! - chars[end - 1]!.codePointAt(0)! === step
    )
      end++;
    if (end - start >= 3) start = end;
    else kept.push(chars[start++]!);
  }
  return kept;
}

/** Whether little is left to guess once the giveaway words, runs and repeats are taken out. */
function guessable(password: string): boolean {
  let rest = password.toLowerCase();
  for (const word of giveaways) rest = rest.replaceAll(word, '');
  const chars = [...rest];
  return isRepeat(chars) || isSequence(chars) || withoutRuns(chars).length < 6;
}

/**
 * Why a new password is not acceptable, or null when it is.
 * @example passwordProblem('woaini1314') // → 'This password is too common.'
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (common.has(password.toLowerCase())) return 'This password is too common.';
  if (new Set(password).size < 4) return 'Use more different characters.';
  if (guessable(password)) return "Avoid repeats, sequences, and the app's or the district's name.";
  return null;
}
