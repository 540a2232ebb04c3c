/**
 * A small XML writer for Open311's answers: elements, text and nothing else (GeoReport v2 uses no
 * attributes), so the Worker needs no XML library. Characters XML 1.0 cannot carry are dropped.
 */

/** A value as Open311 writes it: an element per key, a list as repeated child elements. */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

// Control characters other than tab and newlines, lone surrogates and U+FFFE/U+FFFF are not XML.
const notXml = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text made safe for an element's content.
 * @example escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export const escapeXml = (text: string) => text.replace(notXml, '').replace(/[&<>"']/g, (ch) => entities[ch]!);

/** One element, its children written in key order; `null`/`undefined` give an empty element. */
function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) throw new Error('A list needs the name of its items (see `list`).');
  if (typeof value === 'object') return `<${name}>${children(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function children(object: { [key: string]: XmlValue }): string {
  let out = '';
  for (const [key, value] of Object.entries(object)) {
    out += Array.isArray(value)
      ? `<${key}>${value.map((v) => element(itemName(key), v)).join('')}</${key}>`
      : element(key, value);
  }
  return out;
}

/** Open311's nested lists: `attributes` hold `attribute`s, `values` hold `value`s. */
const itemName = (list: string) => (list.endsWith('s') ? list.slice(0, -1) : `${list}_item`);

/**
 * A whole document: the XML declaration and a root holding one `item` element per entry, or,
 * without `item`, the root holding one object's fields (a service definition).
 * @example xmlDocument('services', [{ service_code: 'repairs' }], 'service')
 */
export function xmlDocument(
  root: string,
  content: { [key: string]: XmlValue }[] | { [key: string]: XmlValue },
  item?: string,
): string {
  const body = Array.isArray(content)
    ? content.map((i) => element(item ?? itemName(root), i)).join('')
    : children(content);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>${body}</${root}>`;
}
