/** A credit line entry: who, as what, for what. */
export type Credit = { name: string; role: 'reporter' | 'correspondent'; contribution: 'text' | 'photo' | 'both' };

const zhRole = { reporter: '记者', correspondent: '通讯员' } as const;
const zhWork = { text: '文', photo: '图', both: '文/图' } as const;
const enRole = { reporter: 'Reporter', correspondent: 'correspondent' } as const;
const enWork = { text: 'text', photo: 'photos', both: 'text and photos' } as const;

/**
 * The credit line the way the paper prints it: names by role, then what they supplied. When
 * everyone supplied the same, it is said once at the end (文/图), and plain text goes unsaid.
 * @example formatCredits([{ name: '景静', role: 'reporter', contribution: 'both' }, { name: '吴陕南', role: 'correspondent', contribution: 'both' }])
 * // → { zh: '记者 景静 通讯员 吴陕南 文/图', en: 'Reporter 景静, correspondent 吴陕南 (text and photos)' }
 */
export function formatCredits(credits: Credit[]): { zh: string; en: string } {
  if (credits.length === 0) return { zh: '', en: '' };
  const same = credits.every((c) => c.contribution === credits[0]!.contribution);
  const zh: string[] = [];
  let lastRole: Credit['role'] | undefined;
  for (const c of credits) {
    if (c.role !== lastRole) zh.push(zhRole[c.role]);
    lastRole = c.role;
    zh.push(same ? c.name : `${c.name} ${zhWork[c.contribution]}`);
  }
  if (same && credits[0]!.contribution !== 'text') zh.push(zhWork[credits[0]!.contribution]);
  const en = credits.map(
    (c, i) =>
      `${i === 0 ? enRole[c.role].replace(/^./, (l) => l.toUpperCase()) : enRole[c.role]} ${c.name}${same ? '' : ` (${enWork[c.contribution]})`}`,
  );
  return {
    zh: zh.join(' '),
    en: `${en.join(', ')}${same && credits[0]!.contribution !== 'text' ? ` (${enWork[credits[0]!.contribution]})` : ''}`,
  };
}
