/**
 * A generated district served in place of the bundled sample, for the scale measurements and the
 * city-size e2e test (issue 13): `count` townships × 120 months (or `months`) of township-month reports in the
 * canonical JSON the sample uses, deterministic (mulberry32), with a few missing reports.
 */
import { readFileSync } from 'node:fs';

/** A deterministic generator (mulberry32) so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `count` townships × 120 months (2016-11 … 2026-10) in the canonical JSON the sample uses. The
 * first 40 names are the ones the 40-township run always measured.
 */
export function generateDataset(
  count = 40,
  opts: { ledgerOnly?: readonly string[]; months?: number } = {},
): string {
  const sample = JSON.parse(readFileSync('public/sample/dataset.json', 'utf8')) as {
    township_month: Record<string, unknown>[];
  };
  const template = sample.township_month[0]!;
  const rand = rng(20261129);
  const heads = '东西南北青白龙清黄高石马梨杏柳云城新安永太平和兴'.split('');
  const tails = ['山', '河', '桥', '湾', '泉', '岗', '坪', '营', '峪', '沟', '坝', '寨', '庄'];
  const suffix = ['镇', '乡', '街道'] as const;
  const type = { 镇: 'zhen', 乡: 'xiang', 街道: 'jiedao' } as const;
  const perRound = heads.length * tails.length;
  const townships = Array.from({ length: count }, (_, i) => {
    const s = suffix[i % 3]!;
    // (i mod 24, i div 24 mod 13, i div 312) triples are distinct, so the names are.
    const j = i % perRound;
    const round = Math.floor(i / perRound);
    const stem = `${heads[j % heads.length]}${tails[Math.floor(j / heads.length)]}${round ? round + 1 : ''}`;
    return { name: `${stem}${s}`, type: type[s] };
  });
  const unique = [...new Map(townships.map((t) => [t.name, t])).values()];
  if (unique.length !== count) throw new Error(`generated ${unique.length} distinct townships, not ${count}`);
  const months: string[] = [];
  const nMonths = opts.months ?? 120;
  // The last month is always 2026-10 (120 months start at 2016-11).
  for (let i = 0; i < nMonths; i++) {
    const idx = 2026 * 12 + 9 - (nMonths - 1) + i;
    months.push(`${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`);
  }
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const rows = unique.flatMap((t) =>
    months.flatMap((period) => {
      if (rand() < 0.03) return []; // a few missing reports, as in real data
      const found = int(0, 60);
      const major = int(0, Math.min(2, found));
      return [
        {
          ...template,
          township: t.name,
          period,
          report_date: `${period}-${pad(int(18, 28))}`,
          units_inspected: int(20, 120),
          hazards_found: found,
          hazards_rectified: Math.min(found, int(Math.floor(found * 0.7), found)),
          hazards_major_found: major,
          hazards_major_rectified: int(0, major),
          trainings_held: int(0, 5),
          training_person_times: int(0, 400),
          accidents: rand() < 0.05 ? 1 : 0,
        },
      ];
    }),
  );
  return JSON.stringify({
    schema_version: 1,
    district: '性能测试区',
    townships: [
      ...unique.map((t) => ({ ...t, code: null, aliases: [] })),
      ...(opts.ledgerOnly ?? []).map((name) => ({ name, type: 'zhen', code: null, aliases: [] })),
    ],
    township_month: rows,
    // Itemised hazards of (listed) townships that keep a ledger but file no monthly report.
    hazards: (opts.ledgerOnly ?? []).map((township, i) => ({
      township,
      date_found: `${months[months.length - 1 - (i % 3)]}-1${i % 9}`,
      sector: 'industry_trade',
      level: 'general',
      description: '消防通道堆放杂物',
      status: 'in_progress',
      rectified_date: null,
      deadline: null,
      village: null,
      unit_name: null,
    })),
  });
}
