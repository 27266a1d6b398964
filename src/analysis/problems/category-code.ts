/**
 * What a category code looks like. Its own small module so the URL parser (app/url-state.ts) can
 * check a `cat=` value without pulling the problem analysis into the entry chunk (issue 13).
 */
import { isProblemCategoryCode } from '../../domain/problem-categories';
import type { CategoryCode } from './types';

/** A custom category code: `U` + 1–20 of [0-9A-Za-z_-]. */
export const CUSTOM_RE = /^U[0-9A-Za-z_-]{1,20}$/;

/** True for a built-in code (P01…P99) or a well-formed custom code (`U` + 1–20 of [0-9A-Za-z_-]). */
export const isCategoryCode = (v: unknown): v is CategoryCode =>
  typeof v === 'string' && (isProblemCategoryCode(v) || CUSTOM_RE.test(v));
