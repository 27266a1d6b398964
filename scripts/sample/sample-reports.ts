/**
 * A month of monthly work-safety reports (安全生产工作月报告) for the sample district 云川区, as its 18
 * townships would send them: one Word report per township for SAMPLE_REPORT_PERIOD, the month after
 * the bundled sample's last month (SAMPLE_TO), so importing them adds a month to the sample instead
 * of conflicting with months it already holds. Pure and deterministic (seeded; no clock): returns
 * each report as corpus blocks (scripts/report-docx.ts renders them) together with the values it
 * states, which is what the report import must read back (scripts/sample/sample-reports.test.ts).
 *
 * The numbers come from the sample generator itself (scripts/sample/generate.ts, run one month
 * further with no missing reports), so the new month looks like the others. A report states the
 * report fields (docs/architecture.md, report import) that a clerk would write down: zero trainings
 * or drills are not mentioned (so they stay null: not reported), no accident is written as
 * 未发生生产安全事故，未发生人员伤亡 (accidents, deaths and injuries 0). Each report also carries the
 * distractors real reports have (a change on last month, a year-to-date total, an inventory, dates,
 * a document number, banners and other items), which must stay other facts.
 */
import { addMonths, periodMonth, periodYear, type Period } from '../../src/domain/month';
import type { Township } from '../../src/domain/records';
import type { ReportCountField } from '../../src/ingest/report/count-rules';
import { chineseCounting } from '../../src/ingest/report/number-format';
import type { CorpusBlock, CorpusReport } from '../report-docx';
import { SAMPLE_DISTRICT, SAMPLE_FROM, SAMPLE_PROFILES, SAMPLE_SEED, SAMPLE_TO } from './district';
import { buildSampleDataset, SAMPLE_SCENARIO } from './files';
import { generateDataset, type SampleTownshipMonth } from './generate';
import { createRng, deriveSeed, type Rng } from './prng';

/** The month the sample reports are for: the first month the bundled sample does not hold. */
export const SAMPLE_REPORT_PERIOD: Period = addMonths(SAMPLE_TO, 1);

/** Where the reports are written, relative to public/. */
export const SAMPLE_REPORT_DIR = 'sample/reports';

/** One generated report and what it states. */
export interface SampleReport {
  /** File name under SAMPLE_REPORT_DIR (ASCII: the township code and the month). */
  readonly fileName: string;
  /** The name a clerk would give it (used inside the zip and as the download name). */
  readonly downloadName: string;
  readonly township: string;
  readonly period: Period;
  readonly reportDate: string;
  /** The count fields the report states, with their values; every other count is not stated. */
  readonly counts: Readonly<Partial<Record<ReportCountField, number>>>;
  /** The 存在的问题 statements, in order, as written (without enumerators). */
  readonly problems: readonly string[];
  /** The 下步工作安排 text as written (without enumerators). */
  readonly nextSteps: readonly string[];
  readonly doc: CorpusReport;
}

const CN_DATE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cnYear = (y: number): string =>
  String(y)
    .split('')
    .map((d) => CN_DATE_DIGITS[Number(d)] ?? d)
    .join('');
/** 2 → 两 where Chinese writes it so (两次, 两期), else the counting numeral. */
const cnCount = (n: number): string => (n === 2 ? '两' : chineseCounting(n));

const FIRE_DAY = '11月9日';
const NEXT_STEPS_FALLBACK = [
  '持续抓好岁末年初安全生产各项工作，压实各方安全责任',
  '加强冬季防火、燃气使用和道路交通安全宣传，提升群众安全意识',
];

/** What the sample held in a month (for 较上月 and 1-N月累计 distractors consistent with the app's data). */
function rowsOf(rows: readonly SampleTownshipMonth[], township: string): Map<Period, SampleTownshipMonth> {
  return new Map(rows.filter((r) => r.township === township).map((r) => [r.period, r]));
}

interface Writer {
  readonly rng: Rng;
  readonly counts: Partial<Record<ReportCountField, number>>;
  /** Writes a number: Arabic, or for small counts sometimes in Chinese numerals. */
  num(field: ReportCountField | null, n: number): string;
}

function writer(rng: Rng, chinese: boolean): Writer {
  const counts: Partial<Record<ReportCountField, number>> = {};
  return {
    rng,
    counts,
    num(field, n) {
      if (field !== null) counts[field] = n;
      return chinese && n > 0 && n <= 999 && rng.chance(0.6) ? cnCount(n) : String(n);
    },
  };
}

/** The 本月 inspection figures: as prose, or as a small statistics table with a year-to-date row. */
function inspectionBlocks(
  w: Writer,
  row: SampleTownshipMonth,
  ytd: SampleTownshipMonth[] | null,
  asTable: boolean,
  label: (i: number) => string | undefined,
): CorpusBlock[] {
  const units = row.units_inspected;
  const insp = row.inspector_person_times;
  const found = row.hazards_found;
  const rect = row.hazards_rectified;
  const notices = row.rectification_notices;
  if (asTable && units !== null && found !== null && rect !== null && notices !== null) {
    w.counts.units_inspected = units;
    w.counts.hazards_found = found;
    w.counts.hazards_rectified = rect;
    w.counts.rectification_notices = notices;
    const header = ['项目', '检查单位（家次）', '排查隐患（处）', '已整改（处）', '下达整改通知书（份）'];
    const here = ['本月', String(units), String(found), String(rect), String(notices)];
    const rows: string[][] = [header, here];
    if (ytd) {
      const sum = (f: 'units_inspected' | 'hazards_found' | 'hazards_rectified' | 'rectification_notices') =>
        ytd.reduce((a, r) => a + (r[f] ?? 0), 0);
      rows.push([
        `1-${periodMonth(row.period)}月累计`,
        String(sum('units_inspected')),
        String(sum('hazards_found')),
        String(sum('hazards_rectified')),
        String(sum('rectification_notices')),
      ]);
    }
    const out: CorpusBlock[] = [
      { type: 'para', text: '隐患排查治理。本月检查情况见下表：', numbering: label(0) },
      { type: 'table', rows },
    ];
    if (insp !== null)
      out.push({ type: 'para', text: `本月共出动检查人员${w.num('inspector_person_times', insp)}人次。` });
    return out;
  }
  const parts: string[] = [];
  if (units !== null) parts.push(`检查生产经营单位${w.num('units_inspected', units)}家次`);
  if (insp !== null) parts.push(`出动检查人员${w.num('inspector_person_times', insp)}人次`);
  if (found !== null && found > 0) {
    parts.push(`排查各类安全隐患${w.num('hazards_found', found)}处`);
    const major = row.hazards_major_found;
    if (major !== null && major > 0) parts.push(`其中重大隐患${w.num('hazards_major_found', major)}处`);
    if (rect !== null) parts.push(`已整改${w.num('hazards_rectified', rect)}处`);
  }
  if (notices !== null && notices > 0) parts.push(`下达整改通知书${w.num('rectification_notices', notices)}份`);
  let text = `隐患排查治理。本月共${parts.join('，')}。`;
  if (found === 0) text += '本月检查中未发现较大安全隐患。';
  if (ytd) {
    const total = ytd.reduce((a, r) => a + (r.hazards_found ?? 0), 0);
    text += `1-${periodMonth(row.period)}月累计排查隐患${total}处。`;
  }
  return [{ type: 'para', text, numbering: label(0) }];
}

/** Builds one township's report for SAMPLE_REPORT_PERIOD. */
function buildReport(
  seed: number,
  township: Township,
  row: SampleTownshipMonth,
  problems: readonly string[],
  held: Map<Period, SampleTownshipMonth>,
): SampleReport {
  const rng = createRng(deriveSeed(seed, `report:${township.name}`));
  const w = writer(rng, rng.chance(0.35));
  const period = row.period;
  const year = periodYear(period);
  const month = periodMonth(period);
  const name = township.name;
  const isJiedao = township.type === 'jiedao';
  const unitWord = isJiedao ? '街道' : name.endsWith('乡') ? '乡' : '镇';
  const autoNumbering = rng.chance(0.6);
  // Report date: the generator's (a late one falls in the next month), else the 25th (due day).
  const reportDate = row.report_date ?? `${period}-25`;
  const [dy, dm, dd] = reportDate.split('-').map(Number) as [number, number, number];

  const heading = (i: number, text: string): CorpusBlock =>
    autoNumbering
      ? { type: 'heading', text, numbering: `${chineseCounting(i)}、` }
      : { type: 'heading', text: `${chineseCounting(i)}、${text}` };
  const itemLabel = (i: number): string => `（${chineseCounting(i)}）`;
  let item = 0;
  const workItem = (text: string): CorpusBlock => {
    item++;
    return autoNumbering
      ? { type: 'para', text, numbering: itemLabel(item) }
      : { type: 'para', text: `${itemLabel(item)}${text}` };
  };

  const blocks: CorpusBlock[] = [];
  const titleKind = rng.int(0, 2);
  if (titleKind === 0) {
    blocks.push({ type: 'para', text: `${name}安全生产工作月报告`, style: 'title' });
    blocks.push({ type: 'para', text: `（${year}年${String(month).padStart(2, '0')}月）`, align: 'center' });
  } else if (titleKind === 1) {
    blocks.push({ type: 'para', text: `${name}${year}年${month}月份安全生产工作情况报告`, style: 'title' });
  } else {
    blocks.push({
      type: 'para',
      text: `${name}${isJiedao ? '办事处' : '人民政府'}关于${year}年${month}月份安全生产工作的报告`,
      style: 'title',
    });
  }
  blocks.push({ type: 'para', text: rng.chance(0.5) ? '区政府安委会办公室：' : '区安委会办公室：' });
  const docNo = rng.int(20, 60);
  const inventory = rng.int(60, 420);
  blocks.push({
    type: 'para',
    text:
      `${month}月份，我${unitWord}按照区安委会《关于做好岁末年初安全防范工作的通知》（云安委〔${year}〕${docNo}号）要求，` +
      `以冬季防火、燃气安全和道路交通为重点，扎实开展安全生产各项工作。全${unitWord}共有生产经营单位${inventory}家，` +
      `现将本月工作情况报告如下：`,
  });

  blocks.push(heading(1, rng.chance(0.5) ? '开展的主要工作' : '主要工作开展情况'));
  // 1. Inspections.
  const ytdRows: SampleTownshipMonth[] = [];
  let ytdComplete = true;
  for (let m = 1; m < month; m++) {
    const r = held.get(`${year}-${String(m).padStart(2, '0')}`);
    if (r) ytdRows.push(r);
    else ytdComplete = false;
  }
  const ytd = ytdComplete ? [...ytdRows, row] : null;
  const before = blocks.length;
  blocks.push(...inspectionBlocks(w, row, ytd, rng.chance(0.3), () => undefined));
  // Number the first inspection block like the other work items.
  const first = blocks[before];
  if (first && first.type === 'para') blocks[before] = workItem(first.text ?? '');
  const prev = held.get(addMonths(period, -1));
  if (prev?.hazards_found != null && row.hazards_found !== null && prev.hazards_found !== row.hazards_found) {
    const d = row.hazards_found - prev.hazards_found;
    blocks.push({
      type: 'para',
      text: `与上月相比，排查隐患数${d > 0 ? '增加' : '减少'}${Math.abs(d)}处。`,
    });
  }

  // 2. Meetings.
  if (row.meetings_held !== null && row.meetings_held > 0) {
    const m = row.meetings_held;
    blocks.push(
      workItem(
        rng.chance(0.5)
          ? `会议部署。召开党委会、安委会等安全生产专题会议${w.num('meetings_held', m)}次，传达学习上级安全生产工作部署。`
          : `会议部署。本月共召开安全生产工作会议${w.num('meetings_held', m)}次，研究部署岁末年初安全防范工作。`,
      ),
    );
  }

  // 3. Training, publicity, warning education.
  const sentences: string[] = [];
  const trainings = row.trainings_held;
  const trainees = row.training_person_times;
  if (trainings !== null && trainings > 0) {
    const t = w.num('trainings_held', trainings);
    if (trainees !== null && trainees > 0) {
      sentences.push(
        rng.chance(0.5)
          ? `组织开展安全生产培训${t}期，参训${w.num('training_person_times', trainees)}人次`
          : `举办企业负责人和安全管理人员培训班${t}期，共计${w.num('training_person_times', trainees)}人次参加`,
      );
    } else sentences.push(`组织开展安全生产培训${t}期`);
  }
  if (row.warning_edu_sessions !== null && row.warning_edu_sessions > 0)
    sentences.push(`组织干部职工观看警示教育片${w.num(null, row.warning_edu_sessions)}场`);
  if (row.leaflets_distributed !== null && row.leaflets_distributed > 0) {
    const banners = rng.int(5, 40);
    sentences.push(
      `利用${FIRE_DAY}全国消防日开展集中宣传，悬挂横幅${banners}条，发放宣传资料${w.num('leaflets_distributed', row.leaflets_distributed)}份`,
    );
  }
  if (sentences.length > 0) blocks.push(workItem(`宣传教育培训。${sentences.join('；')}。`));

  // 4. Drills.
  if (row.drills_held !== null && row.drills_held > 0) {
    const people = rng.int(4, 30) * 10;
    blocks.push(
      workItem(
        `应急演练。组织开展冬季消防疏散应急演练${w.num('drills_held', row.drills_held)}次，参演群众${people}余人。`,
      ),
    );
  }

  // 5. Accidents.
  if (row.accidents === 0) {
    w.counts.accidents = 0;
    w.counts.deaths = 0;
    w.counts.injuries = 0;
    blocks.push({ type: 'para', text: `本月${isJiedao ? '辖区' : `全${unitWord}`}未发生生产安全事故，未发生人员伤亡。` });
  } else if (row.accidents !== null && row.deaths !== null && row.injuries !== null) {
    const parts = [`本月辖区发生一般生产安全事故${w.num('accidents', row.accidents)}起`];
    if (row.injuries > 0) parts.push(`造成${w.num('injuries', row.injuries)}人受伤`);
    else {
      w.counts.injuries = 0;
      parts.push('未造成人员受伤');
    }
    if (row.deaths > 0) parts.push(`${w.num('deaths', row.deaths)}人死亡`);
    else {
      w.counts.deaths = 0;
      parts.push('无人员死亡');
    }
    blocks.push({
      type: 'para',
      text: `${parts.join('，')}。${unitWord === '街道' ? '街道' : `${unitWord}政府`}第一时间赶赴现场处置，并配合有关部门开展调查。`,
    });
  }

  // 存在的问题.
  blocks.push(heading(2, rng.chance(0.5) ? '存在的问题' : '存在的主要问题'));
  problems.forEach((p, i) => {
    blocks.push(
      autoNumbering
        ? { type: 'para', text: `${p}。`, numbering: `${i + 1}.` }
        : { type: 'para', text: `${itemLabel(i + 1)}${p}。` },
    );
  });

  // 下步工作安排.
  blocks.push(heading(3, '下步工作安排'));
  const nextSteps = row.next_steps_text
    ? [row.next_steps_text.replace(/。$/u, ''), NEXT_STEPS_FALLBACK[1] ?? '']
    : [...NEXT_STEPS_FALLBACK];
  nextSteps.forEach((s, i) => {
    blocks.push(
      autoNumbering
        ? { type: 'para', text: `${s}。`, numbering: itemLabel(i + 1) }
        : { type: 'para', text: `${itemLabel(i + 1)}${s}。` },
    );
  });
  blocks.push({ type: 'para', text: '特此报告。' });
  blocks.push({ type: 'para', text: isJiedao ? `${name}办事处` : `${name}人民政府`, align: 'right' });
  blocks.push({
    type: 'para',
    text: rng.chance(0.3)
      ? `${cnYear(dy)}年${chineseCounting(dm)}月${chineseCounting(dd)}日`
      : `${dy}年${dm}月${dd}日`,
    align: 'right',
  });

  const withHeader = rng.chance(0.5);
  const code = township.code ?? name;
  return {
    fileName: `${period}-${code}.docx`,
    downloadName: `${name}${year}年${month}月安全生产工作月报告.docx`,
    township: name,
    period,
    reportDate,
    counts: { ...w.counts },
    problems,
    nextSteps,
    doc: {
      id: `${period}-${code}`,
      doc: {
        header: withHeader ? `${name}安全生产委员会办公室` : null,
        footer: withHeader ? '第 1 页 共 2 页' : null,
        blocks,
      },
    },
  };
}

/**
 * The sample month of reports, one per township in official order. The month's numbers and
 * problems come from the sample generator run through SAMPLE_REPORT_PERIOD with every report
 * present; 较上月 and 累计 figures are computed from the bundled sample so they agree with it.
 */
export function buildSampleReports(seed: number = SAMPLE_SEED): SampleReport[] {
  const held = buildSampleDataset(seed).townshipMonths;
  const extended = generateDataset({
    seed,
    district: SAMPLE_DISTRICT,
    profiles: SAMPLE_PROFILES.map((p) => ({ ...p, missRate: 0, forcedMissing: [] })),
    from: SAMPLE_FROM,
    to: SAMPLE_REPORT_PERIOD,
    scenario: SAMPLE_SCENARIO,
  });
  return SAMPLE_PROFILES.map((p) => {
    const name = p.township.name;
    const row = extended.townshipMonths.find((r) => r.township === name && r.period === SAMPLE_REPORT_PERIOD);
    if (!row) throw new Error(`no ${SAMPLE_REPORT_PERIOD} row for ${name}`);
    const problems = extended.statements
      .filter((s) => s.township === name && s.period === SAMPLE_REPORT_PERIOD)
      .map((s) => s.text);
    return buildReport(seed, p.township, row, problems, rowsOf(held, name));
  });
}

/**
 * The index the app offers for download (public/sample/reports/index.json): data only (paths,
 * names, townships, month); the link texts are the app's own, through i18n.
 */
export interface SampleReportIndex {
  readonly district: string;
  readonly period: Period;
  /** The last month the bundled sample holds (the reports are for the month after it). */
  readonly sample_to: Period;
  readonly zip: { readonly path: string; readonly download_name: string; readonly bytes: number };
  readonly files: readonly {
    readonly path: string;
    readonly download_name: string;
    readonly township: string;
    readonly period: Period;
    readonly report_date: string;
    readonly bytes: number;
  }[];
}

/** The zip's file name under SAMPLE_REPORT_DIR. */
export const SAMPLE_REPORT_ZIP = `yunchuan-${SAMPLE_REPORT_PERIOD}-reports.zip`;

export function sampleReportIndex(
  reports: readonly SampleReport[],
  sizes: ReadonlyMap<string, number>,
  zipBytes: number,
): SampleReportIndex {
  const [y, m] = SAMPLE_REPORT_PERIOD.split('-').map(Number) as [number, number];
  return {
    district: SAMPLE_DISTRICT,
    period: SAMPLE_REPORT_PERIOD,
    sample_to: SAMPLE_TO,
    zip: {
      path: SAMPLE_REPORT_ZIP,
      download_name: `${SAMPLE_DISTRICT}${y}年${m}月安全生产工作月报告（示例）.zip`,
      bytes: zipBytes,
    },
    files: reports.map((r) => ({
      path: r.fileName,
      download_name: r.downloadName,
      township: r.township,
      period: r.period,
      report_date: r.reportDate,
      bytes: sizes.get(r.fileName) ?? 0,
    })),
  };
}
