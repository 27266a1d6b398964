/**
 * A loaded model kept between classification requests (in the classifier worker, or on the main
 * thread where there is no worker). Each request carries the whole wanted state (the user's
 * learnt examples and rules) and the texts; the session reuses its model when the examples only
 * grew (adding an example is a few count updates) and rebuilds it from the asset otherwise (a
 * reset, an undone or changed choice, new keywords). Deterministic: counts are sums, so the same
 * examples give the same model in any order of requests (docs/decisions/0008-classifier-in-the-app.md).
 */
import type { ProblemRules } from './category-rules';
import type { LearntExample } from './edits';
import { decideTexts, type ModelDecision } from './model-decisions';
import { ProblemModel, type ProblemModelAsset } from './problem-model';

export interface ClassifierRequestBody {
  readonly rules: ProblemRules;
  readonly learnt: readonly LearntExample[];
  readonly texts: readonly string[];
}

export interface ClassifierResult {
  /** [text, decision] pairs in the order of the request's texts (duplicates once). */
  readonly decisions: readonly (readonly [string, ModelDecision])[];
  /** Examples the model has learnt from. */
  readonly learnt: number;
}

export interface ClassifierSession {
  run(request: ClassifierRequestBody): ClassifierResult;
}

const sameExample = (a: LearntExample, b: LearntExample): boolean =>
  a.text === b.text && a.category === b.category;

/** A session over a validated asset (parseProblemModelAsset). */
export function createClassifierSession(asset: ProblemModelAsset): ClassifierSession {
  let model: ProblemModel | null = null;
  let rulesKey = '';
  return {
    run({ rules, learnt, texts }) {
      const key = JSON.stringify(rules);
      const have = model?.added ?? [];
      const grew =
        model !== null &&
        key === rulesKey &&
        have.length <= learnt.length &&
        have.every((e, i) => sameExample(e, learnt[i]!));
      if (grew) for (const e of learnt.slice(have.length)) model!.addExample(e.text, e.category);
      else {
        model = ProblemModel.fromAsset(asset, learnt, rules);
        rulesKey = key;
      }
      return { decisions: [...decideTexts(model!, texts)], learnt: learnt.length };
    },
  };
}
