/**
 * Golden test of the table ingest path: every fixture file the importer's table path reads (CSV,
 * TSV, TXT, JSON, JSONL, XLSX, and the look-alikes it must refuse) goes through `ingestAnyBytes`
 * under two settings, and a stable JSON of what came out — status, counts, every issue with its
 * location, value and parameters, ignored and rejected rows, and the records — is compared with a
 * snapshot written from the code before the ingest rules were split by record kind
 * (docs/architecture.md, "Where a rule lives"). A refactor of the rules must leave the snapshot
 * unchanged; a deliberate behaviour change updates it (`npx vitest run tests/ingest/ingest-golden
 * -u`) in the same commit that explains why.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Township } from '../../src/domain/records';
import { ingestAnyBytes } from '../../src/ingest/ingest-any-file';
import type { FileIngestResult, IngestIssue } from '../../src/ingest/types';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const TABLE_EXTENSIONS = /\.(csv|tsv|txt|json|jsonl|xlsx|xls)$/;

function listFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFixtures(path));
    else if (TABLE_EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}

/** JSON with object keys sorted, so the snapshot does not depend on property order. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Map) return stable(Object.fromEntries(value));
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, stable(o[k])]),
    );
  }
  return value;
}

const issueView = (i: IngestIssue) => ({
  severity: i.severity,
  code: i.code,
  line: i.line,
  path: i.path,
  sheet: i.sheet,
  cell: i.cell,
  column: i.column,
  field: i.field,
  value: i.value,
  params: i.params,
});

function view(r: FileIngestResult) {
  return {
    status: r.status,
    encoding: r.encoding,
    format: r.format,
    delimiter: r.delimiter,
    recordKind: r.recordKind,
    headerLine: r.headerLine,
    counts: r.counts,
    columns: r.columns,
    sheets: r.sheets,
    issues: r.issues.map(issueView),
    ignored: r.ignored,
    rejectedRows: r.rejectedRows.map((row) => ({
      line: row.line,
      path: row.path,
      sheet: row.sheet,
      raw: row.raw,
      reasons: row.reasons.map((i) => `${i.code}@${i.line ?? '-'}:${i.column ?? '-'}`),
    })),
    townshipMonths: r.townshipMonths,
    hazards: r.hazards,
    problems: r.problems,
    townships: r.townships,
    district: r.district,
  };
}

const MASTER = JSON.parse(readFileSync(join(ROOT, 'cli', 'townships.json'), 'utf8')) as Township[];
const SETTINGS: readonly { name: string; today: string; knownTownships: readonly Township[] }[] = [
  { name: 'open-list', today: '2024-04-15', knownTownships: [] },
  { name: 'master-list', today: '2022-05-10', knownTownships: MASTER },
];

describe('ingest golden (every table fixture)', () => {
  it('gives the same result for every fixture file as the snapshot', async () => {
    const files = listFixtures(ROOT);
    expect(files.length).toBeGreaterThan(50);
    const out: Record<string, unknown> = {};
    for (const setting of SETTINGS) {
      for (const path of files) {
        const name = relative(ROOT, path).split('\\').join('/');
        const r = ingestAnyBytes(new Uint8Array(readFileSync(path)), {
          fileName: name,
          today: setting.today,
          knownTownships: setting.knownTownships,
        });
        out[`${setting.name} ${name}`] = view(r);
      }
    }
    await expect(`${JSON.stringify(stable(out), null, 1)}\n`).toMatchFileSnapshot(
      './__golden__/ingest-fixtures.golden.json',
    );
  }, 120_000);

  // The fixture files do not reach every rule (major > found, rate mismatch, hazard status rules,
  // duplicates, JSON value types…), so a catalogue of small hostile inputs, one or more per rule,
  // is snapshotted the same way.
  it('gives the same result for the rule catalogue as the snapshot', async () => {
    const out: Record<string, unknown> = {};
    for (const [name, text] of CATALOGUE) {
      for (const setting of SETTINGS) {
        const r = ingestAnyBytes(new TextEncoder().encode(text), {
          fileName: name,
          today: setting.today,
          knownTownships: setting.knownTownships,
          limits: { maxFieldChars: 40 },
        });
        out[`${setting.name} ${name}`] = view(r);
      }
    }
    await expect(`${JSON.stringify(stable(out), null, 1)}\n`).toMatchFileSnapshot(
      './__golden__/ingest-rules.golden.json',
    );
  });
});

const TM =
  '乡镇,月份,统计口径,报送日期,排查隐患（处）,已整改（处）,重大隐患,重大隐患已整改,整改率,整改资金（元）,' +
  '罚款（万元）,直接经济损失,事故起数,死亡人数,受伤人数,培训场次,培训人次,重点领域,存在问题,下步打算,备注\n';
const LEDGER =
  '乡镇,村（社区）,被检查单位,行业领域,发现日期,隐患描述,隐患等级,整改情况,整改完成日期,整改期限\n';
const PROBLEMS = '乡镇,月份,问题描述,问题类别\n';

const CATALOGUE: readonly (readonly [string, string])[] = [
  [
    'tm-rules.csv',
    TM +
      [
        '城关镇,2022-04,,2022-04-28,10,8,1,1,80%,25000,0.5,,0,0,0,2,85,危险化学品;消防,问题一,打算一,备注',
        '小召乡,2022-04,月度,2022-05-05,3,4,0,0,,,,,,,,,,,,,',
        '柳河镇,2022-04,,,2,1,3,,,,,,,,,,,,,,',
        '青石镇,2022-04,,,5,2,2,3,,,,,,,,,,,,,',
        '白马镇,2022-04,,,,,,,,,,,0,1,2,,,,,,',
        '东关街道,2022-04,,,10,5,,,90%,,,,,,,,,,,,',
        '城关镇,2022-03,,,,,,,,,,,,,,0,20,,,,',
        '小召乡,2022-03,,,,,,,,,,,,,,1,900,,,,',
        '柳河镇,2022-03,,,,,,,,,,,,,,10,12,,,,',
        '青石镇,2022-01,,2022-04-30,,,,,,,,,,,,,,,,,',
        '白马镇,2022-03,,2022-02-27,,,,,,,,,,,,,,,,,',
        '东关街道,2022-03,,,,,,,,20000000,1500,2000,,,,,,,,,',
        '城关镇,2099-04,,,,,,,,,,,,,,,,,,,',
        ',2022-04,,,1,1,,,,,,,,,,,,,,,',
        '城关镇,,,,1,1,,,,,,,,,,,,,,,',
        '城光镇,2022-02,,,1,1,,,,,,,,,,,,,,,',
        '某某镇,2022-02,,,1,1,,,,,,,,,,,,,,,',
        '小召,2022-02,累计,,约5,5,,,,,,,,,,,,,,,',
        '柳河镇,2022-02,,,1.5,1,,,,,,,,,,,,,,,',
        '青石镇,2022-02,,,-1,x,,,,,,,,,,,,,,,',
        '白马镇,2022-02,,,无,0,,,,,,,,,,,,,,,',
        '东关街道,2022-02,,,1,1,,,,,,,,,,,,采矿;未知领域,,,',
        '城关镇,2021-12,,,1,1,,,,,,,,,,,,,这一格的文字很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长,,',
        '小召乡,2021-12,,45000,1,1,,,,,,,,,,,,,,,',
        '城关镇,2021-11,,,6,6,,,,,,,,,,,,,,,',
        '城关镇,2021-11,,,6,6,,,,,,,,,,,,,,,',
        '小召乡,2021-11,,,6,6,,,,,,,,,,,,,,,',
        '小召乡,2021-11,,,7,6,,,,,,,,,,,,,,,',
        '白马镇,2022年4月,,2022-04-15,1,1,,,100%,,,,,,,,,,,,',
        '白马镇,2022-04,,2022-04-15,1,1,,,100%,,,,,,,,,,,,',
      ].join('\n') +
      '\n',
  ],
  [
    'tm-structure.csv',
    '2022年4月安全生产月报,,,,\n填报单位：某区安委办,,,,\n乡镇,月份,排查隐患,已整改,,奇怪的列\n' +
      '城关镇,2022-04,6,6,,\n小召乡,2022-04,3,2,x,y\n乡镇,月份,排查隐患,已整改,,奇怪的列\n柳河镇,2022-04,1\n' +
      '青石镇,2022-04,1,1,,,extra\n,,,,,\n合计,,10,8,,\n注：本表由各乡镇填报\n',
  ],
  [
    'tm-totals-mismatch.csv',
    '乡镇,月份,排查隐患,整改资金（元）,,\n城关镇,2022-04,6,10000,,\n小召乡,2022-04,3,5000,,\n合计,,10,15000,,\n',
  ],
  [
    'tm-totals-ok.csv',
    '乡镇,月份,排查隐患,整改资金（元）\n城关镇,2022-04,6,10000\n小召乡,2022-04,3,5000\n合计,,9,15000\n',
  ],
  [
    'ledger-rules.csv',
    LEDGER +
      [
        '小召乡,小召村,某某商店,烟花爆竹,2022-04-05,违规存放烟花爆竹,一般,已整改,2022-04-05,2022-04-10',
        '城关镇,东街社区,某某加油站,危险化学品,2022/4/12,消防器材过期,重大,整改中,2022-04-20,2022-06-30',
        '城关镇,西街社区,某某超市,消防,2022-04-20,安全出口堵塞,一般,已整改,2022-04-18,',
        '城关镇,西街社区,某某超市,消防,2022-04-20,安全出口堵塞,一般,已整改,,',
        '柳河镇,,,未知行业,2022-04-21,电线老化,,,2022-04-22,',
        '柳河镇,,,,2022-04-21,电线老化,,,,',
        '青石镇,,,,,楼梯无扶手,,,,',
        '青石镇,,,,2022-04-22,,,,,',
        ',,,,2022-04-22,描述,,,,',
        '白马镇,,,,2099-04-22,描述,,,,2099-05-01',
        '白马镇,,,,2022-04-22,描述,特大,未知状态,,',
        '白马镇,,,,2022-04-22,描述,,已销号,,',
        '白马镇,,,,45000,描述,,,44000,',
      ].join('\n') +
      '\n',
  ],
  [
    'problems-rules.csv',
    PROBLEMS +
      [
        '小召乡,2022年4月,企业主体责任落实不完全到位,P01',
        '小召乡,2022年4月,个别行政村重视程度不够,',
        '城关镇,2022-04,,P02',
        '城关镇,2099-04,未来的问题,',
        '城关镇,2022-04,类别不对,Z99',
        ',2022-04,没有乡镇,',
        '城关镇,,没有月份,',
      ].join('\n') +
      '\n',
  ],
  [
    'canonical.json',
    JSON.stringify({
      district: '某区',
      townships: [{ name: '城关镇', type: 'zhen', code: '419901101', aliases: ['城关'] }, { bad: 1 }, 'x'],
      township_month: [
        { township: '城关', period: '2022-04', hazards_found: 5, hazards_rectified: 6 },
        { township: '城关镇', period: '2022-03', hazards_found: 1.5 },
        { township: '城关镇', period: '2022-02', hazards_found: true },
        { township: '城关镇', period: '2022-01', hazards_found: { n: 1 } },
        { township: '城关镇', period: '2021-12', hazards_found: 1e300 },
        { township: '城关镇', period: '2021-11', focus_sectors: ['消防', '采矿'] },
        {},
        [1, 2],
        'text',
        { township: '城关镇', period: '2021-10', hazards_found: null, extra_key: 1 },
      ],
      hazards: [
        { township: '城关镇', date_found: '2022-04-01', description: '隐患', status: 'rectified' },
        { township: '城关镇', date_found: '2022-04-03', description: '隐患', rectified_date: '2022-04-02' },
      ],
      problems: [{ township: '城关镇', period: '2022-04', text: '问题', category: 'P01' }],
    }),
  ],
  [
    'array.json',
    JSON.stringify([
      { 乡镇: '城关镇', 月份: '2022年4月', 排查隐患: '5', 已整改: 4 },
      { 乡镇: '小召乡', 月份: '2022-04', 排查隐患: 2, 已整改: 3 },
      { 乡镇: '小召乡', 月份: '2022-04', 排查隐患: 2, 已整改: 3 },
    ]),
  ],
  [
    'envelope.json',
    JSON.stringify({
      code: 0,
      msg: 'ok',
      data: { total: 3, list: [{ township: '城关镇', month: '2022-04', hazards: 1 }] },
    }),
  ],
  ['proto-element.json', '[{"township":"城关镇","month":"2022-04"},{"township":"x","__proto__":{"a":1}}]'],
  [
    'lines.jsonl',
    '{"township":"城关镇","month":"2022-04","hazards":1}\n\n{"township":"小召乡","month":"2022-04","hazards":\n' +
      '{"township":"柳河镇","month":"2022-04","hazards":2,"fixed":3}\n',
  ],
  [
    'hazards.json',
    JSON.stringify([
      {
        乡镇: '城关镇',
        发现日期: '2022-04-01',
        隐患描述: '隐患',
        整改情况: '整改中',
        整改完成日期: '2022-04-05',
      },
    ]),
  ],
];
