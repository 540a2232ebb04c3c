import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlDocument } from './xml.ts';

const parse = (xml: string) => new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml);

describe('the Open311 XML writer', () => {
  it('escapes markup and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(`a < b & "c" > 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;');
    expect(escapeXml('bell\u0007 nul\u0000 tab\t ok\uFFFE \uD800lone')).toBe('bell nul tab\t ok lone');
    expect(escapeXml('楼道灯 😀')).toBe('楼道灯 😀');
  });

  it('writes text a real parser reads back exactly, however hostile', () => {
    const hostile = `</description><script>alert(1)</script>&amp;]]><!-- <?xml?>`;
    const xml = xmlDocument('service_requests', [{ description: hostile, empty: null, n: 3, ok: true }], 'request');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).service_requests.request).toEqual({ description: hostile, empty: '', n: '3', ok: 'true' });
  });

  it('writes lists as repeated items and a single object under its root', () => {
    const xml = xmlDocument('service_definition', {
      service_code: 'repairs',
      attributes: [
        {
          code: 'compound',
          values: [
            { key: 'a', name: 'A' },
            { key: 'b', name: 'B' },
          ],
        },
      ],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_definition><service_code>repairs</service_code>' +
        '<attributes><attribute><code>compound</code><values><value><key>a</key><name>A</name></value>' +
        '<value><key>b</key><name>B</name></value></values></attribute></attributes></service_definition>',
    );
    expect(xmlDocument('errors', [], 'error')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<errors></errors>');
  });
});
