import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber, periodMonth, periodRange, type Period } from '../../src/domain/month';
import { isProblemCategoryCode, type ProblemCategoryCode } from '../../src/domain/problem-categories';
import { COUNT_FIELDS, NUMERIC_FIELDS } from '../../src/domain/records';
import { isSectorCode } from '../../src/domain/sectors';
import { XIAOZHAO_2022_PROBLEMS } from './banks';
import { SAMPLE_FROM, SAMPLE_TO, syntheticProfiles } from './district';
import { SAMPLE_SCENARIO, buildSampleDataset } from './files';
import { formatStatements, generateDataset, NO_SCENARIO, type SampleTownshipMonth } from './generate';

const ds = buildSampleDataset();
const rows = ds.townshipMonths;
const periods = periodRange(SAMPLE_FROM, SAMPLE_TO);
const lastPeriod = SAMPLE_TO;
const byKey = new Map(rows.map((r) => [`${r.township}|${r.period}`, r]));
const rowOf = (t: string, p: Period) => byKey.get(`${t}|${p}`);
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const rate = (r: SampleTownshipMonth) => (r.hazards_rectified ?? 0) / (r.hazards_found ?? 1);

// The splitter regex from docs/domain.md#splitting-statements, used here to check the statements come apart cleanly.
const SPLIT =
  /(?:^|[。；;\n：])\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])/g;

describe('sample dataset: shape', () => {
  it('has 16–20 townships with a 乡/镇/街道 mix, 小召乡 among them, unique 9-digit codes', () => {
    expect(ds.townships.length).toBeGreaterThanOrEqual(16);
    expect(ds.townships.length).toBeLessThanOrEqual(20);
    expect(ds.townships.map((t) => t.name)).toContain('小召乡');
    const share = (type: string) => ds.townships.filter((t) => t.type === type).length / ds.townships.length;
    expect(share('xiang')).toBeGreaterThan(0.2);
    expect(share('xiang')).toBeLessThan(0.4);
    expect(share('zhen')).toBeGreaterThan(0.35);
    expect(share('zhen')).toBeLessThan(0.55);
    expect(share('jiedao')).toBeGreaterThan(0.15);
    expect(share('jiedao')).toBeLessThan(0.35);
    const codes = ds.townships.map((t) => t.code ?? '');
    for (const c of codes) expect(c).toMatch(/^\d{9}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(ds.townships.map((t) => t.name)).size).toBe(ds.townships.length);
  });

  it('covers 36 distinct months from 2023-11 to 2026-10 and has one row per township-month at most', () => {
    const seen = new Set(rows.map((r) => r.period));
    expect(seen.size).toBe(36);
    expect([...seen].sort()).toEqual(periods);
    expect(byKey.size).toBe(rows.length);
  });

  it('misses about 5 % of township-months, with one township missing 3 consecutive months', () => {
    const expected = ds.townships.length * periods.length;
    const missingShare = (expected - rows.length) / expected;
    expect(missingShare).toBeGreaterThan(0.03);
    expect(missingShare).toBeLessThan(0.08);
    const runOf3 = ds.townships.some((t) =>
      periods.some(
        (p, i) => i + 2 < periods.length && [0, 1, 2].every((k) => !rowOf(t.name, periods[i + k] ?? p)),
      ),
    );
    expect(runOf3).toBe(true);
  });

  it('only uses known sector codes and period_scope month', () => {
    for (const r of rows) {
      expect(r.period_scope).toBe('month');
      for (const s of r.focus_sectors ?? []) expect(isSectorCode(s)).toBe(true);
      expect((r.focus_sectors ?? []).length).toBeGreaterThanOrEqual(2);
      expect((r.focus_sectors ?? []).length).toBeLessThanOrEqual(4);
    }
  });
});

describe('sample dataset: numbers follow the validation rules and magnitudes', () => {
  it('keeps every row internally consistent (counts ≥ 0 integers, rectified ≤ found, deaths ⇒ accident)', () => {
    const n = (v: number | null) => v ?? 0;
    const bad: string[] = [];
    const check = (r: SampleTownshipMonth, ok: boolean, what: string) => {
      if (!ok) bad.push(`${r.township} ${r.period}: ${what}`);
    };
    for (const r of rows) {
      for (const f of NUMERIC_FIELDS) check(r, r[f] === null || (r[f] ?? 0) >= 0, `${f} < 0`);
      for (const f of COUNT_FIELDS) check(r, r[f] === null || Number.isInteger(r[f]), `${f} not integer`);
      check(r, n(r.hazards_rectified) <= n(r.hazards_found), 'rectified > found');
      check(r, n(r.hazards_major_found) <= n(r.hazards_found), 'major > found');
      check(r, n(r.hazards_major_rectified) <= n(r.hazards_major_found), 'major rectified > major');
      check(
        r,
        (n(r.deaths) === 0 && n(r.injuries) === 0) || n(r.accidents) > 0,
        'casualties without accident',
      );
      check(r, n(r.trainings_held) > 0 || n(r.training_person_times) === 0, 'trainees without training');
    }
    expect(bad).toEqual([]);
  });

  it('keeps null (not reported) apart from 0: some cells are null, and the unused enforcement fields are null', () => {
    expect(rows.some((r) => r.leaflets_distributed === null)).toBe(true);
    expect(rows.some((r) => r.leaflets_distributed === 0)).toBe(true);
    expect(rows.every((r) => r.penalty_cases === null && r.fines_10k_yuan === null)).toBe(true);
  });

  it('has 20–35 % zero-hazard reports in quiet months and a district rectification rate of 85–100 %', () => {
    const quiet = rows.filter((r) => [5, 7, 8].includes(periodMonth(r.period)));
    const zeros = quiet.filter((r) => r.hazards_found === 0).length / quiet.length;
    expect(zeros).toBeGreaterThan(0.15);
    expect(zeros).toBeLessThan(0.4);
    const found = rows.reduce((s, r) => s + (r.hazards_found ?? 0), 0);
    const fixed = rows.reduce((s, r) => s + (r.hazards_rectified ?? 0), 0);
    expect(fixed / found).toBeGreaterThan(0.85);
    expect(fixed / found).toBeLessThanOrEqual(1);
  });

  it('has more hazards per township in urban 街道 than in rural 乡', () => {
    const typeOf = new Map(ds.townships.map((t) => [t.name, t.type]));
    const per = (type: string) =>
      mean(rows.filter((r) => typeOf.get(r.township) === type).map((r) => r.hazards_found ?? 0));
    expect(per('jiedao')).toBeGreaterThan(per('zhen'));
    expect(per('zhen')).toBeGreaterThan(per('xiang'));
  });

  it('has June trainings, publicity and drills well above the yearly average (安全生产月)', () => {
    for (const f of ['trainings_held', 'publicity_events', 'drills_held'] as const) {
      const june = mean(rows.filter((r) => periodMonth(r.period) === 6).map((r) => r[f] ?? 0));
      const all = mean(rows.map((r) => r[f] ?? 0));
      expect(june).toBeGreaterThan(all * 1.4);
    }
  });

  it('reports zero funds in most months and rare accidents', () => {
    const funds = rows.map((r) => r.rectification_funds_10k_yuan).filter((v): v is number => v !== null);
    const zeroShare = funds.filter((v) => v === 0).length / funds.length;
    expect(zeroShare).toBeGreaterThan(0.55);
    expect(zeroShare).toBeLessThan(0.85);
    const withAccident = rows.filter((r) => (r.accidents ?? 0) > 0).length / rows.length;
    expect(withAccident).toBeGreaterThan(0);
    expect(withAccident).toBeLessThan(0.1);
    const perSession = mean(
      rows
        .filter((r) => (r.trainings_held ?? 0) > 0)
        .map((r) => (r.training_person_times ?? 0) / (r.trainings_held ?? 1)),
    );
    expect(perSession).toBeGreaterThan(40);
    expect(perSession).toBeLessThan(90);
  });

  it('follows the focus-sector seasons: fireworks in Jan/Feb/Apr, flood prevention in summer, fire in Nov/Dec', () => {
    const all = (months: number[], code: string) =>
      rows
        .filter((r) => months.includes(periodMonth(r.period)))
        .every((r) => r.focus_sectors?.includes(code as never));
    expect(all([1, 2, 4], 'fireworks')).toBe(true);
    expect(all([6, 7, 8], 'natural_hazards')).toBe(true);
    expect(all([11, 12], 'fire')).toBe(true);
  });
});

describe('sample dataset: report dates', () => {
  it('files most reports on the 18th–25th (by the default due day) and some late, in the next month 1st–10th', () => {
    let late = 0;
    for (const r of rows) {
      if (r.report_date === null) continue;
      const inMonth = r.report_date.slice(0, 7) === r.period;
      const day = Number.parseInt(r.report_date.slice(8), 10);
      if (inMonth) {
        expect(day).toBeGreaterThanOrEqual(18);
        expect(day).toBeLessThanOrEqual(25);
      } else {
        late++;
        expect(r.report_date.slice(0, 7)).toBe(addMonths(r.period, 1));
        expect(day).toBeLessThanOrEqual(10);
      }
    }
    expect(late / rows.length).toBeGreaterThan(0.03);
    expect(late / rows.length).toBeLessThan(0.15);
  });
});

describe('sample dataset: things the dashboard must find', () => {
  it('has an all-zero row and a row identical to its previous month', () => {
    const zero = SAMPLE_SCENARIO.allZero[0];
    const copy = SAMPLE_SCENARIO.copyPrevious[0];
    expect(zero && copy).toBeTruthy();
    const z = rowOf(zero?.township ?? '', zero?.period ?? '');
    expect(z).toBeDefined();
    for (const f of NUMERIC_FIELDS) expect([0, null]).toContain(z?.[f]);
    const c = rowOf(copy?.township ?? '', copy?.period ?? '');
    const prev = rowOf(copy?.township ?? '', addMonths(copy?.period ?? '', -1));
    expect(c && prev).toBeTruthy();
    for (const f of NUMERIC_FIELDS) expect(c?.[f]).toBe(prev?.[f]);
  });

  it('has at least two townships with no training in each of the last 3 months', () => {
    const last3 = [addMonths(lastPeriod, -2), addMonths(lastPeriod, -1), lastPeriod];
    const idle = ds.townships.filter((t) =>
      last3.every((p) => {
        const r = rowOf(t.name, p);
        return r !== undefined && r.trainings_held === 0;
      }),
    );
    expect(idle.length).toBeGreaterThanOrEqual(2);
  });

  it('has one township with a clearly lowest rectification rate in the last month', () => {
    const last = rows.filter((r) => r.period === lastPeriod && (r.hazards_found ?? 0) > 0);
    const rates = last.map(rate).sort((a, b) => a - b);
    expect(rates.length).toBeGreaterThan(5);
    expect((rates[1] ?? 0) - (rates[0] ?? 0)).toBeGreaterThan(0.15);
  });
});

describe('sample dataset: problem statements', () => {
  const statementsOf = new Map<string, ProblemCategoryCode[]>();
  const textsOf = new Map<string, string[]>();
  for (const s of ds.statements) {
    const k = `${s.township}|${s.period}`;
    statementsOf.set(k, [...(statementsOf.get(k) ?? []), s.category]);
    textsOf.set(k, [...(textsOf.get(k) ?? []), s.text]);
  }

  it('gives every report 2–4 enumerated statements that split cleanly', () => {
    for (const r of rows) {
      const cats = statementsOf.get(`${r.township}|${r.period}`) ?? [];
      expect(cats.length).toBeGreaterThanOrEqual(2);
      expect(cats.length).toBeLessThanOrEqual(4);
      for (const c of cats) expect(isProblemCategoryCode(c)).toBe(true);
      expect((r.problems_text ?? '').match(SPLIT)?.length).toBe(cats.length);
    }
  });

  it('repeats last month’s category in roughly 60 % and its exact wording in roughly 30 % of statements', () => {
    let total = 0;
    let sameCat = 0;
    let sameText = 0;
    for (const t of ds.townships) {
      for (const p of periods) {
        const now = statementsOf.get(`${t.name}|${p}`);
        const before = statementsOf.get(`${t.name}|${addMonths(p, -1)}`);
        if (!now || !before) continue;
        const beforeTexts = new Set(textsOf.get(`${t.name}|${addMonths(p, -1)}`) ?? []);
        (textsOf.get(`${t.name}|${p}`) ?? []).forEach((text, i) => {
          total++;
          if (before.includes(now[i] as ProblemCategoryCode)) sameCat++;
          if (text !== '' && beforeTexts.has(text)) sameText++;
        });
      }
    }
    expect(sameCat / total).toBeGreaterThan(0.45);
    expect(sameCat / total).toBeLessThan(0.8);
    expect(sameText / total).toBeGreaterThan(0.2);
    expect(sameText / total).toBeLessThan(0.45);
  });

  it('has 2–3 townships with a chronic problem (same category 6+ consecutive months)', () => {
    const chronic = ds.townships.filter((t) => {
      const counts = new Map<ProblemCategoryCode, number>();
      let best = 0;
      for (const p of periods) {
        const cats = statementsOf.get(`${t.name}|${p}`) ?? [];
        for (const [c] of counts) if (!cats.includes(c)) counts.delete(c);
        for (const c of cats) counts.set(c, (counts.get(c) ?? 0) + 1);
        best = Math.max(best, ...counts.values());
      }
      return best >= 6;
    });
    expect(chronic.length).toBeGreaterThanOrEqual(2);
  });

  it('reuses 小召乡’s real 2022 problems in its April reports and adds odd P99 statements', () => {
    const aprils = rows.filter((r) => r.township === '小召乡' && periodMonth(r.period) === 4);
    expect(aprils.length).toBeGreaterThan(0);
    for (const r of aprils) expect(r.problems_text).toBe(XIAOZHAO_2022_PROBLEMS);
    expect(ds.statements.some((s) => s.category === 'P99')).toBe(true);
  });

  it('writes next steps for some rows and remarks rarely', () => {
    const next = rows.filter((r) => r.next_steps_text !== null).length / rows.length;
    const remarks = rows.filter((r) => r.remarks !== null).length / rows.length;
    expect(next).toBeGreaterThan(0.2);
    expect(next).toBeLessThan(0.6);
    expect(remarks).toBeGreaterThan(0);
    expect(remarks).toBeLessThan(0.1);
  });
});

describe('sample dataset: hazard ledger', () => {
  const ledgerTownships = [...new Set(ds.hazards.map((h) => h.township))];
  const mismatch = SAMPLE_SCENARIO.ledgerMismatch;

  it('covers 4–5 townships, with monthly counts equal to hazards_found except one deliberate mismatch', () => {
    expect(ledgerTownships.length).toBeGreaterThanOrEqual(4);
    expect(ledgerTownships.length).toBeLessThanOrEqual(5);
    const counts = new Map<string, number>();
    for (const h of ds.hazards)
      counts.set(`${h.township}|${h.period}`, (counts.get(`${h.township}|${h.period}`) ?? 0) + 1);
    const mismatches: string[] = [];
    for (const r of rows.filter((x) => ledgerTownships.includes(x.township))) {
      const k = `${r.township}|${r.period}`;
      if ((counts.get(k) ?? 0) !== (r.hazards_found ?? 0)) mismatches.push(k);
    }
    // Every ledger item belongs to a month the township reported.
    for (const k of counts.keys()) expect(byKey.has(k)).toBe(true);
    expect(mismatches).toEqual([`${mismatch?.township}|${mismatch?.period}`]);
  });

  it('matches the summary’s cohort: items rectified by the report date = hazards_rectified; levels match majors', () => {
    for (const r of rows.filter((x) => ledgerTownships.includes(x.township) && x.report_date !== null)) {
      if (r.township === mismatch?.township && r.period === mismatch.period) continue;
      const items = ds.hazards.filter((h) => h.township === r.township && h.period === r.period);
      const fixedByReport = items.filter(
        (h) => h.rectified_date !== null && h.rectified_date <= (r.report_date ?? ''),
      );
      expect(fixedByReport.length).toBe(r.hazards_rectified);
      expect(items.filter((h) => h.level === 'major').length).toBe(r.hazards_major_found);
    }
  });

  it('has consistent dates, statuses and mostly general hazards', () => {
    for (const h of ds.hazards) {
      expect(h.period).toBe(h.date_found.slice(0, 7));
      if (h.rectified_date !== null) expect(h.rectified_date >= h.date_found).toBe(true);
      if (h.deadline !== null) expect(h.deadline >= h.date_found).toBe(true);
      expect(['rectified', 'closed'].includes(h.status)).toBe(h.rectified_date !== null);
      expect(h.description.length).toBeGreaterThan(3);
      expect(h.village).toMatch(/(村|社区)$/);
    }
    expect(ds.hazards.filter((h) => h.level === 'general').length / ds.hazards.length).toBeGreaterThan(0.95);
    expect(ds.hazards.some((h) => h.status === 'in_progress')).toBe(true);
  });

  it('has several 屡查屡犯 cases: same unit and sector found again 1–4 months after rectification', () => {
    let repeats = 0;
    for (const h of ds.hazards) {
      if (h.unit_name === null) continue;
      const day = dayNumber(h.date_found);
      const earlier = ds.hazards.some(
        (e) =>
          e !== h &&
          e.township === h.township &&
          e.unit_name === h.unit_name &&
          e.sector === h.sector &&
          e.rectified_date !== null &&
          day - dayNumber(e.rectified_date) >= 28 &&
          day - dayNumber(e.rectified_date) <= 125,
      );
      if (earlier) repeats++;
    }
    expect(repeats).toBeGreaterThanOrEqual(3);
  });
});

describe('generator determinism and reuse', () => {
  it('gives identical output for the same seed and different output for another seed', () => {
    const again = buildSampleDataset();
    expect(JSON.stringify(again)).toBe(JSON.stringify(ds));
    const other = buildSampleDataset(12345);
    expect(JSON.stringify(other.townshipMonths)).not.toBe(JSON.stringify(ds.townshipMonths));
  });

  it('generates large numeric-only datasets for synthetic townships (used by the benchmark)', () => {
    const profiles = syntheticProfiles(300);
    expect(new Set(profiles.map((p) => p.township.name)).size).toBe(300);
    const big = generateDataset({
      seed: 1,
      district: null,
      profiles,
      from: '2025-01',
      to: '2025-12',
      scenario: NO_SCENARIO,
      numbersOnly: true,
    });
    expect(big.townshipMonths.length).toBeGreaterThan(300 * 12 * 0.9);
    expect(big.hazards).toEqual([]);
    expect(big.townshipMonths.every((r) => r.problems_text === null)).toBe(true);
  });
});

describe('formatStatements', () => {
  it.each([
    ['yishi', '一是甲；二是乙。'],
    ['paren', '（一）甲。（二）乙。'],
    ['paren-lines', '（一）甲。\n（二）乙。'],
    ['arabic', '1、甲。2、乙。'],
  ] as const)('%s style', (style, expected) => {
    expect(formatStatements(['甲', '乙'], style, null)).toBe(expected);
  });

  it('puts a lead-in before the statements', () => {
    expect(formatStatements(['甲'], 'yishi', '主要存在以下问题：')).toBe('主要存在以下问题：一是甲。');
  });
});
