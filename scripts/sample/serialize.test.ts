import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HAZARD_FIELDS, TEMPLATE_FIELDS } from '../../src/domain/fields';
import { resolveSectorToken } from '../../src/domain/sectors';
import { buildSampleDataset, buildSampleFiles } from './files';
import { BOM, csvCell, formatMonthZh, templateHeaders, toCsv } from './serialize';

const root = resolve(import.meta.dirname, '..', '..');
const files = buildSampleFiles();
const ds = buildSampleDataset();
const file = (rel: string): string => files.get(rel) ?? '';
const parseCsv = (text: string): string[][] => {
  expect(text.startsWith(BOM)).toBe(true);
  const r = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
};

describe('csvCell / toCsv', () => {
  it.each([
    [null, ''],
    [0, '0'],
    [1.25, '1.25'],
    ['城关镇', '城关镇'],
    ['a,b', '"a,b"'],
    ['他说"好"', '"他说""好"""'],
    ['（一）甲。\n（二）乙。', '"（一）甲。\n（二）乙。"'],
    [' lead', '" lead"'],
  ] as const)('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a BOM, CRLF line ends and a final line end', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe(`${BOM}a,1\r\nb,\r\n`);
    expect(toCsv([])).toBe(BOM);
  });

  it.each([
    ['2024-03', '2024年3月'],
    ['2023-11', '2023年11月'],
  ])('formatMonthZh(%s) = %s', (p, zh) => expect(formatMonthZh(p)).toBe(zh));
});

describe('sample files', () => {
  it('match the committed files under public/ byte for byte (re-run npm run generate:sample after changes)', () => {
    for (const [rel, text] of files) {
      expect(readFileSync(join(root, 'public', rel), 'utf8'), rel).toBe(text);
    }
  });

  it('are written identically by two runs of the script', () => {
    const a = mkdtempSync(join(tmpdir(), 'sample-a-'));
    const b = mkdtempSync(join(tmpdir(), 'sample-b-'));
    try {
      for (const dir of [a, b]) {
        execFileSync(
          process.execPath,
          ['--import', 'tsx', join(root, 'scripts/generate-sample.ts'), '--out', dir],
          {
            cwd: root,
            stdio: 'pipe',
          },
        );
      }
      for (const rel of files.keys()) {
        const x = readFileSync(join(a, rel));
        expect(x.equals(readFileSync(join(b, rel))), rel).toBe(true);
        expect(x.toString('utf8')).toBe(files.get(rel));
      }
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('township-month.csv has the template headers, one row per record, Chinese months and sectors', () => {
    const rows = parseCsv(file('sample/township-month.csv'));
    expect(rows[0]).toEqual(templateHeaders());
    expect(rows[0]?.length).toBe(TEMPLATE_FIELDS.length);
    expect(rows.length - 1).toBe(ds.townshipMonths.length);
    const col = (name: string) => TEMPLATE_FIELDS.indexOf(name);
    rows.slice(1).forEach((cells, i) => {
      const r = ds.townshipMonths[i];
      expect(cells[col('township')]).toBe(r?.township);
      expect(cells[col('period')]).toBe(formatMonthZh(r?.period ?? ''));
      expect(cells[col('hazards_found')]).toBe(r?.hazards_found === null ? '' : String(r?.hazards_found));
      expect(cells[col('problems_text')]).toBe(r?.problems_text ?? '');
      const sectors = (cells[col('focus_sectors')] ?? '').split('；').map((s) => resolveSectorToken(s));
      expect(sectors).toEqual(r?.focus_sectors);
    });
  });

  it('hazards.csv has the ledger’s Chinese labels and one row per hazard', () => {
    const rows = parseCsv(file('sample/hazards.csv'));
    expect(rows[0]).toEqual(HAZARD_FIELDS.map((f) => f.zh));
    expect(rows.length - 1).toBe(ds.hazards.length);
    const levels = new Set(rows.slice(1).map((r) => r[HAZARD_FIELDS.findIndex((f) => f.name === 'level')]));
    expect([...levels].every((l) => l === '一般' || l === '重大')).toBe(true);
  });

  it('dataset.json is the canonical shape without importer metadata', () => {
    const json = JSON.parse(file('sample/dataset.json')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'schema_version',
      'district',
      'townships',
      'township_month',
      'hazards',
    ]);
    expect(json.schema_version).toBe('1');
    expect(json.district).toBe('云川区');
    const tm = json.township_month as Record<string, unknown>[];
    expect(tm.length).toBe(ds.townshipMonths.length);
    for (const r of tm) {
      expect('approx' in r || 'flags' in r || 'source' in r).toBe(false);
      expect(r.period).toMatch(/^\d{4}-\d{2}$/);
    }
    // null survives serialisation (not reported ≠ 0).
    expect(tm.some((r) => r.leaflets_distributed === null)).toBe(true);
    const townships = json.townships as { name: string; type: string; code: string; aliases: string[] }[];
    expect(townships.map((t) => t.name)).toEqual(ds.townships.map((t) => t.name));
    expect((json.hazards as unknown[]).length).toBe(ds.hazards.length);
  });

  it('manifest.json points at dataset.json and the template has a header and one example row', () => {
    const manifest = JSON.parse(file('sample/manifest.json')) as { files: { path: string; kind: string }[] };
    expect(manifest.files).toEqual([expect.objectContaining({ path: 'dataset.json', kind: 'dataset' })]);
    const tpl = parseCsv(file('templates/township-month-template.csv'));
    expect(tpl.length).toBe(2);
    expect(tpl[0]).toEqual(templateHeaders());
    expect(tpl[1]?.[0]).toBe('小召乡');
  });
});
