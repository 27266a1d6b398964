import { describe, expect, it } from 'vitest';
import { decodeEntities, scanXml, unescapeXlsxText } from './xlsx-xml';

describe('scanXml', () => {
  it('reports tags without namespace prefixes, attributes decoded, text and CDATA', () => {
    const events: string[] = [];
    scanXml(
      '<?xml version="1.0"?><x:c r="A1" f="a&gt;b" t=\'s\'><!-- n --><x:v>1 &amp; 2</x:v><t><![CDATA[<b>]]></t><e/></x:c>',
      {
        open: (n, a, self) =>
          events.push(`<${n} ${[...a].map(([k, v]) => `${k}=${v}`).join(' ')}${self ? '/' : ''}>`),
        close: (n) => events.push(`</${n}>`),
        text: (t) => events.push(t),
      },
    );
    expect(events).toEqual([
      '<c r=A1 f=a>b t=s>',
      '<v >',
      '1 & 2',
      '</v>',
      '<t >',
      '<b>',
      '</t>',
      '<e />',
      '</e>',
      '</c>',
    ]);
  });

  it('refuses a DOCTYPE (no entity expansion)', () => {
    expect(() => scanXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', {})).toThrow(/DOCTYPE/);
  });

  it('keeps a > inside a quoted attribute value', () => {
    const names: string[] = [];
    scanXml('<numFmt formatCode="[>=100]0" numFmtId="164"/>', {
      open: (_n, a) => names.push(a.get('numFmtId') ?? ''),
    });
    expect(names).toEqual(['164']);
  });
});

describe('text escapes', () => {
  it('decodes entities and Excel _xHHHH_ escapes', () => {
    expect(decodeEntities('&lt;&#20065;&#x9547;&unknown;')).toBe('<乡镇&unknown;');
    expect(unescapeXlsxText('一是_x000D_二是')).toBe('一是\r二是');
  });
});
