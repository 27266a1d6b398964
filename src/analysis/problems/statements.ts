/**
 * Builds ProblemStatements from both sources: a township-month's `problems_text` (split and
 * classified by rule) and itemised problem records (file category kept, else classified by rule).
 */
import type { Period } from '../../domain/month';
import type { Dataset, ProblemRecordInput, TownshipMonthRecord } from '../../domain/records';
import { sectorsInText } from '../../domain/sectors';
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement } from './classify';
import { splitProblemsText } from './split-statements';
import { fnv1aHex, normaliseStatementText } from './text';
import type { CategoryCode, ClassifiedBy, ProblemStatement } from './types';
import type { SourceRef } from '../../domain/records';

/**
 * A stable key for a statement that survives re-import: township, period and a hash of the
 * normalised text (punctuation and spacing changes keep the key). Two identical statements in the
 * same township-month share a key, and so share a manual reassignment.
 */
export function statementKey(township: string, period: Period, normalised: string): string {
  return `${township}\u001f${period}\u001f${fnv1aHex(normalised)}`;
}

/** Classifies one text into a full statement. A file category (non-null) wins over the rules. */
export function makeStatement(
  input: {
    township: string;
    period: Period;
    seq: number;
    text: string;
    source: SourceRef;
    fileCategory: CategoryCode | null;
  },
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): ProblemStatement {
  const normalised = normaliseStatementText(input.text);
  const c = classifyStatement(input.text, rules);
  const fromFile = input.fileCategory !== null;
  const category = fromFile ? input.fileCategory! : c.category;
  const classified_by: ClassifiedBy = fromFile ? 'file' : 'rule';
  return {
    id: `${statementKey(input.township, input.period, normalised)}#${input.seq}`,
    township: input.township,
    period: input.period,
    seq: input.seq,
    text: input.text,
    category,
    secondary_categories: fromFile
      ? [c.category, ...c.secondary_categories].filter((x) => x !== category && x !== 'P99')
      : c.secondary_categories,
    keywords_matched: fromFile
      ? [...new Set(c.matches.filter((m) => m.category === category).map((m) => m.term))]
      : c.keywords_matched,
    matches: c.matches,
    classified_by,
    confidence: fromFile ? 1 : c.confidence,
    normalised,
    sectors: sectorsInText(input.text),
    source: input.source,
  };
}

/**
 * Splits and classifies one township-month record's `problems_text`. null/blank text → [].
 * Year-to-date rows (period_scope 'ytd') are skipped: their text repeats the monthly reports.
 */
export function statementsFromTownshipMonth(
  record: TownshipMonthRecord,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): ProblemStatement[] {
  if (record.period_scope !== 'month') return [];
  return splitProblemsText(record.problems_text).map((s) =>
    makeStatement(
      {
        township: record.township,
        period: record.period,
        seq: s.seq,
        text: s.text,
        source: record.source,
        fileCategory: null,
      },
      rules,
    ),
  );
}

/**
 * Classifies imported problem records. `seq` numbers records per township-month in input order.
 * Blank texts are skipped (nothing to classify).
 */
export function statementsFromProblemRecords(
  records: readonly ProblemRecordInput[],
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): ProblemStatement[] {
  const seqs = new Map<string, number>();
  const out: ProblemStatement[] = [];
  for (const r of records) {
    const text = r.text.trim();
    if (text === '') continue;
    const k = `${r.township}\u001f${r.period}`;
    const seq = (seqs.get(k) ?? 0) + 1;
    seqs.set(k, seq);
    out.push(
      makeStatement(
        { township: r.township, period: r.period, seq, text, source: r.source, fileCategory: r.category },
        rules,
      ),
    );
  }
  return out;
}

/**
 * All statements of a dataset, ordered by township-month of first appearance then seq. Where a
 * township-month has itemised problem records, they win and its `problems_text` is not split (the
 * itemised list is the curated version of the same paragraph; using both would double count).
 */
export function buildProblemStatements(
  dataset: Pick<Dataset, 'townshipMonths' | 'problems'>,
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
): ProblemStatement[] {
  const itemised = statementsFromProblemRecords(dataset.problems, rules);
  const covered = new Set(itemised.map((s) => `${s.township}\u001f${s.period}`));
  const fromText = dataset.townshipMonths
    .filter((r) => !covered.has(`${r.township}\u001f${r.period}`))
    .flatMap((r) => statementsFromTownshipMonth(r, rules));
  return [...fromText, ...itemised];
}

/**
 * The months in which each township reported on problems: a monthly row whose `problems_text` is
 * not null (an empty list of problems is still a report), or any itemised problem record. Used by
 * recurrence to tell "reported, category absent" (breaks a streak) from "not reported" (pauses it).
 */
export function reportedProblemPeriods(
  dataset: Pick<Dataset, 'townshipMonths' | 'problems'>,
): Map<string, Set<Period>> {
  const out = new Map<string, Set<Period>>();
  const add = (t: string, p: Period): void => {
    const set = out.get(t) ?? new Set<Period>();
    set.add(p);
    out.set(t, set);
  };
  for (const r of dataset.townshipMonths)
    if (r.period_scope === 'month' && r.problems_text !== null) add(r.township, r.period);
  for (const r of dataset.problems) add(r.township, r.period);
  return out;
}
