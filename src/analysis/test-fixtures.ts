/**
 * Builders for small, real-looking datasets used by analysis and chart tests (not shipped code
 * paths). Every numeric field defaults to null ("not reported"), as a sparse clerk's sheet would.
 */
import type { Period } from '../domain/month';
import type { Dataset, HazardRecord, PeriodScope, Township, TownshipMonthRecord } from '../domain/records';
import type { SectorCode } from '../domain/sectors';
import { inferTownshipType } from '../domain/townships';
import { townshipMonthRecord, type NumericValues } from '../testing/factories';

let line = 1;

/** A township-month row; unspecified numeric fields are null. */
export function tm(
  township: string,
  period: Period,
  values: NumericValues = {},
  extra: {
    scope?: PeriodScope;
    report_date?: string | null;
    focus_sectors?: SectorCode[] | null;
    file?: string;
  } = {},
): TownshipMonthRecord {
  return townshipMonthRecord(township, period, values, {
    period_scope: extra.scope ?? 'month',
    report_date: extra.report_date === undefined ? `${period}-20` : extra.report_date,
    focus_sectors: extra.focus_sectors ?? null,
    source: { file: extra.file ?? `${period}月报汇总.csv`, line: ++line },
  });
}

/** An itemised hazard from a ledger. */
export function hz(
  township: string,
  date_found: string,
  sector: SectorCode,
  opts: { level?: 'general' | 'major'; status?: HazardRecord['status'] } = {},
): HazardRecord {
  return {
    township,
    date_found,
    period: date_found.slice(0, 7),
    sector,
    level: opts.level ?? 'general',
    description: '灭火器过期未更换',
    status: opts.status ?? 'rectified',
    rectified_date: null,
    deadline: null,
    village: null,
    unit_name: null,
    source: { file: '隐患台账.xlsx', line: ++line },
  };
}

/** A master-list township. */
export const township = (name: string, aliases: string[] = []): Township => ({
  name,
  type: inferTownshipType(name),
  code: null,
  aliases,
});

/** A dataset from parts. */
export function dataset(parts: Partial<Dataset>): Dataset {
  return {
    district: '示例区',
    townships: parts.townships ?? [],
    townshipMonths: parts.townshipMonths ?? [],
    hazards: parts.hazards ?? [],
    problems: parts.problems ?? [],
    ...(parts.hazardTallies ? { hazardTallies: parts.hazardTallies } : {}),
  };
}

/**
 * Four townships, 2023-03 and 2024-01..04, with the quirks analysis must handle: a missing month
 * (小召乡 2024-03), late reports, a ytd reporter with a decrease (东关街道 2024-03), a rename
 * (新华乡 → 新华镇), an all-zero report and a copied report. Expected figures in the tests are
 * computed by hand from this table.
 */
export function sampleDistrict(): Dataset {
  const t = (units: number, found: number, rect: number, trainings: number, persons: number) => ({
    units_inspected: units,
    hazards_found: found,
    hazards_rectified: rect,
    trainings_held: trainings,
    training_person_times: persons,
  });
  return dataset({
    townships: [township('小召乡'), township('城关镇'), township('东关街道'), township('新华镇', ['新华乡'])],
    townshipMonths: [
      tm('小召乡', '2023-03', { hazards_found: 10, hazards_rectified: 9, trainings_held: 1 }),
      tm('城关镇', '2023-03', { hazards_found: 20, hazards_rectified: 20, trainings_held: 2 }),
      tm(
        '小召乡',
        '2024-01',
        { ...t(10, 8, 8, 1, 40), hazards_major_found: 0, hazards_major_rectified: 0 },
        { report_date: '2024-01-24', focus_sectors: ['fireworks'] },
      ),
      tm(
        '小召乡',
        '2024-02',
        { ...t(12, 6, 5, 0, 0), hazards_major_found: 1, hazards_major_rectified: 0 },
        { report_date: '2024-02-26', focus_sectors: ['fireworks', 'fire'] },
      ),
      tm(
        '小召乡',
        '2024-04',
        { ...t(10, 4, 4, 0, 0), hazards_major_found: 0, hazards_major_rectified: 1 },
        { report_date: '2024-05-02' },
      ),
      tm(
        '城关镇',
        '2024-01',
        { ...t(20, 20, 18, 2, 100), hazards_major_found: 1, hazards_major_rectified: 0 },
        { report_date: '2024-01-25', focus_sectors: ['construction'] },
      ),
      tm('城关镇', '2024-02', { ...t(20, 10, 6, 0, 0), hazards_major_found: 0, hazards_major_rectified: 1 }),
      tm('城关镇', '2024-03', { ...t(25, 30, 20, 0, 0), hazards_major_found: 0, hazards_major_rectified: 0 }),
      tm('城关镇', '2024-04', { ...t(25, 12, 12, 0, 0), hazards_major_found: 0, hazards_major_rectified: 0 }),
      tm('东关街道', '2024-01', t(30, 5, 5, 1, 30), { scope: 'ytd' }),
      tm('东关街道', '2024-02', t(60, 12, 11, 3, 90), { scope: 'ytd' }),
      tm('东关街道', '2024-03', t(90, 10, 12, 3, 90), { scope: 'ytd' }),
      tm('东关街道', '2024-04', t(120, 20, 19, 4, 150), { scope: 'ytd' }),
      tm('新华乡', '2024-01', t(0, 0, 0, 0, 0)),
      tm('新华乡', '2024-02', t(5, 2, 2, 0, 0)),
      tm('新华镇', '2024-03', t(5, 2, 2, 0, 0)),
    ],
  });
}
