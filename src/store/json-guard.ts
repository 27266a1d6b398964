/**
 * Guards for JSON that comes from outside (backup files, settings files, endpoint envelopes):
 * hostile keys (docs/input-rules.md F7) and small typed readers that never coerce.
 */
import type { MessageKey } from '../i18n/catalog';

/** Why a value is invalid: a message key filling the `{reason}` of its issue's message. */
export interface ValidationReason {
  readonly code: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * One validation problem, located by a JSON path such as `settings.townships[3].code`. Render it
 * with `validationIssueText` (validation-text.ts), which translates the nested `reason` too.
 */
export interface ValidationIssue {
  readonly path: string;
  readonly code: MessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly reason?: ValidationReason;
}

const HOSTILE_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * The path of the first `__proto__`/`prototype`/`constructor` own key anywhere in `value`, or null.
 * Depth-first; arrays are walked by index. Depth is capped (200) so a hostile nesting cannot overflow
 * the stack: deeper values are reported as hostile.
 */
export function findHostileKey(value: unknown, path = '$', depth = 0): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (depth > 200) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findHostileKey(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (HOSTILE_KEYS.has(key)) return `${path}.${key}`;
    const hit = findHostileKey((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** True for a plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own property read that never reaches the prototype chain. */
export const own = (o: Readonly<Record<string, unknown>>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** JSON.parse that returns null instead of throwing on malformed text. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
