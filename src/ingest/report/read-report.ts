/**
 * The one entry point for a report file: bytes → ReportDocument or a rejection (never a throw),
 * deciding by content (sniff-report.ts). A text file that is a CSV table answers `{ route: 'csv' }`
 * so the caller sends it down the table pipeline instead.
 */
import { decodeBytes } from '../decode-bytes';
import { readDoc } from './read-doc';
import { readDocx } from './read-docx';
import { readTextReport } from './read-text-report';
import { DEFAULT_REPORT_LIMITS, rejectReport, type ReportReadLimits, type ReportReadResult } from './report-read-result';
import { sniffContainer, sniffTextKind } from './sniff-report';

export type ReportRoute = { readonly route: 'report'; readonly result: ReportReadResult } | { readonly route: 'csv' };

export function readReportFile(bytes: Uint8Array, limits: ReportReadLimits = DEFAULT_REPORT_LIMITS): ReportRoute {
  const report = (result: ReportReadResult): ReportRoute => ({ route: 'report', result });
  if (bytes.length > limits.maxBytes)
    return report(rejectReport('ingest.report_too_large', { size: bytes.length, max: limits.maxBytes }));
  const sniffed = sniffContainer(bytes);
  switch (sniffed.kind) {
    case 'empty':
      return report(rejectReport('ingest.report_empty'));
    case 'docx':
      return report(readDocx(bytes, limits));
    case 'corrupt-zip':
      return report(rejectReport('ingest.report_corrupt_zip'));
    case 'zip':
      return report(
        sniffed.zip === 'xlsx' ? rejectReport('ingest.report_is_xlsx') : rejectReport('ingest.report_other_zip', { kind: sniffed.zip }),
      );
    case 'cfb':
      return report(readDoc(bytes));
    case 'pdf':
      return report(rejectReport('ingest.format_pdf'));
    case 'binary':
      return report(rejectReport('ingest.report_unknown_binary'));
    case 'text': {
      const decoded = decodeBytes(bytes);
      if (decoded.ok && sniffTextKind(decoded.value.text) === 'csv') return { route: 'csv' };
      return report(readTextReport(bytes));
    }
  }
}
