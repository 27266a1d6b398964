/**
 * A generated district at the scale the dashboard must survive: 2,000 townships × 120 months
 * (240k township-month rows) with gaps, and "other" (P99) problem statements worded from shared
 * fragments, so similar statements exist and chain into clusters as real text does. Deterministic
 * (a fixed LCG), used by tests/scale/*.test.ts and scripts/bench.ts.
 */
import { tm, township } from '../../src/analysis/test-fixtures';
import type { Period } from '../../src/domain/month';
import type { Dataset, ProblemRecordInput, TownshipMonthRecord } from '../../src/domain/records';

/** A deterministic pseudo-random source in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const months = (from: number, n: number): Period[] =>
  Array.from({ length: n }, (_, m) => {
    const y = from + Math.floor(m / 12);
    return `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
  });

// Wording that the keyword rules leave as 其他 (P99): village affairs, weather, staffing, funds.
const WHO = [
  '部分村组',
  '个别社区',
  '辖区集市',
  '部分小区物业',
  '镇区商户',
  '沿街门店',
  '山区片区',
  '移民新村',
];
const WHAT = [
  '雨季道路塌方风险较大',
  '冬季取暖用炭量增加',
  '外来人员流动频繁',
  '老旧电动车停放混乱',
  '节日期间人流集中',
  '临时摊点占道经营',
  '独居老人较多照看不周',
  '河道水位上涨',
];
const WHY = [
  '工作经费紧张',
  '人手不足',
  '协调难度较大',
  '群众配合度不高',
  '覆盖面有待扩大',
  '季节性因素影响',
];

/** `n` P99 statement texts; similar texts share fragments. */
export function otherStatementTexts(n: number, seed = 7): string[] {
  const r = lcg(seed);
  const pick = (xs: readonly string[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from(
    { length: n },
    (_, i) => `${pick(WHO)}${pick(WHAT)}，${pick(WHY)}（第${(i % 97) + 1}片区）`,
  );
}

/**
 * 2,000 townships × 120 months by default; every 23rd township-month is missing, and one row in
 * `problemEvery` has an itemised problem filed as 其他 (P99: the file supplies the category, so
 * the keyword rules do not move it), 20k statements by default.
 */
export function largeDataset(
  opts: { townships?: number; months?: number; problemEvery?: number } = {},
): Dataset {
  const nT = opts.townships ?? 2000;
  const periods = months(2015, opts.months ?? 120);
  const every = opts.problemEvery ?? 11;
  const names = Array.from(
    { length: nT },
    (_, i) => `第${i + 1}${i % 3 === 0 ? '乡' : i % 3 === 1 ? '镇' : '街道'}`,
  );
  const texts = otherStatementTexts(Math.ceil((nT * periods.length) / every) + 1);
  const r = lcg(11);
  const rows: TownshipMonthRecord[] = [];
  const problems: ProblemRecordInput[] = [];
  let k = 0;
  names.forEach((name, i) =>
    periods.forEach((p, m) => {
      const cell = i * periods.length + m;
      if (cell % 23 === 0) return;
      const found = Math.floor(r() * 40);
      const row = tm(
        name,
        p,
        {
          units_inspected: 10 + Math.floor(r() * 50),
          hazards_found: found,
          hazards_rectified: Math.floor(found * (0.6 + 0.4 * r())),
          hazards_major_found: r() < 0.1 ? 1 : 0,
          hazards_major_rectified: r() < 0.08 ? 1 : 0,
          trainings_held: Math.floor(r() * 3),
          training_person_times: Math.floor(r() * 120),
        },
        { focus_sectors: r() < 0.3 ? ['fireworks'] : ['construction'] },
      );
      rows.push(row);
      if (cell % every === 0)
        problems.push({ township: name, period: p, text: texts[k++]!, category: 'P99', source: row.source });
    }),
  );
  return {
    district: '大区',
    townships: names.map((n) => township(n)),
    townshipMonths: rows,
    hazards: [],
    problems,
  };
}
