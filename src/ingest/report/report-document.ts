/** One block of a report as a reader sees it, in document order. */
export interface ReportBlock {
  readonly kind: 'paragraph' | 'table';
  /** Paragraph text with any automatic-numbering label restored at the start (e.g. '（一）加强…'); for a table, its rows' cells joined by '\t' and rows by '\n'. */
  readonly text: string;
  /** The automatic-numbering label when it came from Word numbering (not typed), e.g. '一、'. */
  readonly label?: string;
  /** Table cells (kind 'table' only), trimmed. */
  readonly rows?: readonly (readonly string[])[];
  /** 1-based position: the paragraph/table index for Word files, the physical line for text. */
  readonly line: number;
  /** 'title' | 'heading' | 'center' | 'right' when the source says so (style or alignment). */
  readonly hint?: 'title' | 'heading' | 'center' | 'right';
}
export interface ReportDocument {
  readonly format: 'docx' | 'doc' | 'txt' | 'paste';
  readonly encoding?: string;
  readonly blocks: readonly ReportBlock[];
  /** What the reader skipped on purpose, by name (headers, footers, comments, page numbers…). */
  readonly skipped: readonly { readonly what: string; readonly count: number }[];
}
