import { MIN_PASSWORD_LENGTH } from './password.ts';

/**
 * Passwords of 10 or more characters that appear at the top of public breach lists, in China
 * and elsewhere. Shorter ones are refused by length anyway.
 */
const common = new Set([
  '1234567890', '12345678910', '123456789a', 'a123456789', '0123456789', '9876543210', '1234567890a',
  '1111111111', '0000000000', '1234512345', '1122334455', '1qaz2wsx3edc', '1q2w3e4r5t', 'q1w2e3r4t5',
  'qwertyuiop', 'qwerty1234', 'qwerty12345', 'asdfghjkl;', 'asdfghjkl1', 'zxcvbnm123', 'password12',
  'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'iloveyou12', 'iloveyou123',
  'woaini1314', 'woaini520', 'woaini5201314', '5201314520', '1314520520', 'aa123456789', 'abc1234567',
  'abcd123456', 'abcd1234567', 'abc123456789', 'abcdefghij', 'zhang123456', 'wang123456', 'li123456789',
  'admin12345', 'admin123456', 'administrator', 'welcome123', 'letmein123', 'football123', 'baseball123',
  'sunshine123', 'princess123', 'dragon1234', 'monkey1234', 'superman123', 'qazwsxedc123', 'qazwsxedcrfv',
  '147258369a', '1472583690', '159357159357', '123123123123', '1231231230', '321321321321', '5555555555',
  '8888888888', '6666666666', '7777777777', '9999999999', '1212121212', '1314131413', 'linli12345',
  'linli123456', 'erqi123456', 'zhengzhou123', 'zhengzhou1234',
]);

/**
 * Why a new password is not acceptable, or null when it is.
 * @example passwordProblem('woaini1314') // → 'This password is too common.'
 */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (common.has(password.toLowerCase())) return 'This password is too common.';
  if (new Set(password).size < 4) return 'Use more different characters.';
  return null;
}
