/**
 * Statistical classifier for problem statements (issue "Recurring problems you can trust").
 * Multinomial naive Bayes over binary character 1–3-grams plus the rule classifier's hits as extra
 * tokens (model-features.ts), trained on the independent writers' corpus
 * (tests/fixtures/problems/corpus/, scripts/train-problem-model.ts). Why NB and not logistic
 * regression, the held-out figures and the calibration are in README.md in this folder.
 *
 * Scoring (per class c, over the statement's distinct tokens f that the model knows):
 *   s_c = log prior_c + Σ_f w_f·log(n_cf + α) − (Σ_f w_f)·log(N_c + α·|V|)
 * with w_f = 1 for n-grams and `ruleWeight` for rule tokens. Calibrated probabilities are
 * softmax((s_c + otherBias·[c = P99]) / temperature); the temperature and the P99 bias are fitted
 * on held-out writers (never on the writer being predicted), so P99 is a calibrated decision, not
 * "no keyword matched". The category is the most probable class; `confidence` is its probability.
 *
 * Counts are kept, not weights, so a manual reassignment is one more counted example
 * (`addExample`), and `reset()` returns to the shipped counts. Pure: no DOM, no Date, no randomness.
 */
import { isProblemCategoryCode } from '../../domain/problem-categories';
import { err, ok, type Result } from '../../domain/result';
import { DEFAULT_PROBLEM_RULES, type ProblemRules } from './category-rules';
import { classifyStatement, type Classification } from './classify';
import { GRAM_INDEX_MAX_N, GramIndex, gramHi, gramLo, indexableText, indexableToken } from './gram-index';
import { extractFeatures, normaliseForModel, RULE_TOKEN_PREFIX } from './model-features';
import type { CategoryCode } from './types';

export const PROBLEM_MODEL_SCHEMA_VERSION = 1;
export const PROBLEM_MODEL_KIND = 'township-safety-dashboard/problem-classifier';

export interface ProblemModelOptions {
  /** Additive (Lidstone) smoothing of the token counts. */
  readonly alpha: number;
  /** Longest character n-gram. */
  readonly maxN: number;
  /** Use the rule classifier's hits as tokens. */
  readonly ruleFeatures: boolean;
  /** How many times a rule token counts (training and scoring). */
  readonly ruleWeight: number;
  /** Tokens seen in fewer training statements are dropped from the shipped asset (size). */
  readonly minDf: number;
  /** How many times an example added by the user (a manual reassignment) counts. */
  readonly addedWeight: number;
}

export const DEFAULT_MODEL_OPTIONS: ProblemModelOptions = {
  alpha: 0.3,
  maxN: 3,
  ruleFeatures: true,
  ruleWeight: 1,
  minDf: 1,
  addedWeight: 3,
};

export interface ProblemModelCalibration {
  /** Divides the NB log-scores before the softmax (NB is over-confident; > 1 softens). */
  readonly temperature: number;
  /** Added to P99's log-score before the softmax: the calibrated "other" threshold. */
  readonly otherBias: number;
}

export const UNCALIBRATED: ProblemModelCalibration = { temperature: 1, otherBias: 0 };

export interface TrainingExample {
  readonly text: string;
  readonly category: CategoryCode;
}

/** The shipped JSON asset (public/models/problem-classifier.json). Counts only; no derived floats. */
export interface ProblemModelAsset {
  readonly schemaVersion: number;
  readonly kind: string;
  readonly training: {
    readonly description: string;
    readonly sources: readonly string[];
    readonly examples: number;
    /** SHA-256 (hex) of the training files, in `sources` order. */
    readonly sha256: string;
  };
  readonly options: ProblemModelOptions;
  readonly calibration: ProblemModelCalibration;
  readonly classes: readonly CategoryCode[];
  /** Training statements per class (the prior). */
  readonly docCounts: readonly number[];
  /** [token, [classIndex, count, classIndex, count, …]] sorted by token; counts are integers. */
  readonly features: readonly (readonly [string, readonly number[]])[];
}

/** One scored class. */
export interface ScoredCategory {
  readonly category: CategoryCode;
  /** Calibrated probability, 0–1. */
  readonly probability: number;
}

/** The model's decision for one statement. */
export interface ModelClassification {
  readonly category: CategoryCode;
  /** Calibrated probability of `category`. */
  readonly confidence: number;
  /** The three most probable classes, best first (the first is `category`). */
  readonly top: readonly ScoredCategory[];
}

export interface AddedExample {
  readonly text: string;
  readonly category: CategoryCode;
}

/** What the app persists for a user's model: the shipped asset's hash and the examples added. */
export interface ProblemModelState {
  readonly schemaVersion: number;
  readonly base: string;
  readonly added: readonly AddedExample[];
}

const OTHER: CategoryCode = 'P99';

/** Counts tokens of the examples (binary per statement). Deterministic: sorted output. */
export function trainProblemModel(
  examples: readonly TrainingExample[],
  options: ProblemModelOptions = DEFAULT_MODEL_OPTIONS,
  calibration: ProblemModelCalibration = UNCALIBRATED,
  training: ProblemModelAsset['training'] = {
    description: '',
    sources: [],
    examples: examples.length,
    sha256: '',
  },
  rules: ProblemRules = DEFAULT_PROBLEM_RULES,
  featuresOf: (example: TrainingExample) => readonly string[] = (ex) =>
    extractFeatures(ex.text, options, rules),
): ProblemModelAsset {
  const classes = [...new Set(examples.map((e) => e.category))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const docCounts = classes.map(() => 0);
  const counts = new Map<string, number[]>();
  const df = new Map<string, number>();
  for (const ex of examples) {
    const ci = index.get(ex.category)!;
    docCounts[ci]!++;
    for (const f of featuresOf(ex)) {
      const w = f.startsWith(RULE_TOKEN_PREFIX) ? options.ruleWeight : 1;
      let row = counts.get(f);
      if (!row) counts.set(f, (row = classes.map(() => 0)));
      row[ci]! += w;
      df.set(f, (df.get(f) ?? 0) + 1);
    }
  }
  const features: [string, number[]][] = [];
  for (const [f, row] of counts) {
    if ((df.get(f) ?? 0) < options.minDf && !f.startsWith(RULE_TOKEN_PREFIX)) continue;
    const sparse: number[] = [];
    row.forEach((n, i) => {
      if (n > 0) sparse.push(i, n);
    });
    features.push([f, sparse]);
  }
  features.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    schemaVersion: PROBLEM_MODEL_SCHEMA_VERSION,
    kind: PROBLEM_MODEL_KIND,
    training,
    options,
    calibration,
    classes,
    docCounts,
    features,
  };
}

/**
 * The runtime model: shipped counts plus the user's added examples. Mutable on purpose (adding an
 * example updates a few count rows in place instead of copying tens of thousands); `clone()` when
 * a copy is needed. Counts and their logs live in flat typed arrays (row per token) so scoring is
 * a Map lookup and 13 additions per token.
 */
export class ProblemModel {
  readonly asset: ProblemModelAsset;
  private readonly rules: ProblemRules;
  private classes: CategoryCode[] = [];
  private classIndex = new Map<CategoryCode, number>();
  private docCounts: number[] = [];
  private totals: number[] = [];
  /** Token → row; rows of `counts` and `logs` are `stride` wide (capacity for new classes). */
  private rowOf = new Map<string, number>();
  /** The n-gram tokens of `rowOf` by integer key (gram-index.ts), for `scoreText`. */
  private grams = new GramIndex();
  /** Stamp of the statement being scored (GramIndex.visit); never 0. */
  private call = 0;
  private stride = 0;
  private counts: Float64Array = new Float64Array(0);
  /** log(n_cf + α), kept in step with `counts` (scoring reads only this). */
  private logs: Float64Array = new Float64Array(0);
  private logPrior: Float64Array = new Float64Array(0);
  private logDenominator: Float64Array = new Float64Array(0);
  private addedExamples: AddedExample[] = [];
  private readonly calibration: ProblemModelCalibration;

  private constructor(asset: ProblemModelAsset, rules: ProblemRules) {
    this.asset = asset;
    this.rules = rules;
    this.calibration = asset.calibration;
    this.load();
  }

  /** A model from a (validated) asset, with the user's added examples replayed on top. */
  static fromAsset(
    asset: ProblemModelAsset,
    added: readonly AddedExample[] = [],
    rules: ProblemRules = DEFAULT_PROBLEM_RULES,
  ): ProblemModel {
    const m = new ProblemModel(asset, rules);
    for (const ex of added) m.addExample(ex.text, ex.category);
    return m;
  }

  private load(): void {
    const a = this.asset;
    this.classes = [...a.classes];
    this.classIndex = new Map(this.classes.map((c, i) => [c, i]));
    this.docCounts = [...a.docCounts];
    this.totals = this.classes.map(() => 0);
    this.stride = this.classes.length;
    this.rowOf = new Map();
    this.grams = new GramIndex(a.features.length);
    this.counts = new Float64Array(Math.max(1, a.features.length) * this.stride);
    // Rows by how often the token was seen, most frequent first: common n-grams (安全, 不到位…)
    // occur in most statements, and keeping their rows together keeps them in cache. Scores do
    // not depend on row order.
    const mass = a.features.map(([, sparse]) => {
      let n = 0;
      for (let i = 1; i < sparse.length; i += 2) n += sparse[i]!;
      return n;
    });
    const order = a.features.map((_, i) => i).sort((x, y) => mass[y]! - mass[x]! || x - y);
    order.forEach((fi, r) => {
      const [f, sparse] = a.features[fi]!;
      this.rowOf.set(f, r);
      if (indexableToken(f, RULE_TOKEN_PREFIX)) this.grams.setToken(f, r);
      for (let i = 0; i + 1 < sparse.length; i += 2) {
        this.counts[r * this.stride + sparse[i]!] = sparse[i + 1]!;
        this.totals[sparse[i]!]! += sparse[i + 1]!;
      }
    });
    this.addedExamples = [];
    this.rebuildLogs();
  }

  /** Recomputes every log count (after loading or when a class is added). */
  private rebuildLogs(): void {
    const alpha = this.asset.options.alpha;
    this.logs = new Float64Array(this.counts.length);
    for (let i = 0; i < this.counts.length; i++) this.logs[i] = Math.log(this.counts[i]! + alpha);
    this.refreshClassTerms();
  }

  private refreshClassTerms(): void {
    const k = this.classes.length;
    const docs = this.docCounts.reduce((s, n) => s + n, 0);
    const v = this.rowOf.size;
    const alpha = this.asset.options.alpha;
    this.logPrior = new Float64Array(k);
    this.logDenominator = new Float64Array(k);
    for (let c = 0; c < k; c++) {
      // Laplace-smoothed prior, so a class with only added examples still gets a finite prior.
      this.logPrior[c] = Math.log(((this.docCounts[c] ?? 0) + 1) / (docs + k));
      this.logDenominator[c] = Math.log((this.totals[c] ?? 0) + alpha * v);
    }
  }

  /** Known classes, in model order. */
  get categories(): readonly CategoryCode[] {
    return this.classes;
  }

  /** Examples added since the shipped model (oldest first). */
  get added(): readonly AddedExample[] {
    return this.addedExamples;
  }

  /** The rules this model's rule tokens come from. */
  get ruleSet(): ProblemRules {
    return this.rules;
  }

  private tokenWeight(f: string): number {
    return f.startsWith(RULE_TOKEN_PREFIX) ? this.asset.options.ruleWeight : 1;
  }

  /** Raw NB log-scores per class (model order), before calibration. */
  rawScores(text: string): Float64Array {
    return this.scoreText(text);
  }

  /**
   * Raw NB log-scores of a statement: the same sums, in the same order, as
   * `scoreFeatures(extractFeatures(text, …, ruleResult))`, so the result is bit-identical, but
   * without building a string per n-gram (README.md in this folder, "Speed"): n-grams are read
   * as integer keys from the normalised text (gram-index.ts) and an n-gram counts once per
   * statement by a stamp in its index slot instead of a Set. A text with astral characters, or
   * a model with n-grams longer than 3, takes the string path. `ruleResult` (classifyStatement
   * of the same text with this model's rules) saves classifying twice.
   */
  scoreText(text: string, ruleResult?: Classification): Float64Array {
    const options = this.asset.options;
    const norm = normaliseForModel(text);
    if (options.maxN > GRAM_INDEX_MAX_N || !indexableText(norm))
      return this.scoreFeatures(extractFeatures(text, options, this.rules, ruleResult));
    this.call = (this.call + 1) | 0;
    if (this.call <= 0) {
      this.grams.clearStamps();
      this.call = 1;
    }
    const call = this.call;
    const grams = this.grams;
    const k = this.classes.length;
    const stride = this.stride;
    const logs = this.logs;
    const s = new Float64Array(k);
    let weight = 0;
    const len = norm.length;
    // Same order as extractFeatures: by position, then by length; a row's first occurrence counts.
    for (let i = 0; i < len; i++)
      for (let n = 1; n <= options.maxN && i + n <= len; n++) {
        const r = grams.visit(gramHi(norm, i, n), gramLo(norm, i, n), call);
        if (r < 0) continue;
        // An n-gram token weighs 1 (tokenWeight); written as in scoreFeatures for identical sums.
        const w = 1;
        const base = r * stride;
        for (let c = 0; c < k; c++) s[c]! += w * logs[base + c]!;
        weight += w;
      }
    if (options.ruleFeatures) {
      const rule = ruleResult ?? classifyStatement(text, this.rules);
      const w = options.ruleWeight;
      // Rule tokens in extractFeatures' order (each match's category, then the pick), once each.
      const counted: number[] = [];
      for (let j = 0; j <= rule.matches.length; j++) {
        const token =
          j < rule.matches.length
            ? `${RULE_TOKEN_PREFIX}R:${rule.matches[j]!.category}`
            : `${RULE_TOKEN_PREFIX}T:${rule.category}`;
        const r = this.rowOf.get(token);
        if (r === undefined || counted.includes(r)) continue;
        counted.push(r);
        const base = r * stride;
        for (let c = 0; c < k; c++) s[c]! += w * logs[base + c]!;
        weight += w;
      }
    }
    for (let c = 0; c < k; c++) s[c]! += this.logPrior[c]! - weight * this.logDenominator[c]!;
    return s;
  }

  /** Raw NB log-scores for already extracted tokens (evaluation reuses tokens across folds). */
  scoreFeatures(features: readonly string[]): Float64Array {
    const k = this.classes.length;
    const stride = this.stride;
    const logs = this.logs;
    const s = new Float64Array(k);
    let weight = 0;
    for (const f of features) {
      const r = this.rowOf.get(f);
      if (r === undefined) continue;
      const w = this.tokenWeight(f);
      const base = r * stride;
      for (let c = 0; c < k; c++) s[c]! += w * logs[base + c]!;
      weight += w;
    }
    for (let c = 0; c < k; c++) s[c]! += this.logPrior[c]! - weight * this.logDenominator[c]!;
    return s;
  }

  /** Calibrated probabilities (model order) from raw scores. */
  probabilities(raw: Float64Array, calibration: ProblemModelCalibration = this.calibration): Float64Array {
    const k = raw.length;
    const z = new Float64Array(k);
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      z[c] = (raw[c]! + (this.classes[c] === OTHER ? calibration.otherBias : 0)) / calibration.temperature;
      if (z[c]! > max) max = z[c]!;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < k; c++) z[c]! /= sum;
    return z;
  }

  /** Classifies one statement. Deterministic: same model state and text, same result. */
  classify(text: string): ModelClassification {
    return this.decide(this.probabilities(this.rawScores(text)));
  }

  /** Best three classes of a probability vector; ties go to the earlier class (stable order). */
  decide(p: Float64Array): ModelClassification {
    const top: ScoredCategory[] = [];
    const taken: number[] = [];
    for (let n = 0; n < Math.min(3, p.length); n++) {
      let best = -1;
      for (let c = 0; c < p.length; c++) if (!taken.includes(c) && (best < 0 || p[c]! > p[best]!)) best = c;
      taken.push(best);
      top.push({ category: this.classes[best]!, probability: p[best]! });
    }
    return { category: top[0]!.category, confidence: top[0]!.probability, top };
  }

  /** Grows the count tables to hold one more class or more rows (amortised doubling). */
  private grow(rows: number, stride: number): void {
    const oldStride = this.stride;
    const capacity = Math.max(rows, Math.ceil((this.counts.length / Math.max(1, oldStride)) * 1.5));
    if (stride === oldStride && capacity * stride <= this.counts.length) return;
    const counts = new Float64Array(capacity * stride);
    for (const r of this.rowOf.values())
      for (let c = 0; c < oldStride; c++) counts[r * stride + c] = this.counts[r * oldStride + c]!;
    this.counts = counts;
    this.stride = stride;
    this.rebuildLogs();
  }

  /**
   * Counts one labelled statement (a manual reassignment) into the model, `addedWeight` times.
   * A category the model has not seen (a user's custom `U…` code) becomes a new class.
   */
  addExample(text: string, category: CategoryCode): void {
    let ci = this.classIndex.get(category);
    if (ci === undefined) {
      ci = this.classes.length;
      this.classes.push(category);
      this.classIndex.set(category, ci);
      this.docCounts.push(0);
      this.totals.push(0);
      this.grow(this.rowOf.size, this.classes.length);
    }
    const times = this.asset.options.addedWeight;
    const alpha = this.asset.options.alpha;
    this.docCounts[ci]! += times;
    for (const f of extractFeatures(text, this.asset.options, this.rules)) {
      let r = this.rowOf.get(f);
      if (r === undefined) {
        r = this.rowOf.size;
        if ((r + 1) * this.stride > this.counts.length) this.grow(r + 1, this.stride);
        this.rowOf.set(f, r);
        if (indexableToken(f, RULE_TOKEN_PREFIX)) this.grams.setToken(f, r);
        for (let c = 0; c < this.stride; c++) this.logs[r * this.stride + c] = Math.log(alpha);
      }
      const w = this.tokenWeight(f) * times;
      const i = r * this.stride + ci;
      this.counts[i]! += w;
      this.logs[i] = Math.log(this.counts[i]! + alpha);
      this.totals[ci]! += w;
    }
    this.addedExamples.push({ text, category });
    this.refreshClassTerms();
  }

  /** Forgets every added example: back to the shipped model. */
  reset(): void {
    this.load();
  }

  /** A deep copy (same asset, same added examples). */
  clone(): ProblemModel {
    return ProblemModel.fromAsset(this.asset, this.addedExamples, this.rules);
  }

  /** The user's part, for persisting: the base asset's hash and the added examples. */
  toState(): ProblemModelState {
    return {
      schemaVersion: PROBLEM_MODEL_SCHEMA_VERSION,
      base: this.asset.training.sha256,
      added: [...this.addedExamples],
    };
  }

  /** The current counts (shipped + added) as a full asset, e.g. to export a retrained model. */
  toAsset(): ProblemModelAsset {
    const features: [string, number[]][] = [];
    for (const [f, r] of this.rowOf) {
      const sparse: number[] = [];
      for (let c = 0; c < this.classes.length; c++) {
        const n = this.counts[r * this.stride + c]!;
        if (n > 0) sparse.push(c, n);
      }
      features.push([f, sparse]);
    }
    features.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      ...this.asset,
      training: {
        ...this.asset.training,
        description: `${this.asset.training.description} + ${this.addedExamples.length} added example(s)`,
        examples: this.asset.training.examples + this.addedExamples.length,
      },
      classes: [...this.classes],
      docCounts: [...this.docCounts],
      features,
    };
  }
}

const isCode = (v: unknown): v is CategoryCode =>
  typeof v === 'string' && (isProblemCategoryCode(v) || /^U[0-9A-Za-z_-]{1,20}$/.test(v));
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Validates a parsed asset (from fetch or a file). Errors name the JSON path; a wrong schema
 * version is an error, not a guess.
 */
export function parseProblemModelAsset(raw: unknown): Result<ProblemModelAsset, string[]> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return err(['$: expected an object']);
  const o = raw as Record<string, unknown>;
  const errors: string[] = [];
  if (o.schemaVersion !== PROBLEM_MODEL_SCHEMA_VERSION)
    errors.push(`$.schemaVersion: expected ${PROBLEM_MODEL_SCHEMA_VERSION}, got ${String(o.schemaVersion)}`);
  if (o.kind !== PROBLEM_MODEL_KIND) errors.push(`$.kind: expected ${PROBLEM_MODEL_KIND}`);
  const classes = o.classes;
  if (!Array.isArray(classes) || classes.length === 0 || !classes.every(isCode))
    errors.push('$.classes: expected a non-empty array of category codes');
  const k = Array.isArray(classes) ? classes.length : 0;
  if (!Array.isArray(o.docCounts) || o.docCounts.length !== k || !o.docCounts.every(isCount))
    errors.push('$.docCounts: expected one non-negative integer per class');
  const opt = o.options as Record<string, unknown> | null | undefined;
  if (
    !opt ||
    typeof opt !== 'object' ||
    !isPositive(opt.alpha) ||
    !isCount(opt.maxN) ||
    typeof opt.ruleFeatures !== 'boolean' ||
    !isCount(opt.ruleWeight) ||
    !isCount(opt.minDf) ||
    !isCount(opt.addedWeight)
  )
    errors.push(
      '$.options: expected alpha > 0, integer maxN/ruleWeight/minDf/addedWeight, boolean ruleFeatures',
    );
  const cal = o.calibration as Record<string, unknown> | null | undefined;
  if (
    !cal ||
    typeof cal !== 'object' ||
    !isPositive(cal.temperature) ||
    typeof cal.otherBias !== 'number' ||
    !Number.isFinite(cal.otherBias)
  )
    errors.push('$.calibration: expected temperature > 0 and a finite otherBias');
  const tr = o.training as Record<string, unknown> | null | undefined;
  if (!tr || typeof tr !== 'object' || typeof tr.sha256 !== 'string' || typeof tr.description !== 'string')
    errors.push('$.training: expected description and sha256');
  if (!Array.isArray(o.features)) errors.push('$.features: expected an array');
  else
    for (let i = 0; i < o.features.length && errors.length < 20; i++) {
      const e = o.features[i] as unknown;
      if (
        !Array.isArray(e) ||
        e.length !== 2 ||
        typeof e[0] !== 'string' ||
        !Array.isArray(e[1]) ||
        e[1].length % 2 !== 0 ||
        !(e[1] as unknown[]).every((n, j) => isCount(n) && (j % 2 === 1 || n < k))
      )
        errors.push(`$.features[${i}]: expected [token, [classIndex, count, …]]`);
    }
  return errors.length > 0 ? err(errors) : ok(raw as ProblemModelAsset);
}

/**
 * A model decision less probable than this is "unconfirmed" (待确认): shown as such, left to the
 * office to confirm, and not counted as recurring. The one threshold of the app and the CLI.
 * Leave-one-writer-out on the 1,600-statement corpus (docs/decisions/0008-classifier-in-the-app.md):
 * at 0.65, 11 % of statements wait and the rest are 94.7 % right (98.2 % accepting alternatives),
 * and the queue holds 47 % of the model's errors; 0.5 would flag 4.8 %, 0.8 would flag 19 %.
 */
export const LOW_CONFIDENCE_BELOW = 0.65;

/** True when a model confidence (calibrated probability) is below LOW_CONFIDENCE_BELOW. */
export const isLowConfidence = (confidence: number): boolean => confidence < LOW_CONFIDENCE_BELOW;

/** Other classes at least this probable are reported as secondary categories. */
export const SECONDARY_MIN_PROBABILITY = 0.1;

/** A model decision in the shape of the rule classifier's, plus the model's top-3. */
export interface ModelStatementClassification extends Classification {
  readonly top: readonly ScoredCategory[];
  readonly classifiedBy: 'model';
}

/**
 * Drop-in alternative to `classifyStatement` (same `Classification` shape, so callers can switch):
 * the category and calibrated confidence come from the model; `matches` and `keywords_matched`
 * still come from the rules (they are the highlighted reason shown to the user, and are empty
 * when the model decides a category no keyword supports); `scores` holds the calibrated
 * probabilities of the top three; secondary categories are the other top-3 classes with
 * probability ≥ SECONDARY_MIN_PROBABILITY.
 * @example classifyWithModel(model, '个别企业负责人安全意识淡薄').category === 'P01'
 */
export function classifyWithModel(model: ProblemModel, text: string): ModelStatementClassification {
  const rule = classifyStatement(text, model.ruleSet);
  const d = model.decide(model.probabilities(model.scoreText(text, rule)));
  return {
    category: d.category,
    confidence: d.confidence,
    top: d.top,
    secondary_categories: d.top
      .slice(1)
      .filter((t) => t.probability >= SECONDARY_MIN_PROBABILITY)
      .map((t) => t.category),
    keywords_matched: [...new Set(rule.matches.filter((m) => m.category === d.category).map((m) => m.term))],
    matches: rule.matches,
    scores: new Map(d.top.map((t) => [t.category, t.probability])),
    classifiedBy: 'model',
  };
}
