/** Messages between the app and the problem-classifier worker (problem-classifier.worker.ts). */
import type { ClassifierRequestBody, ClassifierResult } from '../analysis/problems/classifier-session';

export interface ClassifierRequest extends ClassifierRequestBody {
  readonly id: number;
  /** Absolute URL of the model asset on the app's own origin (public/models/problem-classifier.json). */
  readonly assetUrl: string;
}

export type ClassifierResponse =
  | (ClassifierResult & {
      readonly type: 'result';
      readonly id: number;
      /** Milliseconds to fetch, parse and build the model (first request only, else null). */
      readonly loadMs: number | null;
      readonly classifyMs: number;
    })
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
