/**
 * An RFC 4180 reader written apart from the export writer, so tests read a download as Excel would.
 * @example parseCsv('a,"b,c"\r\n') // [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/** A CSV download read back: the header row and the rows as objects by header, BOM checked and dropped. */
export function csvTable(text: string) {
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM');
  const [head, ...rows] = parseCsv(text.slice(1));
  return { head: head!, rows: rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!]))) };
}
