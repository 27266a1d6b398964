/**
 * What a township's Word/text report keeps next to its township-month record (issue 11,
 * docs/decisions/0006-report-readers.md): the text as read, its sections, the evidence for every
 * value, the numbers that are not field values (other facts) and the problem statements with
 * their paragraph. Plain structured-cloneable data (arrays, no Map), so it crosses the worker
 * boundary, is stored with the import batch in IndexedDB and survives a JSON backup.
 */
// No imports: src/ingest/types.ts names this type, and the extractor imports types.ts, so the
// shapes are restated here (structurally the extractor's FieldEvidence, OtherFact, ReportProblem
// and SectionKind; report-ingest.test.ts assigns one to the other) to keep the import graph acyclic.

export type SectionKind = 'preamble' | 'work' | 'problems' | 'next_steps' | 'closing';

export interface FieldEvidence {
  readonly field: string;
  readonly value: number | string;
  readonly approx: boolean;
  readonly phrase: string;
  readonly line: number;
  readonly source: 'text' | 'table' | 'title' | 'period_line' | 'body' | 'signature' | 'date';
}

export interface OtherFact {
  readonly phrase: string;
  readonly value: number;
  readonly unit: string | null;
  readonly line: number;
  readonly reason: 'no_field' | 'ytd' | 'not_a_value' | 'not_this_month' | 'other_section';
}

export interface ReportProblem {
  readonly seq: number;
  readonly text: string;
  readonly line: number | null;
}

/** One paragraph (or table, rows joined by tabs and newlines) as the reader saw it. */
export interface ReportTextBlock {
  readonly line: number;
  readonly kind: 'paragraph' | 'table';
  readonly text: string;
  /** The section the block is in; null for title, addressee, signature and date. */
  readonly section: SectionKind | null;
}

export interface ReportSectionRef {
  readonly kind: SectionKind;
  readonly heading: string | null;
  readonly line: number | null;
  /** Lines of the section's blocks. */
  readonly lines: readonly number[];
}

/** A value the clerk changed in the review screen: the field, what was read, what was confirmed. */
export interface ReportCorrection {
  readonly field: string;
  readonly from: string | number | null;
  readonly to: string | number | null;
}

/**
 * The values the clerk sees in the review form, before validation: strings for the text fields,
 * numbers (in the canonical unit) or null for the counts. `township` is the name as written when
 * it is not on the district list.
 */
export type ReportValues = Readonly<Record<string, string | number | null>>;

export interface ReportAttachment {
  readonly format: 'docx' | 'doc' | 'txt' | 'paste';
  readonly encoding: string | null;
  /** `ready`: every part found and the record accepted without a warning; else `needs_review`. */
  readonly status: 'ready' | 'needs_review';
  readonly blocks: readonly ReportTextBlock[];
  readonly sections: readonly ReportSectionRef[];
  readonly evidence: readonly FieldEvidence[];
  readonly otherFacts: readonly OtherFact[];
  readonly problems: readonly ReportProblem[];
  /** What the extractor read (before corrections), field → value; approx fields listed. */
  readonly extracted: ReportValues;
  readonly approx: readonly string[];
  /** The clerk's corrections (empty until the review screen confirms some). */
  readonly corrections: readonly ReportCorrection[];
  /** True once the clerk confirmed the report in the review screen. */
  readonly confirmed: boolean;
  /** What the reader skipped on purpose (headers, footers, comments…). */
  readonly skipped: readonly { readonly what: string; readonly count: number }[];
}
