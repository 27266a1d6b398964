/** Problem statements in the validator CLI's `--json` "problems" array shape. */
import { classifyWithModel, isLowConfidence, type ProblemModel } from './problem-model';
import type { CategoryCode, ProblemStatement } from './types';

/** One of the model's three most probable categories, best first. */
export interface ExportedAlternative {
  readonly category: CategoryCode;
  /** Calibrated probability, 3 decimals. */
  readonly score: number;
}

export interface ExportedProblem {
  readonly township: string;
  readonly period: string;
  readonly seq: number;
  readonly text: string;
  readonly category: CategoryCode;
  /** 'model' unless the file (or the user) gave the category, which is never overridden. */
  readonly classified_by: 'model' | 'file' | 'manual';
  /** Calibrated probability of `category` (0–1, 3 decimals); 1 when the file gave it. */
  readonly confidence: number;
  /** True when the model's confidence is below LOW_CONFIDENCE_BELOW: a statement to confirm. */
  readonly low_confidence: boolean;
  /** The model's top 3 (its own view, also when the file gave the category). */
  readonly alternatives: readonly ExportedAlternative[];
  readonly secondary_categories: readonly CategoryCode[];
  readonly keywords_matched: readonly string[];
  readonly source: { readonly file: string; readonly line: number | null };
}

const round3 = (p: number): number => Math.round(p * 1000) / 1000;

/**
 * Maps statements to the CLI's "problems" shape, in input order, with the statistical model's
 * decision (docs/decisions/0007-problem-classifier-model.md): for a statement the rules
 * classified, the category, confidence, secondary categories and supporting keywords are
 * `classifyWithModel`'s, the decision the app uses; a category from the file or a manual one is
 * kept with confidence 1. Only the listed fields are copied (no batch ids, no match offsets);
 * arrays are copied so the output is plain JSON data.
 */
export function problemsForExport(
  statements: readonly ProblemStatement[],
  model: ProblemModel,
): ExportedProblem[] {
  return statements.map((s) => {
    const d = classifyWithModel(model, s.text);
    const given = s.classified_by === 'file' || s.classified_by === 'manual';
    return {
      township: s.township,
      period: s.period,
      seq: s.seq,
      text: s.text,
      category: given ? s.category : d.category,
      classified_by: given ? (s.classified_by as 'file' | 'manual') : 'model',
      confidence: given ? s.confidence : round3(d.confidence),
      low_confidence: !given && isLowConfidence(d.confidence),
      alternatives: d.top.map((t) => ({ category: t.category, score: round3(t.probability) })),
      secondary_categories: given ? [...s.secondary_categories] : [...d.secondary_categories],
      keywords_matched: given ? [...s.keywords_matched] : [...d.keywords_matched],
      source: { file: s.source.file, line: s.source.line },
    };
  });
}
