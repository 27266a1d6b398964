/**
 * The speed work on the table ingest (cell spans, per-column dictionaries of distinct values, no
 * per-cell objects: docs/architecture.md, "Where a rule lives") must change nothing a user sees on
 * township-month files either. A generated district file (sample generator, problem texts with
 * quotes and line breaks) with odd rows planted — a title row, identical and conflicting
 * duplicates, full-width digits, 约/余 approximations, units in cells, Excel idioms, dashes and
 * `/`, a count in words, a decimal count, a future month, a report date outside its month, major
 * hazards above found, casualties without an accident, a blank row, a repeated header, too few and
 * too many cells, a footer note, `__proto__` as a township — and a clean file closed by a 合计 row
 * that disagrees in one column (the totals check reads the data rows back) are ingested, and
 * everything that comes out is compared with a snapshot written by the code before that work. The
 * same text as GB18030 must give the same result.
 */
import { describe, expect, it } from 'vitest';
import { syntheticProfiles } from '../../scripts/sample/district';
import { encodeGb18030 } from '../../scripts/sample/gb18030';
import { generateDataset, NO_SCENARIO } from '../../scripts/sample/generate';
import { toTownshipMonthCsv } from '../../scripts/sample/serialize';
import { ingestAnyBytes } from '../../src/ingest/ingest-any-file';
import type { FileIngestResult } from '../../src/ingest/types';
import { resultLines } from './result-lines';

const TODAY = '2026-11-29';

const view = (r: FileIngestResult) => ({
  ...resultLines(r),
  // Keys in the record's own order: the order is part of what must not change.
  townshipMonths: r.townshipMonths.map((t) => JSON.stringify(t)),
});

/** The sample generator's CSV (CRLF, quoted problem texts) for `townships` townships over 2025. */
function districtLines(townships: number, seed: number): string[] {
  const ds = generateDataset({
    seed,
    district: null,
    profiles: syntheticProfiles(townships),
    from: '2025-01',
    to: '2025-12',
    scenario: NO_SCENARIO,
  });
  return toTownshipMonthCsv(ds.townshipMonths)
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '');
}

/** Splits a generated line into cells (the generator quotes only text cells, never with a comma inside quotes here). */
function cellsOf(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '""';
        i++;
      } else {
        quoted = !quoted;
        cur += c;
      }
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A district file with one odd row planted every few lines (see the header comment). */
function messyCsv(): string {
  const [header = '', ...body] = districtLines(12, 31);
  const width = cellsOf(header).length;
  const lines = [`云川区各乡镇安全生产工作月报汇总表（2025年）${','.repeat(width - 1)}`, header];
  // Column numbers in the generator's template: 0 乡镇, 1 月份, 2 报送日期, 3 检查单位, 4 检查人次,
  // 5 排查隐患, 6 已整改, 7 重大隐患, 8 重大已整改, 9 整改资金, … 18 事故起数, 19 死亡, 20 受伤,
  // 22 重点行业领域, 23 存在问题, 24 下步工作, 25 备注.
  const plants: ((c: string[], line: string) => string | null)[] = [
    (_c, line) => {
      lines.push(line);
      return line; // identical duplicate
    },
    (c) => {
      const d = [...c];
      d[5] = String(Number(d[5] ?? 0) + 7);
      lines.push(c.join(','));
      return d.join(','); // conflicting duplicate
    },
    (c) => ((c[5] = '１２'), c.join(',')),
    (c) => ((c[4] = '约50'), c.join(',')),
    (c) => ((c[3] = '40余'), c.join(',')),
    (c) => ((c[6] = '3处'), c.join(',')),
    (c) => ((c[10] = '="7"'), c.join(',')),
    (c) => ((c[11] = '/'), (c[12] = '—'), c.join(',')),
    (c) => ((c[13] = '若干'), c.join(',')),
    (c) => ((c[14] = '2.5'), c.join(',')),
    (c) => ((c[1] = '2027年3月'), c.join(',')),
    (c) => ((c[2] = '2024-01-02'), c.join(',')),
    (c) => ((c[5] = '1'), (c[6] = '1'), (c[7] = '4'), (c[8] = '0'), c.join(',')),
    (c) => ((c[18] = '0'), (c[19] = '2'), c.join(',')),
    () => ','.repeat(width - 1),
    () => header,
    (c) => c.slice(0, 5).join(','),
    (c) => [...c, '多余'].join(','),
    (c) => ((c[23] = quote('一是"三管三必须"落实不到位，\n二是培训不足')), c.join(',')),
    (c) => ((c[0] = '__proto__'), c.join(',')),
    (c) => ((c[0] = `\u3000${c[0] ?? ''}`), c.join(',')),
    (c) => ((c[9] = '12000元'), c.join(',')),
    (c) => ((c[22] = '消防；养殖业'), c.join(',')),
    (c) => ((c[25] = 'ok\u0007'), c.join(',')),
  ];
  body.forEach((line, i) => {
    if (i % 4 !== 3) {
      lines.push(line);
      return;
    }
    const plant = plants[Math.floor(i / 4) % plants.length];
    const out = plant ? plant(cellsOf(line), line) : line;
    if (out !== null) lines.push(out);
  });
  lines.push(`填表人：李华${','.repeat(width - 1)}`);
  return `${lines.join('\r\n')}\r\n`;
}

/** A clean district file closed by a 合计 row whose 排查隐患 total is off by one. */
function totalsCsv(): string {
  const [header = '', ...body] = districtLines(4, 8);
  const rows = body.map(cellsOf);
  const width = cellsOf(header).length;
  const total = new Array<string>(width).fill('');
  total[0] = '合计';
  for (const j of [3, 4, 5, 6]) {
    const sum = rows.reduce((s, c) => s + Number(c[j] || 0), 0);
    total[j] = String(j === 5 ? sum + 1 : sum);
  }
  return `${[header, ...body, total.join(',')].join('\n')}\n`;
}

const ingest = (bytes: Uint8Array) =>
  ingestAnyBytes(bytes, { fileName: 'district.csv', today: TODAY, knownTownships: [] });

describe('township-month ingest equivalence (generated district files, odd rows planted)', () => {
  const messyText = messyCsv();
  const messy = ingest(new TextEncoder().encode(`\uFEFF${messyText}`));
  const totals = ingest(new TextEncoder().encode(totalsCsv()));

  it('plants what it means to (the snapshot covers each path)', () => {
    const codes = new Set([...messy.issues, ...totals.issues].map((i) => i.code));
    for (const code of [
      'ingest.duplicate_identical',
      'ingest.duplicate_conflict',
      'ingest.approx_values',
      'ingest.repeated_header_note',
      'ingest.row_too_few_fields',
      'ingest.row_too_many_fields',
      'ingest.totals_mismatch',
      'cells.control_chars',
    ])
      expect(codes).toContain(code);
    expect(new Set(messy.ignored.map((i) => i.reason))).toEqual(
      new Set(['title', 'header', 'repeated_header', 'blank', 'footer_note', 'duplicate_identical']),
    );
    expect(totals.ignored.map((i) => i.reason)).toContain('totals');
  });

  it('gives the same records, issues, ignored and rejected rows as before the speed work', async () => {
    const out = { messy: view(messy), totals: view(totals) };
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot(
      './__golden__/township-month-equivalence.golden.json',
    );
  });

  it('reads the same file saved as GB18030 to the same result', () => {
    const gb = ingest(encodeGb18030(messyText));
    expect(gb.encoding).toBe('gb18030');
    expect(view(gb)).toEqual(view(messy));
  });
});
