/**
 * Held-out evaluation of the problem classifiers on the writers' corpus
 * (tests/fixtures/problems/corpus/). Shared by scripts/problem-accuracy.ts,
 * scripts/train-problem-model.ts and model-accuracy.test.ts so the printed, the shipped and the
 * enforced numbers are the same computation.
 *
 * Leave-one-writer-out: for each writer, the model is trained on the OTHER writers only, and its
 * calibration (temperature, P99 bias) is fitted by a nested leave-one-writer-out inside those
 * other writers, so nothing about the tested writer leaks into the figure.
 */
import { pushAll } from '../../domain/arrays';
import { PROBLEM_CATEGORY_CODES } from '../../domain/problem-categories';
import { classifyStatement } from './classify';
import { extractFeatures } from './model-features';
import {
  DEFAULT_MODEL_OPTIONS,
  ProblemModel,
  trainProblemModel,
  type ProblemModelCalibration,
  type ProblemModelOptions,
} from './problem-model';
import type { CategoryCode } from './types';

export interface CorpusItem {
  readonly id: string;
  readonly text: string;
  readonly category: CategoryCode;
  readonly alternatives: readonly CategoryCode[];
  /** The writer (file) the item comes from: the unit of leave-one-out. */
  readonly writer: string;
}

export interface Prediction {
  readonly item: CorpusItem;
  readonly predicted: CategoryCode;
  readonly confidence: number;
}

export interface CategoryFigures {
  readonly code: CategoryCode;
  /** Items labelled with this category. */
  readonly support: number;
  /** Items predicted as this category. */
  readonly predicted: number;
  /** Of the predicted, how many carry it as main label (strict) or as main label or alternative. */
  readonly precision: number;
  readonly precisionLenient: number;
  /** Of the labelled, how many were predicted so. */
  readonly recall: number;
}

export interface EvaluationSummary {
  readonly total: number;
  readonly strict: number;
  /** Correct when the prediction is the main label or one of the alternatives. */
  readonly lenient: number;
  readonly perCategory: readonly CategoryFigures[];
  /** confusion.get(expected)?.get(predicted) = count. */
  readonly confusion: ReadonlyMap<CategoryCode, ReadonlyMap<CategoryCode, number>>;
  /** Precision of P99 predictions, lenient (P99 main label or alternative). */
  readonly otherPrecision: number;
  /** Mean negative log-likelihood of the main label (calibration quality); null when not probabilistic. */
  readonly logLoss: number | null;
  /** Expected calibration error of `confidence` vs strict correctness (10 bins). */
  readonly calibrationError: number;
}

const isRight = (item: CorpusItem, c: CategoryCode): boolean => item.category === c;
const isAcceptable = (item: CorpusItem, c: CategoryCode): boolean =>
  item.category === c || item.alternatives.includes(c);

/** Strict/lenient accuracy, per-category precision/recall, confusion matrix, P99 precision. */
export function summarise(preds: readonly Prediction[], logLoss: number | null = null): EvaluationSummary {
  const codes = [...new Set<CategoryCode>([...PROBLEM_CATEGORY_CODES, ...preds.map((p) => p.item.category)])];
  const confusion = new Map<CategoryCode, Map<CategoryCode, number>>();
  for (const p of preds) {
    const row = confusion.get(p.item.category) ?? new Map<CategoryCode, number>();
    row.set(p.predicted, (row.get(p.predicted) ?? 0) + 1);
    confusion.set(p.item.category, row);
  }
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  const perCategory = codes.map((code) => {
    const labelled = preds.filter((p) => p.item.category === code);
    const predicted = preds.filter((p) => p.predicted === code);
    return {
      code,
      support: labelled.length,
      predicted: predicted.length,
      precision: ratio(predicted.filter((p) => isRight(p.item, code)).length, predicted.length),
      precisionLenient: ratio(predicted.filter((p) => isAcceptable(p.item, code)).length, predicted.length),
      recall: ratio(labelled.filter((p) => p.predicted === code).length, labelled.length),
    };
  });
  // Expected calibration error: |mean confidence − accuracy| per decile of confidence, weighted.
  let ece = 0;
  for (let b = 0; b < 10; b++) {
    const bin = preds.filter((p) => Math.min(9, Math.floor(p.confidence * 10)) === b);
    if (bin.length === 0) continue;
    const conf = bin.reduce((s, p) => s + p.confidence, 0) / bin.length;
    const acc = bin.filter((p) => isRight(p.item, p.predicted)).length / bin.length;
    ece += (bin.length / preds.length) * Math.abs(conf - acc);
  }
  return {
    total: preds.length,
    strict: ratio(preds.filter((p) => isRight(p.item, p.predicted)).length, preds.length),
    lenient: ratio(preds.filter((p) => isAcceptable(p.item, p.predicted)).length, preds.length),
    perCategory,
    confusion,
    otherPrecision: perCategory.find((c) => c.code === 'P99')?.precisionLenient ?? 0,
    logLoss,
    calibrationError: ece,
  };
}

/** The rule classifier alone (it is not trained, so every item is "held out"). */
export function evaluateRules(items: readonly CorpusItem[]): EvaluationSummary {
  return summarise(
    items.map((item) => {
      const c = classifyStatement(item.text);
      return { item, predicted: c.category, confidence: c.confidence };
    }),
  );
}

interface Scored {
  readonly item: CorpusItem;
  readonly classes: readonly CategoryCode[];
  readonly raw: Float64Array;
}

const TEMPERATURES = Array.from(
  { length: 60 },
  (_, i) => Math.round(Math.pow(10, i / 20 - 0.5) * 1000) / 1000,
);
const BIASES = Array.from({ length: 81 }, (_, i) => (i - 40) / 2);
/** The P99 bias is chosen to keep P99 precision at least this high (the floor is 0.70). */
export const OTHER_PRECISION_TARGET = 0.75;

function softmax(
  raw: Float64Array,
  classes: readonly CategoryCode[],
  cal: ProblemModelCalibration,
): Float64Array {
  const z = new Float64Array(raw.length);
  let max = -Infinity;
  for (let c = 0; c < raw.length; c++) {
    z[c] = (raw[c]! + (classes[c] === 'P99' ? cal.otherBias : 0)) / cal.temperature;
    if (z[c]! > max) max = z[c]!;
  }
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c]! - max);
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
  return z;
}

function argmax(raw: Float64Array, classes: readonly CategoryCode[], bias: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < raw.length; c++) {
    const s = raw[c]! + (classes[c] === 'P99' ? bias : 0);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best;
}

/**
 * Fits the calibration on held-out scores: the P99 bias maximises lenient accuracy (then strict)
 * among biases that keep P99 precision ≥ OTHER_PRECISION_TARGET (all biases if none does); then
 * the temperature minimises the log-loss of the main label. Grids, so the result is exact and
 * reproducible; ties go to the bias closest to 0.
 */
export function fitCalibration(scored: readonly Scored[]): ProblemModelCalibration {
  let best: { bias: number; key: number[] } | null = null;
  for (const bias of BIASES) {
    let strict = 0;
    let lenient = 0;
    let otherPredicted = 0;
    let otherRight = 0;
    for (const s of scored) {
      const p = s.classes[argmax(s.raw, s.classes, bias)]!;
      if (isRight(s.item, p)) strict++;
      if (isAcceptable(s.item, p)) lenient++;
      if (p === 'P99') {
        otherPredicted++;
        if (isAcceptable(s.item, p)) otherRight++;
      }
    }
    const precise = otherPredicted === 0 || otherRight / otherPredicted >= OTHER_PRECISION_TARGET ? 1 : 0;
    const key = [precise, lenient, strict, -Math.abs(bias)];
    if (!best || compareKeys(key, best.key) > 0) best = { bias, key };
  }
  const otherBias = best?.bias ?? 0;
  let bestT = 1;
  let bestLoss = Infinity;
  for (const temperature of TEMPERATURES) {
    const loss = logLoss(scored, { temperature, otherBias });
    if (loss < bestLoss) [bestT, bestLoss] = [temperature, loss];
  }
  return { temperature: bestT, otherBias };
}

/** Lexicographic comparison of equal-length number arrays. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function logLoss(scored: readonly Scored[], cal: ProblemModelCalibration): number {
  let loss = 0;
  for (const s of scored) {
    const p = softmax(s.raw, s.classes, cal);
    const i = s.classes.indexOf(s.item.category);
    loss -= Math.log(Math.max(1e-12, i < 0 ? 0 : p[i]!));
  }
  return scored.length === 0 ? 0 : loss / scored.length;
}

/** Feature tokens per item, computed once for every fold. */
export type FeatureCache = ReadonlyMap<string, readonly string[]>;

export function featureCache(items: readonly CorpusItem[], options: ProblemModelOptions): FeatureCache {
  return new Map(items.map((i) => [i.id, extractFeatures(i.text, options)]));
}

function trainOn(
  items: readonly CorpusItem[],
  options: ProblemModelOptions,
  cache: FeatureCache,
): ProblemModel {
  const asset = trainProblemModel(items, options, undefined, undefined, undefined, (ex) =>
    cache.get((ex as CorpusItem).id)!,
  );
  return ProblemModel.fromAsset(asset);
}

/** Leave-one-writer-out raw scores (uncalibrated) for `items`. */
export function heldOutScores(
  items: readonly CorpusItem[],
  options: ProblemModelOptions,
  cache: FeatureCache = featureCache(items, options),
): Scored[] {
  const out: Scored[] = [];
  for (const w of writersOf(items)) {
    const model = trainOn(
      items.filter((i) => i.writer !== w),
      options,
      cache,
    );
    for (const item of items.filter((i) => i.writer === w))
      out.push({ item, classes: model.categories, raw: model.scoreFeatures(cache.get(item.id)!) });
  }
  return out;
}

export const writersOf = (items: readonly CorpusItem[]): string[] =>
  [...new Set(items.map((i) => i.writer))].sort();

/** Calibration fitted by leave-one-writer-out on `items` (used for the shipped model too). */
export function calibrateByWriters(
  items: readonly CorpusItem[],
  options: ProblemModelOptions,
  cache: FeatureCache = featureCache(items, options),
): ProblemModelCalibration {
  return fitCalibration(heldOutScores(items, options, cache));
}

export interface HeldOutResult {
  readonly summary: EvaluationSummary;
  readonly predictions: readonly Prediction[];
  /** Per held-out writer: the calibration fitted without it and its own figures. */
  readonly perWriter: readonly {
    writer: string;
    calibration: ProblemModelCalibration;
    summary: EvaluationSummary;
  }[];
}

/**
 * The honest figure: for each writer W, train on the others, calibrate by nested
 * leave-one-writer-out on the others, predict W. Needs at least 3 writers (2 for the inner loop).
 */
export function evaluateModelHeldOut(
  items: readonly CorpusItem[],
  options: ProblemModelOptions = DEFAULT_MODEL_OPTIONS,
): HeldOutResult {
  const cache = featureCache(items, options);
  const predictions: Prediction[] = [];
  const perWriter: HeldOutResult['perWriter'][number][] = [];
  let loss = 0;
  for (const w of writersOf(items)) {
    const rest = items.filter((i) => i.writer !== w);
    const calibration = calibrateByWriters(rest, options, cache);
    const model = trainOn(rest, options, cache);
    const mine: Prediction[] = [];
    for (const item of items.filter((i) => i.writer === w)) {
      const p = model.probabilities(model.scoreFeatures(cache.get(item.id)!), calibration);
      const d = model.decide(p);
      const i = model.categories.indexOf(item.category);
      loss -= Math.log(Math.max(1e-12, i < 0 ? 0 : p[i]!));
      mine.push({ item, predicted: d.category, confidence: d.confidence });
    }
    pushAll(predictions, mine);
    perWriter.push({ writer: w, calibration, summary: summarise(mine) });
  }
  return {
    summary: summarise(predictions, items.length ? loss / items.length : null),
    predictions,
    perWriter,
  };
}

/** Parses one writer's JSON Lines file; bad lines are returned with their line number, never dropped silently. */
export function parseCorpusJsonl(writer: string, text: string): { items: CorpusItem[]; errors: string[] } {
  const items: CorpusItem[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line) as Record<string, unknown>;
      const alts = Array.isArray(o.alternatives) ? o.alternatives : [];
      if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.category !== 'string')
        errors.push(`${writer}:${i + 1}: expected id, text and category strings`);
      else if (!PROBLEM_CATEGORY_CODES.includes(o.category as never))
        errors.push(`${writer}:${i + 1}: unknown category ${o.category}`);
      else
        items.push({
          id: o.id,
          text: o.text,
          category: o.category as CategoryCode,
          alternatives: alts.filter((a): a is CategoryCode => PROBLEM_CATEGORY_CODES.includes(a as never)),
          writer,
        });
    } catch {
      errors.push(`${writer}:${i + 1}: not valid JSON`);
    }
  });
  return { items, errors };
}
