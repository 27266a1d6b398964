/**
 * The files of the sample month of reports, by path relative to public/ (the .docx files, their
 * zip and index.json). Pure apart from rendering: tests compare them with the committed files.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { FIXED_DATE, renderDocx } from '../report-docx';
import { SAMPLE_SEED } from './district';
import {
  buildSampleReports,
  SAMPLE_REPORT_DIR,
  SAMPLE_REPORT_ZIP,
  sampleReportIndex,
  type SampleReport,
} from './sample-reports';

/** Renders one sample report; `variant` alternates Word's Chinese counting formats as the fixtures do. */
export const renderSampleReport = (r: SampleReport, variant: number): Promise<Uint8Array> =>
  renderDocx(r.doc, variant);

export async function buildSampleReportFiles(seed: number = SAMPLE_SEED): Promise<Map<string, Uint8Array>> {
  const reports = buildSampleReports(seed);
  const files = new Map<string, Uint8Array>();
  const sizes = new Map<string, number>();
  const zipped: Zippable = {};
  for (const [i, r] of reports.entries()) {
    const bytes = await renderSampleReport(r, i);
    files.set(`${SAMPLE_REPORT_DIR}/${r.fileName}`, bytes);
    sizes.set(r.fileName, bytes.length);
    // Stored, not deflated: a .docx is already compressed.
    zipped[r.downloadName] = [bytes, { mtime: FIXED_DATE, level: 0 }];
  }
  const zip = zipSync(zipped);
  files.set(`${SAMPLE_REPORT_DIR}/${SAMPLE_REPORT_ZIP}`, zip);
  const index = sampleReportIndex(reports, sizes, zip.length);
  files.set(`${SAMPLE_REPORT_DIR}/index.json`, strToU8(`${JSON.stringify(index, null, 2)}\n`));
  return files;
}
