/**
 * Types shared by the recurring-problems analysis (issue 4). See README.md in this folder.
 */
import type { Period } from '../../domain/month';
import type { ProblemCategoryCode } from '../../domain/problem-categories';
import type { SourceRef } from '../../domain/records';
import type { SectorCode } from '../../domain/sectors';

/** A user-defined category code: `U` followed by 1–20 letters, digits, `_` or `-` (e.g. `U01`). */
export type CustomCategoryCode = `U${string}`;

/** A built-in category (P01–P12, P99) or a user-defined one. */
export type CategoryCode = ProblemCategoryCode | CustomCategoryCode;

/**
 * Who decided a statement's category: the keyword rules (also the provisional decision until the
 * statistical model is loaded), the model (docs/decisions/0007), the user, or the file.
 */
export type ClassifiedBy = 'rule' | 'model' | 'manual' | 'file';

/** One of the model's most probable categories for a statement. */
export interface CategoryAlternative {
  readonly category: CategoryCode;
  /** Calibrated probability, 0–1. */
  readonly probability: number;
}

/** One keyword hit: `text.slice(start, end) === term`; used for the reason and for highlighting. */
export interface KeywordMatch {
  readonly term: string;
  readonly category: CategoryCode;
  /** UTF-16 offsets into the statement's `text` (as `String.prototype.slice` takes them). */
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

/** One problem statement, from a split `problems_text` or an imported problem record. */
export interface ProblemStatement {
  /** Unique within a run: `${statementKey}#${seq}` (seq disambiguates identical texts). */
  readonly id: string;
  readonly township: string;
  readonly period: Period;
  /** 1-based order within the township-month. */
  readonly seq: number;
  readonly text: string;
  readonly category: CategoryCode;
  /** Other categories that scored, best first, without `category`. */
  readonly secondary_categories: readonly CategoryCode[];
  /** Distinct matched terms that support `category` (the reason shown to the user). */
  readonly keywords_matched: readonly string[];
  /** Every keyword hit of every category, with character ranges for highlighting. */
  readonly matches: readonly KeywordMatch[];
  readonly classified_by: ClassifiedBy;
  /** 0–1; 1 for manual and file categories, 0 for P99 by rule; the calibrated probability by model. */
  readonly confidence: number;
  /** The model's top three categories, best first (absent unless the model has classified it). */
  readonly alternatives?: readonly CategoryAlternative[];
  /** Normalised text for similarity (see normaliseStatementText). */
  readonly normalised: string;
  /** Sectors named in the text (docs/domain.md#sectors), in sector-list order. */
  readonly sectors: readonly SectorCode[];
  readonly source: SourceRef;
}
