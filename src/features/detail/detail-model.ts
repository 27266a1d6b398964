/**
 * The township-month detail panel's data: every field of the report(s) behind a heatmap cell, its
 * problem statements, its sources and the import issues raised for those source lines.
 */
import { cubeOf, type Cube } from '../../analysis/cube';
import { townshipMonthDetail, type TownshipMonthDetail } from '../../analysis/detail';
import {
  LEDGER_FIELDS,
  ledgerReportChecks,
  ledgerTallyKey,
  townshipMonthFigure,
  type Figure,
  type LedgerCheck,
  type LedgerField,
} from '../../analysis/hazard-figures';
import { splitProblemsText, type SplitStatement } from '../../analysis/problems/split-statements';
import type { Period } from '../../domain/month';
import type { Dataset, SourceRef } from '../../domain/records';
import type { IngestIssue } from '../../ingest/types';
import type { ImportEntry } from '../../store/types';

export interface DetailModel {
  readonly detail: TownshipMonthDetail;
  /** Statements split from each record's problems_text, in record order (same index as records). */
  readonly problems: readonly (readonly SplitStatement[])[];
  /** Import issues whose file and line are a source of this township-month. */
  readonly issues: readonly IngestIssue[];
  /** Each hazard figure as the charts use it, with its source, the report's and the ledger's numbers. */
  readonly figures: readonly HazardFigureRow[];
  /** Report vs ledger differences of this township-month (decision 0005). */
  readonly ledgerChecks: readonly LedgerCheck[];
}

export interface HazardFigureRow {
  readonly field: LedgerField;
  /** What every chart uses (docs/decisions/0005-ledger-and-report-totals.md). */
  readonly used: Figure;
  /** The report's value (null: blank or no report). */
  readonly report: number | null;
  /** The ledger's count, or null when no ledger covers the month. */
  readonly ledger: number | null;
}

/** The hazard figures of a township-month, or none when it has neither a report nor a ledger. */
export function hazardFigureRows(cube: Cube, township: string, period: Period): HazardFigureRow[] {
  const cell = cube.cell(township, period);
  const ledger = cube.ledgerTotal(township, period);
  if (!cell && !ledger) return [];
  return LEDGER_FIELDS.map((field) => {
    const key = ledgerTallyKey(field);
    return {
      field,
      used: townshipMonthFigure(cube, township, period, field),
      report: cell ? cell.values[field] : null,
      ledger: ledger && key ? ledger[key] : null,
    };
  });
}

/**
 * The import issues raised for the given source lines: same file name and same 1-based line.
 * A source without a line (JSON element) matches nothing, so no unrelated issue of the file is
 * shown. Issues are listed once each, in import order. No imports → [].
 */
export function issuesForSources(
  imports: readonly ImportEntry[],
  sources: readonly SourceRef[],
): IngestIssue[] {
  const wanted = new Map<string, Set<number>>();
  for (const s of sources) {
    if (s.line === null) continue;
    let lines = wanted.get(s.file);
    if (!lines) wanted.set(s.file, (lines = new Set()));
    lines.add(s.line);
  }
  const out: IngestIssue[] = [];
  const seen = new Set<IngestIssue>();
  for (const entry of imports)
    for (const issue of entry.result.issues) {
      if (issue.line === null || seen.has(issue)) continue;
      if (wanted.get(issue.file)?.has(issue.line)) {
        seen.add(issue);
        out.push(issue);
      }
    }
  return out;
}

/**
 * Everything the panel shows for a township (any alias) and month. Nothing recorded → empty
 * records, problems, sources and issues (the panel says 未报送).
 */
export function detailModel(
  dataset: Dataset,
  imports: readonly ImportEntry[],
  township: string,
  period: Period,
): DetailModel {
  const detail = townshipMonthDetail(dataset, township, period);
  const cube = cubeOf(dataset);
  return {
    detail,
    problems: detail.records.map((r) => splitProblemsText(r.problems_text)),
    issues: issuesForSources(imports, detail.sources),
    figures: hazardFigureRows(cube, detail.township, period),
    ledgerChecks: ledgerReportChecks(cube, { township: detail.township, period }),
  };
}
