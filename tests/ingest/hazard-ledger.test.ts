/**
 * A hazard ledger (隐患台账) as townships keep it in Excel: title row, 序号, a 是否整改 yes/no column,
 * 整改日期, and the sector words clerks write (旅游, 文旅, 自建房 …).
 * Rules: docs/decisions/0005-ledger-and-report-totals.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSectorToken } from '../../src/domain/sectors';
import { ingestBytes } from '../../src/ingest/ingest-file';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const FILE = 'hazard-ledger-2024-03.csv';
const TODAY = '2024-04-15';
const ledger = ingestBytes(new Uint8Array(readFileSync(join(DIR, FILE))), {
  fileName: FILE,
  knownTownships: [],
  today: TODAY,
});
const csv = (text: string, name = 'ledger.csv') =>
  ingestBytes(new TextEncoder().encode(text), { fileName: name, knownTownships: [], today: TODAY });

describe('hazard ledger with 是否整改 (integration)', () => {
  it('reads every item: title row ignored, one-row header with 序号, nothing rejected', () => {
    expect([ledger.status, ledger.recordKind, ledger.headerLine]).toEqual(['ok', 'hazard', 2]);
    expect(ledger.counts).toEqual({ total: 29, accepted: 26, rejected: 0, ignored: 3 });
    // The title above the header is not glued onto the column names.
    expect(ledger.columns.find((c) => c.field === 'status')?.header).toBe('是否整改');
    expect(ledger.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('takes the status from 是否整改 and, when it is blank, from the rectified date', () => {
    const byLine = new Map(ledger.hazards.map((h) => [h.source.line, h]));
    // line 3, 4: 是; 5, 20: blank + 整改日期 → rectified; 6: 整改中; 8: 已整改; 10: 已销号; 17: 否.
    expect(
      [3, 4, 5, 6, 8, 10, 17, 20].map((l) => [l, byLine.get(l)?.status, byLine.get(l)?.rectified_date]),
    ).toEqual([
      [3, 'rectified', '2024-03-06'],
      [4, 'rectified', '2024-03-12'],
      [5, 'rectified', '2024-03-25'],
      [6, 'in_progress', null],
      [8, 'rectified', '2024-03-08'],
      [10, 'closed', '2024-03-20'],
      [17, 'in_progress', null],
      [20, 'rectified', '2024-03-29'],
    ]);
    const chengguan = ledger.hazards.filter((h) => h.township === '城关镇');
    expect(chengguan.length).toBe(19);
    expect(chengguan.filter((h) => h.status === 'rectified' || h.status === 'closed').length).toBe(15);
  });

  it('maps the sector words users write through the sector registry', () => {
    const sectorOf = (unit: string) => ledger.hazards.find((h) => h.unit_name === unit)?.sector;
    expect(sectorOf('凤凰山景区')).toBe('culture_sports_tourism'); // 旅游
    expect(sectorOf('星光KTV')).toBe('culture_sports_tourism'); // 文旅
    expect(sectorOf('东街加油站')).toBe('hazchem'); // 危化
    expect(sectorOf('南关村自建房（出租）')).toBe('housing'); // 自建房
    expect(sectorOf('云川大酒店')).toBe('gas'); // 燃气
    expect(['旅游', '文旅', '景区', '燃气', '消防', '交通'].map(resolveSectorToken)).toEqual([
      'culture_sports_tourism',
      'culture_sports_tourism',
      'culture_sports_tourism',
      'gas',
      'fire',
      'road_traffic',
    ]);
  });

  it('accepts a 整改期限 after today (a deadline is a plan)', () => {
    const h = ledger.hazards.find((x) => x.unit_name === '南关村自建房（出租）');
    expect(h?.deadline).toBe('2024-04-30');
  });
});

describe('hazard ledger edge rows', () => {
  const header = '序号,乡镇,单位名称,隐患描述,行业领域,隐患等级,发现日期,整改期限,整改状态,整改日期';

  it('keeps an unknown sector as 其他 with a warning naming line, column and value', () => {
    const r = csv(
      `${header}\n1,城关镇,河滨路,河道护栏缺失,河道管理,一般,2024-03-12,2024-03-30,已整改,2024-03-28\n`,
    );
    expect(r.counts).toEqual({ total: 2, accepted: 1, rejected: 0, ignored: 1 });
    expect(r.hazards.map((h) => [h.sector, h.status])).toEqual([['other', 'rectified']]);
    expect(r.issues.map((i) => [i.severity, i.code, i.line, i.column, i.value])).toEqual([
      ['warning', 'ingest.sector_unknown_as_other', 2, '行业领域', '河道管理'],
    ]);
  });

  it('keeps 未整改 with a rectified date as in progress, with a warning', () => {
    const r = csv(
      `${header}\n1,城关镇,惠民超市,安全出口上锁,消防,一般,2024-03-07,2024-03-08,未整改,2024-03-08\n`,
    );
    expect(r.hazards.map((h) => h.status)).toEqual(['in_progress']);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['ingest.open_with_rectified_date', 2]]);
  });

  it('an unknown focus sector no longer rejects a monthly report row', () => {
    const r = csv('乡镇,月份,排查隐患,重点行业领域\n城关镇,2024-03,5,消防、河道管理\n', 'report.csv');
    expect(r.townshipMonths.map((t) => t.focus_sectors)).toEqual([['fire', 'other']]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['ingest.sector_unknown_as_other', 2]]);
  });
});
