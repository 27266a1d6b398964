/**
 * The sample month of reports (public/sample/reports/, npm run generate:sample-reports): every
 * report, read back as a .docx through the app's report reader and extractor, gives exactly the
 * values it was generated from (township, month, report date, the counts it states and null for the
 * rest, its problems and next steps), with no conflict; the month is one the bundled sample does
 * not hold; and the committed files are the generator's current output, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { normaliseProblem } from '../../src/ingest/report/report-accuracy';
import { REPORT_COUNT_FIELDS } from '../../src/ingest/report/count-rules';
import { extractReport } from '../../src/ingest/report/extract-report';
import { readReportFile } from '../../src/ingest/report/read-report';
import { SAMPLE_PROFILES } from './district';
import { buildSampleDataset } from './files';
import { buildSampleReportFiles } from './sample-report-files';
import {
  buildSampleReports,
  SAMPLE_REPORT_DIR,
  SAMPLE_REPORT_PERIOD,
  SAMPLE_REPORT_ZIP,
  type SampleReportIndex,
} from './sample-reports';

const PUBLIC = join(import.meta.dirname, '..', '..', 'public');
const townships = SAMPLE_PROFILES.map((p) => p.township);
const reports = buildSampleReports();
const files = await buildSampleReportFiles();

describe('sample month of reports', () => {
  it('has one report per sample township, for a month the sample does not hold', () => {
    expect(reports.map((r) => r.township)).toEqual(townships.map((t) => t.name));
    expect(new Set(reports.map((r) => r.period))).toEqual(new Set([SAMPLE_REPORT_PERIOD]));
    const held = new Set(buildSampleDataset().townshipMonths.map((r) => r.period));
    expect(held.has(SAMPLE_REPORT_PERIOD)).toBe(false);
  });

  describe.each(reports.map((r) => [r.township, r] as const))('%s', (_name, r) => {
    const bytes = files.get(`${SAMPLE_REPORT_DIR}/${r.fileName}`);
    const routed = readReportFile(bytes ?? new Uint8Array());
    if (routed.route !== 'report' || !routed.result.ok) throw new Error(`${r.fileName} not read`);
    const doc = routed.result.value;
    const x = extractReport(doc, { fileName: r.fileName, townships });

    it('extracts township, month and report date', () => {
      expect(doc.format).toBe('docx');
      expect([x.record.township, x.record.period, x.record.report_date]).toEqual([
        r.township,
        r.period,
        r.reportDate,
      ]);
    });

    it('extracts every count it states, and nothing else', () => {
      const got = Object.fromEntries(REPORT_COUNT_FIELDS.map((f) => [f, x.record[f]]));
      const want = Object.fromEntries(REPORT_COUNT_FIELDS.map((f) => [f, r.counts[f] ?? null]));
      expect(got).toEqual(want);
      expect(x.record.approx).toEqual([]);
      expect(x.issues.filter((i) => i.severity === 'error' || i.code.startsWith('report.count'))).toEqual([]);
    });

    it('splits its problems and keeps its next steps', () => {
      expect(x.problems.map((p) => normaliseProblem(p.text))).toEqual(r.problems.map(normaliseProblem));
      for (const s of r.nextSteps) expect(x.record.next_steps_text).toContain(s);
    });
  });

  it('are committed as generated (re-run npm run generate:sample-reports after changes)', () => {
    for (const [rel, bytes] of files) {
      const committed = new Uint8Array(readFileSync(join(PUBLIC, rel)));
      expect(committed.length, rel).toBe(bytes.length);
      expect(Buffer.from(committed).equals(Buffer.from(bytes)), rel).toBe(true);
    }
  });

  it('index.json lists every report and the zip holds them under their download names', () => {
    const index = JSON.parse(
      strFromU8(files.get(`${SAMPLE_REPORT_DIR}/index.json`) ?? new Uint8Array()),
    ) as SampleReportIndex;
    expect(index.period).toBe(SAMPLE_REPORT_PERIOD);
    expect(index.files.map((f) => f.path)).toEqual(reports.map((r) => r.fileName));
    expect(index.zip.path).toBe(SAMPLE_REPORT_ZIP);
    const zip = unzipSync(files.get(`${SAMPLE_REPORT_DIR}/${SAMPLE_REPORT_ZIP}`) ?? new Uint8Array());
    expect(Object.keys(zip).sort()).toEqual(index.files.map((f) => f.download_name).sort());
    for (const f of index.files) {
      expect(zip[f.download_name]?.length).toBe(f.bytes);
      expect(f.path).toMatch(/^[0-9A-Za-z_.-]+\.docx$/u);
    }
  });
});
