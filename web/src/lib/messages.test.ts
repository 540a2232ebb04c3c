import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh } from './messages.ts';
import { en } from './messages-en.ts';
import { zhStaff } from './messages-staff.ts';
import { enStaff } from './messages-staff-en.ts';
import { loadStaffWords, messageKey, prefs, t } from './prefs.ts';

const src = join(dirname(new URL(import.meta.url).pathname), '..');
const staffKeys = Object.keys(zhStaff);

/** The app's source files (not tests, not the catalogues), relative to web/src. */
const sources = (readdirSync(src, { recursive: true }) as string[]).filter(
  (f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f) && !/^lib\/messages/.test(f),
);

/**
 * What a file names as catalogue keys: every string literal (also inside template literals),
 * and as prefixes, a template's `word${` and tKey's first argument. Comments are left out,
 * so an apostrophe in one cannot hide a literal.
 */
function namedKeys(text: string): { exact: Set<string>; prefixes: Set<string> } {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  const scan = (part: string) => {
    for (const m of part.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const literal = (m[1] ?? m[2] ?? m[3])!;
      exact.add(literal);
      if (m[3] === undefined) continue;
      for (const head of literal.matchAll(/(?:^|\})([A-Za-z]\w*)\$\{/g)) prefixes.add(head[1]!);
      scan(literal);
    }
  };
  scan(code);
  for (const m of code.matchAll(/tKey\(\s*'(\w+)'/g)) prefixes.add(`${m[1]}_`);
  return { exact, prefixes };
}

describe('the two halves of the catalogue', () => {
  it('have the same keys in Chinese and English, and no key in both halves', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(enStaff).sort()).toEqual(staffKeys.sort());
    expect(staffKeys.filter((k) => k in zh)).toEqual([]);
  });

  it('keep every word a page outside pages/staff/ names in the residents’ half', () => {
    expect(sources.length).toBeGreaterThan(50);
    const misplaced: string[] = [];
    for (const file of sources.filter((f) => !f.startsWith('pages/staff/'))) {
      const { exact, prefixes } = namedKeys(readFileSync(join(src, file), 'utf8'));
      for (const key of staffKeys) {
        if (exact.has(key) || [...prefixes].some((p) => key.startsWith(p))) misplaced.push(`${file}: ${key}`);
      }
    }
    // A key listed here ships only with the staff area: move it to messages.ts (and -en).
    expect(misplaced).toEqual([]);
  });

  it('the check sees a staff word named in a literal, a built key and a tKey prefix', () => {
    const { exact, prefixes } = namedKeys(
      `// it's a comment\nt('staffQueue'); tKey('partAct', v); \`volunteerErr_\${name}\`; x(\`\${t('renoPublicMark')}\`)`,
    );
    expect([...exact]).toEqual(expect.arrayContaining(['staffQueue', 'renoPublicMark']));
    expect([...prefixes]).toEqual(expect.arrayContaining(['partAct_', 'volunteerErr_']));
    for (const key of ['staffQueue', 'partAct_accept', 'volunteerErr_name', 'renoPublicMark']) {
      expect(staffKeys, key).toContain(key);
    }
  });

  it('load with every staff page: the route table opens none without its words', () => {
    const routes = readFileSync(join(src, 'routes.ts'), 'utf8');
    expect(routes).toMatch(/staffPage\(\(\) => import\('\.\/pages\/staff\/layout\.tsx'\)\)/);
    expect(routes).not.toMatch(/lazy\(\(\) => import\('\.\/pages\/staff\//);
    // Nothing outside the staff area imports a staff page (which would render it without its words).
    const outside = sources.filter((f) => !f.startsWith('pages/staff/') && f !== 'routes.ts');
    const importers = outside.filter((f) => /from '[./]*(?:pages\/)?staff\//.test(readFileSync(join(src, f), 'utf8')));
    expect(importers).toEqual([]);
  });
});

describe('t() with the staff words', () => {
  it('never shows a key: blank before they load, then Chinese, then English when chosen', async () => {
    expect(t('staffQueue')).toBe('');
    expect(messageKey('partAct_accept')).toBeUndefined();
    await loadStaffWords();
    expect(t('staffQueue')).toBe(zhStaff.staffQueue);
    expect(messageKey('partAct_accept')).toBe('partAct_accept');
    await prefs.setLocale('en');
    expect(t('staffQueue')).toBe(enStaff.staffQueue);
    expect(t('appName')).toBe(en.appName);
    await prefs.setLocale('zh-CN');
    expect(t('staffQueue')).toBe(zhStaff.staffQueue);
  });
});
