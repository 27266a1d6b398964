/**
 * The problem-statement splitter lives in `src/domain/problem-split.ts` so that both the analysis
 * layer (CSV `problems_text`) and the ingest layer (Word/text reports, `src/ingest/report/`) use the
 * one grammar without breaking the layer rules of docs/architecture.md.
 */
export { splitProblemsText, type SplitStatement } from '../../domain/problem-split';
