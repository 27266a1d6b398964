import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellNote } from './cell-result';
import { hasControlChars } from '../normalise-text';
import { hasFormulaQuote, parseText } from './parse-text';

const OPTS = { maxChars: 50 };

/** What our export does (issue 5): prefix `'` when the first non-whitespace character is a trigger. */
function exportNeutralise(text: string): string {
  const first = text.trimStart()[0];
  return first !== undefined && '=+-@\t\r＝＋－＠'.includes(first) ? `'${text}` : text;
}

describe('parseText', () => {
  it.each<[string, string, readonly CellNote[]]>([
    ['  整改中，预计5月完成  ', '整改中，预计5月完成', []],
    ['\u3000备注\u00A0', '备注', []],
    ['第一行\n第二行', '第一行\n第二行', []],
    ['列\t表', '列\t表', []],
    ['="0012"', '0012', ['excel_text_idiom']],
    ['="a""b"', 'a"b', ['excel_text_idiom']],
    ['\'=HYPERLINK("http://x","点击")', '=HYPERLINK("http://x","点击")', ['formula_quote_stripped']],
    ["'+cmd", '+cmd', ['formula_quote_stripped']],
    ["'-5", '-5', ['formula_quote_stripped']],
    ["'@SUM(1+1)", '@SUM(1+1)', ['formula_quote_stripped']],
    ["' =1+1", ' =1+1', ['formula_quote_stripped']],
    ["'\u3000=1+1", '\u3000=1+1', ['formula_quote_stripped']],
    ["'＝1+1", '＝1+1', ['formula_quote_stripped']],
    ["'\t=1+1", '\t=1+1', ['formula_quote_stripped']],
    ["''=1", "''=1", []],
    ["'abc", "'abc", []],
    ["'", "'", []],
    ['=1+1', '=1+1', []],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>', []],
    ['城关镇', '城关镇', []],
  ])('%j → %j', (raw, value, notes) => {
    expect(parseText(raw, OPTS)).toEqual({ kind: 'value', value, notes });
  });

  it.each(['', '   ', '\u3000', '\n'])('%j → null', (raw) =>
    expect(parseText(raw, OPTS)).toEqual({ kind: 'null' }),
  );

  it('keeps "/" and "无" as text (only blank is null in free text)', () => {
    expect(parseText('/', OPTS)).toMatchObject({ kind: 'value', value: '/' });
    expect(parseText('无', OPTS)).toMatchObject({ kind: 'value', value: '无' });
  });

  it.each<[string, string]>([
    ['城关镇\u202E100', 'cells.control_chars'],
    ['a\u0000b', 'cells.control_chars'],
    ['a\u2066b', 'cells.control_chars'],
    ['x'.repeat(51), 'cells.text.too_long'],
    ['x'.repeat(1_000_000), 'cells.text.too_long'],
  ])('%j → %s', (raw, code) => expect(parseText(raw, OPTS)).toMatchObject({ kind: 'error', code }));

  it('counts code points, so 50 CJK or emoji characters fit in maxChars 50', () => {
    expect(parseText('镇'.repeat(50), OPTS).kind).toBe('value');
    expect(parseText('😀'.repeat(50), OPTS).kind).toBe('value');
    expect(parseText('😀'.repeat(51), OPTS)).toMatchObject({
      code: 'cells.text.too_long',
      params: { length: 51 },
    });
  });

  it('the quoted value in a control-character error shows the character as �, not as a bidi override', () => {
    const r = parseText('城关镇\u202E100', OPTS);
    expect(r.kind === 'error' && r.params.value).toBe('城关镇\uFFFD100');
  });

  it('round-trips export → import for any trimmed text (formula neutralisation)', () => {
    const trigger = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', "'", ' ', '镇', 'a');
    fc.assert(
      fc.property(fc.array(trigger, { maxLength: 3 }), fc.string({ maxLength: 20 }), (head, tail) => {
        const original = (head.join('') + tail).trim();
        const back = parseText(exportNeutralise(original), { maxChars: 100 });
        if (original === '' || hasControlChars(original)) return;
        // Known, documented loss: text that itself starts with ' + trigger loses that quote.
        if (hasFormulaQuote(original)) return;
        expect(back).toMatchObject({ kind: 'value', value: original });
      }),
    );
  });
});
