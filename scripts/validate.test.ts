import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './sample/gb18030';
import { err } from '../src/domain/result';
import { classifyStatement } from '../src/analysis/problems/classify';
import { classifyWithModel } from '../src/analysis/problems/problem-model';
import { loadShippedModel, parseArgs, parseTownshipList, run } from './validate';

const root = resolve(import.meta.dirname, '..');
const fx = (name: string) => `tests/fixtures/cli/${name}`;
// A fixed "today" keeps the fixtures' months in the past whatever the machine clock says.
const TODAY = ['--today', '2026-11-29'];

interface CliIssueJson {
  severity: 'error' | 'warning';
  code: string;
  line: number | null;
  path?: string;
  location?: string;
  column: string | null;
  field: string | null;
  value: string | null;
  message: string;
}
interface CliFileJson {
  file: string;
  encoding: string | null;
  format: string | null;
  status: 'ok' | 'rejected';
  counts: { total: number; accepted: number; rejected: number; ignored: number };
  issues: CliIssueJson[];
  ignored: { line: number | null; path?: string; rule: string; message: string; raw: string }[];
}
interface CliJson {
  township_check: { checked: boolean; list: string | null; townships: number; message: string };
  files: CliFileJson[];
  township_month: {
    township: string;
    period: string;
    hazards_found: number | null;
    source: { file: string; line: number | null };
  }[];
  hazards: unknown[];
  problems: {
    township: string;
    period: string;
    seq: number;
    text: string;
    category: string;
    classified_by: 'model' | 'file' | 'manual';
    confidence: number;
    low_confidence: boolean;
    alternatives: { category: string; score: number }[];
    secondary_categories: string[];
    keywords_matched: string[];
    source: { file: string; line: number | null };
  }[];
}

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/validate.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliJson(...args: string[]): { code: number | null; doc: CliJson; stderr: string } {
  const r = cli('--json', ...TODAY, ...args);
  // Exactly one JSON document on stdout: JSON.parse fails on anything extra.
  return { code: r.code, doc: JSON.parse(r.stdout) as CliJson, stderr: r.stderr };
}

const expectCountsAddUp = (f: CliFileJson) =>
  expect(f.counts.accepted + f.counts.rejected + f.counts.ignored).toBe(f.counts.total);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

// The GB18030 fixture is this text, encoded by our encoder (title row, header, 3 rows, 合计 row).
const GBK_SOURCE = [
  '云川区各乡镇安全生产工作月报汇总表（2026年9月）,,,,,',
  '乡镇,月份,排查隐患（处）,已整改（处）,培训（场次）,备注',
  '小召乡,2026年9月,4,4,1,',
  '城关镇,2026年9月,9,8,2,“回头看”已完成',
  '东关街道,2026年9月,21,19,3,',
  '合计,,34,31,6,',
  '',
].join('\r\n');

describe('validate CLI: clean files', () => {
  it('accepts a clean UTF-8 file with exit 0 and returns its records with physical lines', () => {
    const { code, doc } = cliJson(fx('clean.csv'));
    expect(code).toBe(0);
    const [f] = doc.files;
    expect(f).toMatchObject({ file: fx('clean.csv'), encoding: 'utf-8', format: 'csv', status: 'ok' });
    expectCountsAddUp(f as CliFileJson);
    expect(f?.counts.rejected).toBe(0);
    expect(f?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(doc.township_month.map((r) => [r.township, r.period, r.source.line])).toEqual([
      ['小召乡', '2026-09', 2],
      ['城关镇', '2026-09', 3],
      ['东关街道', '2026-09', 4],
    ]);
    expect(doc.township_month.every((r) => r.source.file === fx('clean.csv'))).toBe(true);
    expect(doc.hazards).toEqual([]);
  });

  it('splits and classifies 存在问题 into the "problems" array with their source line', () => {
    const { doc } = cliJson(fx('clean.csv'));
    const xiaozhao = doc.problems.filter((p) => p.township === '小召乡');
    expect(xiaozhao.map((p) => [p.seq, p.category, p.source.line])).toEqual([
      [1, 'P01', 2],
      [2, 'P03', 2],
    ]);
    expect(xiaozhao[0]?.keywords_matched.length).toBeGreaterThan(0);
    const chengguan = doc.problems.filter((p) => p.township === '城关镇');
    expect(chengguan.map((p) => p.text)).toEqual(['隐患排查不够深入细致', '部分群众安全意识淡薄']);
    expect(chengguan.map((p) => p.category)).toEqual(['P04', 'P05']);
  });

  it('the committed GB18030 fixture is exactly the encoded source text', () => {
    const committed = new Uint8Array(readFileSync(join(root, fx('gbk-title-total.csv'))));
    expect(Buffer.from(committed).equals(Buffer.from(encodeGb18030(GBK_SOURCE)))).toBe(true);
  });

  it('reads a GB18030 file with a title row and a 合计 row: 3 records, title/header/totals ignored', () => {
    const { code, doc } = cliJson(fx('gbk-title-total.csv'));
    expect(code).toBe(0);
    const f = doc.files[0] as CliFileJson;
    expect(f.encoding).toBe('gb18030');
    expectCountsAddUp(f);
    expect(f.counts.accepted).toBe(3);
    expect(f.counts.ignored).toBeGreaterThanOrEqual(3);
    expect(doc.township_month.map((r) => [r.township, r.hazards_found, r.source.line])).toEqual([
      ['小召乡', 4, 3],
      ['城关镇', 9, 4],
      ['东关街道', 21, 5],
    ]);
  });

  it('accepts the committed sample files (CSV and dataset JSON) without errors', () => {
    const { code, doc } = cliJson(
      '--townships',
      'public/sample/dataset.json',
      'public/sample/township-month.csv',
      'public/sample/hazards.csv',
      'public/sample/dataset.json',
    );
    expect(code).toBe(0);
    for (const f of doc.files) {
      expectCountsAddUp(f);
      expect(f.status).toBe('ok');
      expect(f.issues.filter((i) => i.severity === 'error')).toEqual([]);
    }
    const dataset = JSON.parse(readFileSync(join(root, 'public/sample/dataset.json'), 'utf8')) as {
      township_month: unknown[];
      hazards: unknown[];
    };
    expect(doc.township_month.length).toBe(2 * dataset.township_month.length);
    expect(doc.hazards.length).toBe(2 * dataset.hazards.length);
  });
});

describe('validate CLI: bad rows', () => {
  it('rejects bad rows with exit 1, naming the physical line and column of each', () => {
    const { code, doc } = cliJson(fx('bad-rows.csv'));
    expect(code).toBe(1);
    const f = doc.files[0] as CliFileJson;
    expect(f.status).toBe('ok');
    expectCountsAddUp(f);
    expect(f.counts.rejected).toBe(4);
    const errors = f.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field]);
    // Line 2–3 is one record with a multi-line quoted cell, so 城关镇 sits on physical line 4.
    expect(errors).toEqual(
      expect.arrayContaining([
        [4, 'hazards_found'],
        [5, 'period'],
        [6, 'township'],
      ]),
    );
    expect(f.issues.some((i) => i.severity === 'error' && i.line === 8)).toBe(true);
    const negative = f.issues.find((i) => i.line === 4);
    expect(negative).toMatchObject({ column: '排查隐患（处）', value: '-3' });
    // rectified > found is kept with a warning, not rejected.
    expect(f.issues.some((i) => i.severity === 'warning' && i.line === 7)).toBe(true);
    expect(doc.township_month.map((r) => [r.township, r.source.line])).toEqual([
      ['小召乡', 2],
      ['柳河镇', 7],
      ['白马镇', 9],
    ]);
    for (const i of f.issues) expect(i.message.length).toBeGreaterThan(5);
  });

  it('renders messages in English with --lang en and in Chinese by default', () => {
    const zh = cliJson(fx('bad-rows.csv')).doc.files[0]?.issues ?? [];
    const en = cliJson('--lang', 'en', fx('bad-rows.csv')).doc.files[0]?.issues ?? [];
    expect(en.map((i) => [i.line, i.code])).toEqual(zh.map((i) => [i.line, i.code]));
    en.forEach((i, k) => {
      expect(i.message).not.toBe(zh[k]?.message);
      expect(i.message).toMatch(/[A-Za-z]{4,}/);
    });
    const human = cli('--lang=en', ...TODAY, fx('bad-rows.csv'));
    expect(human.stdout).toContain('Encoding');
    expect(human.stdout).toMatch(/bad-rows\.csv:4: 排查隐患（处）: \[error\] /);
  });

  it('prints a Chinese human report by default: encoding, mapping, counts and file:line: column: message lines', () => {
    const r = cli(...TODAY, fx('bad-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('编码: utf-8-bom');
    expect(r.stdout).toContain('乡镇（街道） → township');
    expect(r.stdout).toMatch(/记录：共 8 条，接受 3，拒绝 4，忽略 1/);
    expect(r.stdout).toMatch(/^ {2}tests\/fixtures\/cli\/bad-rows\.csv:5: 月份: \[错误\] /m);
    const lines = [...r.stdout.matchAll(/bad-rows\.csv:(\d+):/g)].map((m) =>
      Number.parseInt(m[1] ?? '0', 10),
    );
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('resolves aliases and flags names outside the --townships list', () => {
    const { doc } = cliJson('--townships', fx('townships.json'), fx('alias-unknown.csv'));
    const f = doc.files[0] as CliFileJson;
    expectCountsAddUp(f);
    expect(doc.township_month.map((r) => r.township)).toContain('小召乡');
    expect(f.issues.some((i) => i.line === 3 && i.field === 'township' && i.value === '云川镇')).toBe(true);
    // Without a master list any well-formed name is accepted as written.
    const open = cliJson(fx('alias-unknown.csv')).doc;
    expect(open.files[0]?.issues.some((i) => i.line === 3 && i.field === 'township')).toBe(false);
  });
});

describe('validate CLI: township names against the district list', () => {
  it('rejects names outside --townships with the closest known name, and says which list it used', () => {
    const { code, doc } = cliJson('--townships', fx('townships.json'), fx('typo-new.csv'));
    expect(code).toBe(1);
    const f = doc.files[0] as CliFileJson;
    expectCountsAddUp(f);
    expect(f.counts).toMatchObject({ accepted: 1, rejected: 2 });
    expect(doc.township_month.map((r) => r.township)).toEqual(['东关街道']);
    const typo = f.issues.find((i) => i.line === 2);
    expect(typo).toMatchObject({ code: 'ingest.township_unknown', field: 'township', value: '城光镇' });
    expect(typo?.message).toContain('是否为：城关镇');
    expect(f.issues.find((i) => i.line === 3)).toMatchObject({
      code: 'ingest.township_unknown_no_suggestion',
      value: '新城镇',
    });
    expect(doc.township_check).toMatchObject({ checked: true, list: fx('townships.json'), townships: 6 });
  });

  it('without --townships says clearly that names were not checked (human and JSON)', () => {
    const human = cli(...TODAY, fx('typo-new.csv'));
    expect(human.stdout.split('\n')[0]).toMatch(/^注意：未指定 --townships，乡镇名称未与本区乡镇名单核对/);
    const { doc, stderr } = cliJson(fx('typo-new.csv'));
    expect(doc.township_check).toMatchObject({ checked: false, list: null, townships: 0 });
    expect(doc.township_check.message).toContain('未指定 --townships');
    expect(stderr).toContain('未指定 --townships');
    const checked = cli(...TODAY, '--lang', 'en', '--townships', fx('townships.json'), fx('typo-new.csv'));
    expect(checked.stdout.split('\n')[0]).toBe(
      `Township names were checked against the 6 townships in ${fx('townships.json')}; names not in it are rejected, with the closest name.`,
    );
  });
});

describe('validate CLI: where records are', () => {
  it('lists ignored rows like the browser: line and the named rule', () => {
    const { doc } = cliJson(fx('gbk-title-total.csv'));
    const f = doc.files[0] as CliFileJson;
    expect(f.ignored).toHaveLength(f.counts.ignored);
    expect(f.ignored.map((r) => [r.line, r.rule, r.message])).toEqual([
      [1, 'title', '标题行'],
      [2, 'header', '表头'],
      [6, 'totals', '合计行'],
    ]);
    expect(f.ignored[2]!.raw).toContain('合计');
    const en = cli('--json', '--lang', 'en', ...TODAY, fx('gbk-title-total.csv'));
    const enFile = (JSON.parse(en.stdout) as CliJson).files[0]!;
    expect(enFile.ignored.map((r) => r.message)).toEqual(['title line', 'header', 'totals row']);
  });

  it('names the records of a minified JSON file by JSON path, not by "line 1"', () => {
    // The whole canonical document is on one line: 15 elements, [9] empty, [5] and [13] bad.
    expect(readFileSync(join(root, fx('minified.json')), 'utf8')).not.toContain('\n');
    const { code, doc } = cliJson(fx('minified.json'));
    expect(code).toBe(1);
    const f = doc.files[0] as CliFileJson;
    expectCountsAddUp(f);
    expect(f.counts).toEqual({ total: 15, accepted: 12, rejected: 2, ignored: 1 });
    expect(f.issues.map((i) => [i.line, i.path, i.location, i.code])).toEqual([
      [1, 'township_month[5]', 'township_month[5].period', 'cells.month.impossible'],
      [1, 'township_month[13]', 'township_month[13].hazards_found', 'cells.count.invalid'],
    ]);
    expect(f.ignored).toEqual([
      {
        line: 1,
        path: 'township_month[9]',
        rule: 'empty_json_element',
        message: '空的 JSON 元素',
        raw: '{}',
      },
    ]);
    const human = cli(...TODAY, fx('minified.json')).stdout;
    expect(human).toContain(`${fx('minified.json')}:township_month[13].hazards_found: [错误] "见附表"`);
    expect(human).not.toMatch(/minified\.json:1:/);
  });
});

describe('validate CLI: usage and read errors', () => {
  it('exits 2 for a missing file but still reports the readable ones, without a stack trace', () => {
    const r = cli('--json', ...TODAY, fx('clean.csv'), fx('no-such-file.csv'));
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as CliJson;
    expect(doc.files.map((f) => [f.file, f.status])).toEqual([
      [fx('clean.csv'), 'ok'],
      [fx('no-such-file.csv'), 'rejected'],
    ]);
    expect(doc.files[1]?.issues[0]).toMatchObject({ severity: 'error', line: null });
    expect(doc.township_month.length).toBe(3);
    expect(r.stderr).toContain('no-such-file.csv');
    noStackTrace(r.stderr);
  });

  it('exits 2 for a folder given as a file (human output, English)', () => {
    const r = cli('--lang', 'en', 'tests/fixtures/cli');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('folder');
    noStackTrace(r.stdout + r.stderr);
  });

  it.each([
    [[], /No files|未指定/],
    [['--frobnicate', fx('clean.csv')], /frobnicate/],
    [['--townships'], /--townships/],
    [['--today', '2026-02-30', fx('clean.csv')], /2026-02-30/],
    [['--townships', fx('missing.json'), fx('clean.csv')], /missing\.json/],
    [['--townships', fx('clean.csv'), fx('clean.csv')], /clean\.csv/],
  ])('usage error %j exits 2 with a message on stderr and nothing on stdout', (args, pattern) => {
    const r = cli('--json', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    noStackTrace(r.stderr);
  });
});

describe('parseArgs', () => {
  it.each([
    [['a.csv'], { json: false, lang: 'zh-CN', townshipsFile: null, today: null, files: ['a.csv'] }],
    [['--json', '--lang', 'en', 'a.csv', 'b.csv'], { json: true, lang: 'en', files: ['a.csv', 'b.csv'] }],
    [['--lang=en-US', '--townships=t.json', 'a.csv'], { lang: 'en', townshipsFile: 't.json' }],
    [['--', '--odd-name.csv'], { files: ['--odd-name.csv'] }],
    [['--today', '2026-11-29', 'a.csv'], { today: '2026-11-29' }],
  ])('%j', (argv, expected) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.args).toMatchObject(expected);
  });

  it('answers usage errors in the requested language', () => {
    const r = parseArgs(['--lang', 'en', '--nope', 'a.csv']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Unknown option: --nope/);
  });
});

describe('parseTownshipList', () => {
  it('reads an array or a dataset JSON, fills the type from the name and drops malformed codes', () => {
    const arr = parseTownshipList('[{"name":"小召乡","code":"12","aliases":["小召",3]}]');
    expect(arr).toEqual({
      ok: true,
      value: [{ name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] }],
    });
    const ds = parseTownshipList(
      '\uFEFF{"townships":[{"name":"东关街道","type":"jiedao","code":"419901001"}]}',
    );
    expect(ds.ok && ds.value[0]).toEqual({
      name: '东关街道',
      type: 'jiedao',
      code: '419901001',
      aliases: [],
    });
  });

  it('refuses a name or alias the importer would refuse, with the importer message', () => {
    expect(parseTownshipList('[{"name":"小召乡"},{"name":"城关镇<b>"}]')).toMatchObject({
      ok: false,
      reason: 'name',
      index: 2,
      name: '城关镇<b>',
      code: 'cells.township.markup',
    });
    expect(parseTownshipList('[{"name":"小召乡","aliases":["小?召"]}]')).toMatchObject({
      reason: 'name',
      code: 'cells.township.lost_chars',
    });
    const r = cli('--townships', 'tests/fixtures/cli/bad-townships.json', fx('clean.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 2 个乡镇的名称或别名“12345”无效');
  });

  it.each([
    ['not json', 'json'],
    ['{"foo":1}', 'shape'],
    ['[{"name":""}]', 'shape'],
    ['[1,2]', 'shape'],
  ])('%s → %s', (text, reason) => {
    expect(parseTownshipList(text)).toEqual({ ok: false, reason });
  });
});

describe('validate CLI: hazard ledger vs monthly report (docs/decisions/0005-ledger-and-report-totals.md)', () => {
  const LEDGER = 'tests/fixtures/ingest/hazard-ledger-2024-03.csv';
  const REPORT = 'tests/fixtures/ingest/monthly-report-2024-03.csv';
  interface LedgerCheckJson {
    severity: string;
    township: string;
    period: string;
    field: string;
    report: number;
    ledger: number;
    report_source: { file: string; line: number | null };
    ledger_files: string[];
    message: string;
  }

  it('--json lists each difference with both figures and both sources; warnings keep exit 0', () => {
    const r = cli('--json', '--today', '2024-04-15', LEDGER, REPORT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CliJson & { ledger_checks: LedgerCheckJson[] };
    expect(
      doc.ledger_checks.map((c) => [c.severity, c.township, c.period, c.field, c.report, c.ledger]),
    ).toEqual([
      ['warning', '城关镇', '2024-03', 'hazards_found', 23, 19],
      ['warning', '城关镇', '2024-03', 'hazards_rectified', 20, 15],
    ]);
    expect(doc.ledger_checks[0]).toMatchObject({
      report_source: { file: REPORT, line: 5 },
      ledger_files: [LEDGER],
    });
    expect(doc.ledger_checks[0]?.message).toContain('排查隐患 23 处，但隐患台账中该月共 19 条');
    // The ledger file alone has nothing to compare with.
    const alone = JSON.parse(cli('--json', '--today', '2024-04-15', LEDGER).stdout) as {
      ledger_checks: unknown[];
    };
    expect(alone.ledger_checks).toEqual([]);
  });

  it('prints the cross-check section in the human report', () => {
    const r = cli('--today', '2024-04-15', '--lang', 'en', REPORT, LEDGER);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hazard ledger vs monthly report');
    expect(r.stdout).toContain(
      `${REPORT}:5: [warning] ${REPORT} line 5: 城关镇 2024-03 reports 23 hazards found, but the hazard ledger lists 19`,
    );
  });
});

describe('validate CLI: workbooks (.xlsx), read exactly as the browser reads them', () => {
  const XLSX = 'tests/fixtures/xlsx/district-2024-03-exceljs.xlsx';
  interface SheetJson {
    name: string;
    state: string;
    role: string;
    reason: string | null;
    counts: CliFileJson['counts'];
    formulas: { cached: number; computed: number; unresolved: number };
  }

  it('reads every sheet of an ExcelJS workbook: per-sheet counts add up, each issue at sheet!cell', async () => {
    const { code, doc } = cliJson(XLSX);
    expect(code).toBe(0);
    const file = doc.files[0] as CliFileJson & { sheets: SheetJson[] };
    expect(file.format).toBe('xlsx');
    expect(file.status).toBe('ok');
    expect(file.sheets.map((s) => [s.name, s.state, s.role, s.reason])).toEqual([
      ['2024年3月', 'visible', 'data', null],
      ['2024年4月', 'visible', 'data', null],
      ['填表说明', 'visible', 'ignored', 'notes_name'],
      ['乡镇名单', 'hidden', 'ignored', 'hidden'],
      ['Sheet3', 'visible', 'ignored', 'empty'],
    ]);
    for (const s of file.sheets)
      expect(s.counts.accepted + s.counts.rejected + s.counts.ignored).toBe(s.counts.total);
    const sum = (k: keyof CliFileJson['counts']) => file.sheets.reduce((n, s) => n + s.counts[k], 0);
    expect(file.counts).toEqual({
      total: sum('total'),
      accepted: sum('accepted'),
      rejected: sum('rejected'),
      ignored: sum('ignored'),
    });
    expect(file.counts).toEqual({ total: 25, accepted: 7, rejected: 0, ignored: 18 });
    const issues = file.issues as (CliIssueJson & { sheet?: string; cell?: string })[];
    expect(issues.every((i) => i.sheet !== undefined)).toBe(true);
    expect(issues.map((i) => [i.code, `${i.sheet}!${i.cell}`])).toContainEqual([
      'exportui.workbook.formula_other_sheet',
      '2024年3月!J6',
    ]);
    // The same records as the browser: cached, computed and flagged formula cells.
    const byTown = new Map(
      doc.township_month
        .filter((r) => r.period === '2024-03')
        .map((r) => [r.township, r as typeof r & Record<string, unknown>]),
    );
    expect(byTown.get('小召乡')?.hazards_found).toBe(6);
    expect(byTown.get('城关镇')?.training_person_times).toBe(150);
    expect(byTown.get('城关镇')?.warning_edu_sessions).toBeNull();
    expect(byTown.get('东关街道')?.hazards_found).toBeNull();
    expect(doc.township_month[0]?.source).toMatchObject({ file: XLSX, line: 5, sheet: '2024年3月' });
    const { ingestAnyBytes } = await import('../src/ingest/ingest-any-file');
    const browser = ingestAnyBytes(new Uint8Array(readFileSync(join(root, XLSX))), {
      fileName: XLSX,
      knownTownships: [],
      today: '2026-11-29',
    });
    expect(file.counts).toEqual(browser.counts);
    expect(doc.township_month.length).toBe(browser.townshipMonths.length);
  });

  it('prints one line per sheet and sheet!cell locations in the human report', () => {
    const r = cli(...TODAY, '--lang', 'en', XLSX);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 sheets:');
    expect(r.stdout).toMatch(
      /填表说明: ignored: instructions sheet \(by name\); 4 total, 0 accepted, 0 rejected, 4 ignored/,
    );
    expect(r.stdout).toMatch(/乡镇名单 \(hidden\): ignored: hidden sheet/);
    expect(r.stdout).toContain(`${XLSX}:2024年3月!I8: 培训/培训（人次）: [warning]`);
  });

  it('lists a sheet it cannot read as rejected, with exit 1, and flags every uncomputable formula', () => {
    const { code, doc } = cliJson('tests/fixtures/xlsx/formulas-exceljs.xlsx');
    expect(code).toBe(1);
    const file = doc.files[0] as CliFileJson & { sheets: SheetJson[] };
    expect(file.sheets.map((s) => [s.name, s.role, s.reason, s.counts.total])).toEqual([
      ['公式', 'data', null, 6],
      ['参考', 'rejected', null, 2],
      ['上月（旧）', 'ignored', 'hidden', 2],
      ['空表', 'ignored', 'empty', 0],
      ['模板', 'ignored', 'header_only', 1],
    ]);
    const flagged = (file.issues as (CliIssueJson & { cell?: string })[])
      .filter((i) => i.code.startsWith('exportui.workbook.formula_'))
      .map((i) => [i.cell, i.code.replace('exportui.workbook.formula_', ''), i.value]);
    expect(flagged).toEqual([
      ['H3', 'other_sheet', '=参考!B2'],
      ['F4', 'operand_not_number', '=SUM(C4:E4)'],
      ['G4', 'not_row_arithmetic', '=F3'],
      ['H5', 'other_sheet', '=VLOOKUP(A5,参考!A:B,2,0)'],
      ['G6', 'math_error', '=C6/(D6-E6)'],
    ]);
  });
});

describe('validate CLI: problems decided by the shipped classifier (docs/decisions/0007-problem-classifier-model.md)', () => {
  // A month's reports in the clerks' own register: hedges (有待加强), jargon (叫应), a paired
  // contrast (上热中温下冷) and statements with no rule keyword at all.
  const UNSURE = fx('problems-unsure.csv');
  const loaded = loadShippedModel();
  if (!loaded.ok) throw new Error(loaded.error);
  const model = loaded.value;

  it("--json reports the model's category, its confidence (3 decimals) and its top 3", () => {
    const { code, doc } = cliJson(UNSURE);
    expect(code).toBe(0);
    expect(doc.problems.map((p) => [p.township, p.seq, p.category, p.classified_by])).toEqual([
      ['王家庄乡', 1, 'P02', 'model'],
      ['王家庄乡', 2, 'P07', 'model'],
      ['王家庄乡', 3, 'P08', 'model'],
      ['柳河镇', 1, 'P04', 'model'],
      ['柳河镇', 2, 'P08', 'model'],
      ['城北街道', 1, 'P01', 'model'],
      ['城北街道', 2, 'P08', 'model'],
    ]);
    // The first three have no rule keyword of their category: the rules alone would say P99.
    expect(doc.problems.slice(0, 3).map((p) => classifyStatement(p.text).category)).toEqual([
      'P99',
      'P99',
      'P99',
    ]);
    for (const p of doc.problems) {
      // The CLI's decision is the one the app computes with the same asset.
      const d = classifyWithModel(model, p.text);
      expect(p.category).toBe(d.category);
      expect(p.confidence).toBe(Math.round(d.confidence * 1000) / 1000);
      expect(p.alternatives).toEqual(
        d.top.map((t) => ({ category: t.category, score: Math.round(t.probability * 1000) / 1000 })),
      );
      expect(p.alternatives).toHaveLength(3);
      expect(p.alternatives[0]).toEqual({ category: p.category, score: p.confidence });
      const scores = p.alternatives.map((a) => a.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const x of [p.confidence, ...scores]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(Math.round(x * 1000)).toBeCloseTo(x * 1000, 6);
      }
    }
    expect(doc.problems.filter((p) => p.low_confidence).map((p) => [p.township, p.seq])).toEqual([
      ['柳河镇', 1],
      ['柳河镇', 2],
    ]);
    expect(doc.problems.filter((p) => p.low_confidence).every((p) => p.confidence < 0.65)).toBe(true);
  });

  it('the human report names each low-confidence statement with its file:line and alternatives', () => {
    const zh = cli(...TODAY, UNSURE);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('存在问题：7 条表述，由分类模型归类；其中 2 条置信度低于 0.65，待确认：');
    const lines = zh.stdout.split('\n').filter((l) => l.includes('置信度 0.'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      `${UNSURE}:3：柳河镇 2026-10 第 1 条 "个别网格员巡查频次不够，发现问题后未及时上报" → P04`,
    );
    expect(lines[0]).toMatch(/备选：P11 .+ 0\.\d{3}，P10 .+ 0\.\d{3}/);
    expect(lines[1]).toContain('"少数经营户对消防通道“叫应”不及时" → P08');
    // Confident statements are counted, not listed.
    expect(zh.stdout).not.toContain('临水临崖');
    const en = cli('--lang', 'en', ...TODAY, UNSURE);
    expect(en.stdout).toContain(
      'Problems: 7 statements classified by the model; 2 with confidence below 0.65, to confirm:',
    );
    const clean = cli(...TODAY, fx('clean.csv'));
    expect(clean.stdout).toContain('存在问题：6 条表述，由分类模型归类，置信度均不低于 0.65');
  });

  it('exits 2 naming the asset when the model cannot be loaded, instead of falling back to the rules', () => {
    const r = run(
      ['--json', ...TODAY, UNSURE],
      () => '2026-11-29',
      () => err('Unexpected end of JSON input'),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('public/models/problem-classifier.json');
    expect(r.stderr).toContain('Unexpected end of JSON input');
    noStackTrace(r.stderr);
  });
});

describe('validate CLI: Word and text monthly reports (issue 11)', () => {
  const SEED = 'tests/fixtures/problems/xiaozhao-2022-04-report.txt';
  const DOCX = 'tests/fixtures/reports/docx/R2-02.docx';
  const DOC = 'tests/fixtures/reports/doc/R1-01.doc';

  interface ReportRecordJson {
    township: string;
    period: string;
    period_scope: string;
    report_date: string | null;
    hazards_found: number | null;
    hazards_rectified: number | null;
    inspector_person_times: number | null;
    problems_text: string | null;
    next_steps_text: string | null;
    approx: string[];
    source: { file: string; line: number | null };
    evidence: { field: string; value: number | string; phrase: string; line: number }[];
    other_facts: { phrase: string; value: number; unit: string | null; line: number }[];
  }

  it('reads the seed .txt, a .docx and a .doc as one township_month record each, with evidence and other facts', () => {
    const { code, doc } = cliJson(SEED, DOCX, DOC);
    expect(code).toBe(0);
    expect(doc.files.map((f) => [f.file, f.format, f.status, f.counts])).toEqual([
      [SEED, 'txt', 'ok', { total: 1, accepted: 1, rejected: 0, ignored: 0 }],
      [DOCX, 'docx', 'ok', { total: 1, accepted: 1, rejected: 0, ignored: 0 }],
      [DOC, 'doc', 'ok', { total: 1, accepted: 1, rejected: 0, ignored: 0 }],
    ]);
    expect(doc.files[0]?.encoding).toBe('utf-8');
    const records = doc.township_month as unknown as ReportRecordJson[];
    const seed = records.find((r) => r.source.file === SEED);
    expect(seed).toMatchObject({
      township: '小召乡',
      period: '2022-04',
      period_scope: 'month',
      report_date: '2022-04-27',
      hazards_found: null,
      hazards_rectified: null,
    });
    // Every count null (never 0): the seed states none.
    expect(seed?.inspector_person_times).toBeNull();
    expect(seed?.next_steps_text).toMatch(/^（一）持续加大教育力度/);
    expect(seed?.other_facts).toContainEqual(
      expect.objectContaining({ value: 6, unit: '挂', phrase: '共查获烟花爆竹6挂' }),
    );
    expect(seed?.evidence.find((e) => e.field === 'report_date')).toMatchObject({
      value: '2022-04-27',
      line: 39,
    });
    const seedProblems = doc.problems.filter((p) => p.source.file === SEED);
    expect(seedProblems.map((p) => p.category)).toEqual(['P01', 'P02', 'P03']);

    const docx = records.find((r) => r.source.file === DOCX);
    expect(docx).toMatchObject({
      township: '西关街道',
      period: '2023-07',
      report_date: '2023-07-27',
      hazards_found: 29,
      hazards_rectified: 25,
    });
    const found = docx?.evidence.find((e) => e.field === 'hazards_found');
    expect(found?.phrase).toMatch(/二十九处|29处/);
    const docRecord = records.find((r) => r.source.file === DOC);
    expect(docRecord).toMatchObject({
      township: '小召乡',
      period: '2023-02',
      hazards_found: 23,
      hazards_rectified: 19,
    });
    expect(docRecord?.approx).toContain('inspector_person_times');
    // A report's statements name the paragraph they were written in.
    const withLine = doc.problems.filter((p) => p.source.file === DOC) as unknown as {
      paragraph_line: number | null;
    }[];
    expect(withLine.length).toBeGreaterThan(0);
    expect(withLine.every((p) => typeof p.paragraph_line === 'number')).toBe(true);
  });

  it('sends a CSV saved as .txt down the table path, and rejects a notice and a password-protected file', () => {
    // A CSV saved as .txt (written here, not under tests/fixtures, whose table files have a golden snapshot).
    const dir = mkdtempSync(join(tmpdir(), 'validate-report-'));
    const asTxt = join(dir, 'table-saved-as.txt');
    writeFileSync(asTxt, readFileSync(fx('clean.csv')));
    const { code, doc } = cliJson(
      asTxt,
      'tests/fixtures/reports/hostile/meeting-notice.docx',
      'tests/fixtures/reports/hostile/password-protected.docx',
    );
    expect(code).toBe(1);
    const [table, notice, locked] = doc.files;
    expect(table).toMatchObject({
      format: 'csv',
      status: 'ok',
      counts: { total: 4, accepted: 3, rejected: 0, ignored: 1 },
    });
    expect(notice).toMatchObject({ format: 'docx', status: 'rejected' });
    expect(notice?.issues.map((i) => i.code)).toEqual(['reportui.not_a_report']);
    expect(notice?.issues[0]?.message).toContain('不是安全生产月报告');
    expect(locked).toMatchObject({ status: 'rejected' });
    expect(locked?.issues.map((i) => i.code)).toEqual(['ingest.report_encrypted']);
    for (const f of doc.files) expectCountsAddUp(f);
    expect(doc.township_month.map((r) => r.source.file)).toEqual([asTxt, asTxt, asTxt]);
  });

  it('checks a report township against --townships like a CSV row: 西关街道 is not on the list', () => {
    const { code, doc } = cliJson('--townships', fx('townships.json'), DOCX, DOC);
    const [xiguan, xiaozhao] = doc.files;
    expect(code).toBe(1);
    expect(xiguan?.counts).toEqual({ total: 1, accepted: 0, rejected: 1, ignored: 0 });
    const err = xiguan?.issues.find((i) => i.field === 'township' && i.severity === 'error');
    expect(err?.value).toBe('西关街道');
    expect(err?.line).toBe(2);
    expect(xiaozhao?.counts.accepted).toBe(1);
    expect(doc.township_month.map((r) => r.township)).toEqual(['小召乡']);
  });
});
