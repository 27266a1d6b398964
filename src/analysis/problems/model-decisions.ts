/**
 * The statistical classifier's decisions applied to statements, and what follows from their
 * confidence (docs/decisions/0008-classifier-in-the-app.md): which statements wait for a person
 * (the 待确认 queue), which count towards recurrence, and which manual choices the model learns
 * from. Pure: the model runs elsewhere (a worker) and its decisions come in as a map by text.
 */
import { addMonths, type Period } from '../../domain/month';
import { keyOfStatement, type LearntExample, type ProblemEdits } from './edits';
import {
  classifyWithModel,
  LOW_CONFIDENCE_BELOW,
  SECONDARY_MIN_PROBABILITY,
  type ModelClassification,
  type ProblemModel,
} from './problem-model';
import type { CategoryAlternative, CategoryCode, ProblemStatement } from './types';

/** The model's decision for one statement text. */
export interface ModelDecision {
  readonly category: CategoryCode;
  readonly confidence: number;
  /** Top three, best first (the first is `category`). */
  readonly top: readonly CategoryAlternative[];
}

/** Statement text → the model's decision. */
export type ModelDecisions = ReadonlyMap<string, ModelDecision>;

/**
 * Below this calibrated confidence a model decision waits for a person (待确认) and does not count
 * towards recurrence: the model's one threshold, LOW_CONFIDENCE_BELOW (problem-model.ts).
 */
export const CONFIDENT_MIN = LOW_CONFIDENCE_BELOW;

/** A statement the model decided with less than CONFIDENT_MIN: it waits for a person. */
export const needsConfirmation = (s: Pick<ProblemStatement, 'classified_by' | 'confidence'>): boolean =>
  s.classified_by === 'model' && s.confidence < CONFIDENT_MIN;

/**
 * The counting rule of recurrence (overview, 通报, 问题 chronic list): a statement counts when a
 * person chose its category (manual), the file gave it, or the model is confident. The rule
 * classifier's decisions count only while the model is not available, and the UI says so.
 */
export const isCounted = (s: Pick<ProblemStatement, 'classified_by' | 'confidence'>): boolean =>
  !needsConfirmation(s);

/** Classifies texts with the model; the same model state and texts give the same decisions. */
export function decideTexts(model: ProblemModel, texts: Iterable<string>): Map<string, ModelDecision> {
  const out = new Map<string, ModelDecision>();
  for (const text of texts) {
    if (out.has(text)) continue;
    const c: ModelClassification = classifyWithModel(model, text);
    out.set(text, { category: c.category, confidence: c.confidence, top: c.top });
  }
  return out;
}

/**
 * Statements with the model's decisions: a statement classified by rule whose text has a decision
 * takes the model's category, confidence and top three (`classified_by: 'model'`); the highlighted
 * keywords are the rule hits of that category (none when no keyword supports it). File categories
 * and statements without a decision are unchanged. Input order is kept.
 */
export function withModelDecisions(
  statements: readonly ProblemStatement[],
  decisions: ModelDecisions,
): ProblemStatement[] {
  return statements.map((s) => {
    if (s.classified_by !== 'rule') return s;
    const d = decisions.get(s.text);
    if (!d) return s;
    return {
      ...s,
      category: d.category,
      confidence: d.confidence,
      alternatives: d.top,
      classified_by: 'model',
      secondary_categories: d.top
        .slice(1)
        .filter((t) => t.probability >= SECONDARY_MIN_PROBABILITY)
        .map((t) => t.category),
      keywords_matched: [...new Set(s.matches.filter((m) => m.category === d.category).map((m) => m.term))],
    };
  });
}

/**
 * The 待确认 queue: statements waiting for a person, least confident first, then newest month,
 * township and order in the month (a stable order: the same data gives the same queue).
 */
export function confirmationQueue(statements: readonly ProblemStatement[]): ProblemStatement[] {
  return statements
    .filter(needsConfirmation)
    .sort(
      (a, b) =>
        a.confidence - b.confidence ||
        (a.period < b.period ? 1 : a.period > b.period ? -1 : 0) ||
        (a.township < b.township ? -1 : a.township > b.township ? 1 : 0) ||
        a.seq - b.seq,
    );
}

/** The two categories offered for one-click confirmation: the model's best two. */
export function confirmChoices(s: ProblemStatement): CategoryCode[] {
  return (s.alternatives ?? []).slice(0, 2).map((a) => a.category);
}

/**
 * The examples the model learns from, oldest first. Edits saved before learning existed have no
 * `learnt`: their reassignments count, with the text of the statement they were made on (a
 * reassignment whose statement is no longer in the data has no text, so it cannot teach).
 */
export function learntExamples(
  edits: ProblemEdits,
  statements: readonly Pick<ProblemStatement, 'township' | 'period' | 'normalised' | 'text'>[],
): LearntExample[] {
  if (edits.learnt) return [...edits.learnt.values()];
  const textOf = new Map<string, string>();
  for (const s of statements) {
    const k = keyOfStatement(s);
    if (!textOf.has(k)) textOf.set(k, s.text);
  }
  const out: LearntExample[] = [];
  for (const [key, category] of edits.reassign) {
    const text = textOf.get(key);
    if (text !== undefined) out.push({ text, category });
  }
  return out;
}

/** Statements that wait for a person in the 12 months up to `month` (the recurrence look-back). */
export function unconfirmedUpTo(
  statements: readonly ProblemStatement[],
  month: Period,
  lookbackMonths = 12,
  townships: ReadonlySet<string> | null = null,
): number {
  const from = addMonths(month, -(lookbackMonths - 1));
  let n = 0;
  for (const s of statements)
    if (
      s.period >= from &&
      s.period <= month &&
      (townships === null || townships.size === 0 || townships.has(s.township)) &&
      needsConfirmation(s)
    )
      n++;
  return n;
}
