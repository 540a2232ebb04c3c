/** A day of the working calendar as the API gives and takes it. */
export type CalendarDay = { day: string; kind: 'holiday' | 'workday'; name: string };
type Day = CalendarDay;

/**
 * One line per day or range, as the State Council's notice reads: `2027-02-05~2027-02-11 休 春节`
 * (rest) or `2027-02-20 班 春节` (a make-up working day). Unreadable lines come back by number.
 */
export function parseDays(text: string): { days: Day[]; bad: number[] } {
  const days: Day[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?\s+(休|班|rest|work)\s+(.+)$/i.exec(line);
    if (!m) {
      bad.push(i + 1);
      return;
    }
    const kind = m[3] === '班' || m[3]!.toLowerCase() === 'work' ? 'workday' : 'holiday';
    const last = Date.parse(`${m[2] ?? m[1]}T00:00:00Z`);
    for (let d = Date.parse(`${m[1]}T00:00:00Z`); d <= last && days.length < 200; d += 86_400_000)
      days.push({ day: new Date(d).toISOString().slice(0, 10), kind, name: m[4]!.trim() });
  });
  return { days, bad };
}

/** A year's days as the editor shows them, ranges folded back. */
export function daysText(days: Day[]): string {
  const lines: string[] = [];
  let start: Day | undefined;
  let prev: Day | undefined;
  const flush = () => {
    if (!start || !prev) return;
    const range = start.day === prev.day ? start.day : `${start.day}~${prev.day}`;
    lines.push(`${range} ${start.kind === 'workday' ? '班' : '休'} ${start.name}`);
  };
  for (const d of days) {
    const next = prev && Date.parse(`${d.day}T00:00:00Z`) - Date.parse(`${prev.day}T00:00:00Z`) === 86_400_000;
    if (!(next && start && d.kind === start.kind && d.name === start.name)) {
      flush();
      start = d;
    }
    prev = d;
  }
  flush();
  return lines.join('\n');
}
