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

/**
 * A CSV download read back from its bytes: the UTF-8 BOM checked and dropped, the header row, and
 * the rows as objects by header. (`Response.text()` would drop the BOM silently.)
 * @example const { head, rows } = csvTable(new Uint8Array(await res.arrayBuffer()))
 */
export function csvTable(bytes: Uint8Array) {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('no UTF-8 BOM');
  const [head, ...rows] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3)));
  return { head: head!, rows: rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!]))) };
}
