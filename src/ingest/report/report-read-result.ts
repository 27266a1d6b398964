/** What a report reader returns: a document, or a rejection whose message goes through i18n. */
import type { Result } from '../../domain/result';
import type { MessageKey } from '../../i18n/catalog';
import type { ReportDocument } from './report-document';

export interface ReportReadRejection {
  readonly code: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ReportReadResult = Result<ReportDocument, ReportReadRejection>;

export const rejectReport = (
  code: MessageKey,
  params: Record<string, string | number> = {},
): { ok: false; error: ReportReadRejection } => ({ ok: false, error: { code, params } });

/** Limits the readers apply before and while unpacking (a zip bomb is rejected, not inflated). */
export interface ReportReadLimits {
  /** Largest file accepted, bytes. */
  readonly maxBytes: number;
  /** Largest uncompressed size of any one part read from a docx, bytes. */
  readonly maxPartBytes: number;
}

export const DEFAULT_REPORT_LIMITS: ReportReadLimits = { maxBytes: 20 * 1024 * 1024, maxPartBytes: 64 * 1024 * 1024 };
