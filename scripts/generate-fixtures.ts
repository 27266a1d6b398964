/**
 * Writes byte-exact ingest fixtures into tests/fixtures/ingest/ (run: npm run generate:fixtures).
 * Node has no GB18030 encoder, so one is built by decoding every two-byte GB18030 sequence once
 * and inverting the map. The output is committed so tests read real bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'ingest');

let gbMap: Map<string, number[]> | null = null;

/** Encodes text as GB18030 (two-byte range plus ASCII); throws on a character outside it. */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbMap) {
    gbMap = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbMap.has(ch)) gbMap.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbMap.get(ch);
      if (!bytes) throw new Error(`No GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);

/** The Chinese-Excel export: title, 填报单位 metadata, two-row merged header, 合计, 填表人 footer. */
export const EXCEL_EXPORT_CSV = [
  '某某区各乡镇安全生产工作月报汇总表,,,,,,,,,,',
  '填报单位：某某区安委办（盖章）,,,,,,,,,,',
  '序号,乡镇（街道）,月份,隐患排查治理,,,,培训,,整改资金（元）,备注',
  ',,,排查隐患（处）,已整改（处）,其中重大隐患（处）,整改率,场次,人次,,',
  '1,小召乡,2022年4月,6处,6,0,100%,2,85,25000,',
  '2,城关镇,2022年4月,12,10,1,83.3%,3,150余,120000,"整改中,\n预计5月完成"',
  '3,东关街道,2022年4月,8,9,0,,1,40,,',
  '4,西山镇,2022年4月,5,4,0,80%,0,,,',
  '合计,,,31,29,1,,6,275,145000,',
  '填表人：张三  联系电话：0371-1234567,,,,,,,,,,',
  '',
].join('\r\n');

export const TAB_TEXT = [
  '乡镇\t月份\t排查隐患（处）\t已整改（处）',
  '小召乡\t2022-04\t6\t6',
  '城关镇\t2022-04\t12\t10',
  '',
].join('\r\n');

const FILES: Record<string, Uint8Array> = {
  'excel-export-gb18030.csv': encodeGb18030(EXCEL_EXPORT_CSV),
  'excel-export-utf8.csv': utf8(EXCEL_EXPORT_CSV),
  'excel-export-utf8-bom.csv': withBom(EXCEL_EXPORT_CSV),
  'excel-export-utf16le-tab.txt': utf16le(
    EXCEL_EXPORT_CSV.replace(/,/g, '\t').replace('整改中\t', '整改中,'),
  ),
  'unicode-text-utf16le.txt': utf16le(TAB_TEXT),
  'semicolon.csv': utf8('乡镇;月份;隐患数\n城关镇;2022-04;6\n'),
  'pipe.csv': utf8('乡镇|月份|隐患数\n城关镇|2022-04|6\n小召乡|2022-04|3\n'),
  'tab.tsv': utf8('乡镇\t月份\t隐患数\n城关镇\t2022-04\t6\n'),
  'fullwidth-comma.csv': utf8('乡镇，月份，隐患数\n城关镇，2022-04，6\n小召乡，2022-04，3\n'),
  'unterminated-quote.csv': utf8(
    '乡镇,月份,隐患数\n小召乡,2022-04,6\n城关镇,"2022年4月,6\n东关街道,2022-04,8\n',
  ),
  'truncated-gb18030.csv': encodeGb18030('乡镇,月份,隐患数\n城关镇,2022-04,6\n小召乡,2022-04,3\n城关').slice(
    0,
    -1,
  ),
  'xlsx-magic.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
  'html-as-xls.xls': utf8(
    '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<body><table><tr><td>乡镇</td></tr></table></body></html>\n',
  ),
  'canonical.json': utf8(
    JSON.stringify(
      {
        schema_version: '1',
        district: '示例区',
        townships: [
          { name: '小召乡', type: 'xiang', code: null, aliases: ['小召', '小召乡人民政府'] },
          { name: '城关镇', type: 'zhen', code: null, aliases: [] },
        ],
        township_month: [
          {
            township: '小召乡',
            period: '2022-04',
            period_scope: 'month',
            report_date: '2022-04-27',
            hazards_found: null,
            meetings_held: 2,
            warning_edu_sessions: 1,
            publicity_events: 1,
            illegal_cases: 1,
            focus_sectors: ['fireworks', 'industry_trade', 'construction'],
          },
          {
            township: '城关镇',
            period: '2022-04',
            hazards_found: 12,
            hazards_rectified: 10,
            trainings_held: 3,
            training_person_times: 150,
          },
        ],
        hazards: [
          {
            township: '小召乡',
            date_found: '2022-04-05',
            sector: 'fireworks',
            level: 'general',
            description: '街边商铺违规存放烟花爆竹（2014年生产）6挂',
            status: 'rectified',
            rectified_date: '2022-04-05',
          },
        ],
        problems: [
          { township: '小召乡', period: '2022-04', text: '企业主体责任落实不完全到位。', category: 'P01' },
        ],
      },
      null,
      2,
    ),
  ),
  'array-chinese-keys.json': withBom(
    JSON.stringify([
      { 乡镇: '城关镇', 月份: '2022年4月', 隐患数: 6, 已整改: '6处' },
      { 乡镇: '小召乡', 月份: '2022-04', 隐患数: '3', 已整改: 2 },
    ]),
  ),
  'lines.jsonl': utf8(
    '{"乡镇":"城关镇","月份":"2022-04","隐患数":6}\n{"乡镇":"小召乡","月份":"2022-04","隐患数":3}\n\n{"乡镇":"东关街道","月份":"2022-04","隐患数":-1}\n',
  ),
  'proto.json': utf8('[{"乡镇":"城关镇","月份":"2022-04","__proto__":{"x":1}}]'),
  'error-envelope.json': utf8('{"code":500,"msg":"系统异常","data":null}'),
  'hazard-ledger.csv': withBom(
    [
      '乡镇,村（社区）,被检查单位,行业领域,发现日期,隐患描述,隐患等级,整改情况,整改完成日期',
      '小召乡,小召村,某某商店,烟花爆竹,2022-04-05,违规存放烟花爆竹6挂,一般,已整改,2022-04-05',
      '城关镇,东街社区,某某加油站,危险化学品,2022/4/12,消防器材过期,一般,整改中,',
      '城关镇,西街社区,某某超市,消防,2022-04-20,安全出口堵塞,一般,已整改,2022-04-18',
      '',
    ].join('\r\n'),
  ),
  'problems.csv': utf8(
    [
      '乡镇,月份,问题描述,问题类别',
      '小召乡,2022年4月,企业主体责任落实不完全到位,P01',
      '小召乡,2022年4月,个别行政村重视程度不够,',
      '',
    ].join('\n'),
  ),
};

/** Writes every fixture; returns the file names. */
export function writeFixtures(dir = OUT): string[] {
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(FILES)) writeFileSync(join(dir, name), bytes);
  return Object.keys(FILES);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  console.log(`wrote ${writeFixtures().length} fixtures to ${OUT}`);
}
