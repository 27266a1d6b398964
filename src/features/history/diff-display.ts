/**
 * How a field and its stored value read in the resubmission diff. Records store codes (sector
 * `education`, hazard level `major`, status `in_progress`, scope `ytd`, problem category `P04`,
 * field names in `approx`, flag names); the user must see the labels the rest of the dashboard
 * shows, in the current language, never the code (docs/architecture.md: every user-facing string
 * goes through i18n). Pure: used by plan-review.tsx and its tests.
 */
import { FIELDS_BY_RECORD, type FieldDef } from '../../domain/fields';
import { problemCategoryByCode } from '../../domain/problem-categories';
import { sectorByCode } from '../../domain/sectors';
import type { MessageKey } from '../../i18n/catalog';
import { isMessageKey, translate, type Lang } from '../../i18n/i18n';
import type { StoredKind } from '../../store/persist-types';

/** Record properties that are not in the field registry (bookkeeping lists of a township-month). */
const EXTRA_FIELD_KEYS: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['approx', 'store.plan.field.approx'],
  ['flags', 'store.plan.field.flags'],
]);

function fieldDef(kind: StoredKind, field: string): FieldDef | undefined {
  return (
    // A hazard aggregate row shares the ledger's township, sector and level labels.
    FIELDS_BY_RECORD.get(kind === 'hazard_tally' ? 'hazard' : kind)?.find((d) => d.name === field) ??
    // A hazard's derived `period` and similar shared names fall back to the township-month registry.
    FIELDS_BY_RECORD.get('township_month')?.find((d) => d.name === field)
  );
}

/** The field's label in `lang` (registry, then the few bookkeeping keys); the name itself if unknown. */
export function diffFieldLabel(kind: StoredKind, field: string, lang: Lang): string {
  const def = fieldDef(kind, field);
  if (def) return lang === 'en' ? def.en : def.zh;
  const key = EXTRA_FIELD_KEYS.get(field);
  return key ? translate(lang, key) : field;
}

/** A code's label through a message key `prefix.code`; an unknown code (foreign data) shows as is. */
function viaKey(lang: Lang, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? translate(lang, key) : code;
}

/** One code of a field of `kind` as the user reads it. */
function codeLabel(kind: StoredKind, field: string, code: string, lang: Lang): string {
  const def = fieldDef(kind, field);
  switch (def?.kind ?? field) {
    case 'sector':
    case 'sectors': {
      const s = sectorByCode(code);
      return s ? (lang === 'en' ? s.en : s.zh) : code;
    }
    case 'hazard_level':
      return viaKey(lang, 'views.detail.level', code);
    case 'hazard_status':
      return viaKey(lang, 'views.detail.status', code);
    case 'period_scope':
      return viaKey(lang, 'dashboard.table.scope', code);
    case 'category': {
      const c = problemCategoryByCode(code);
      return c ? (lang === 'en' ? c.en : c.zh) : code;
    }
    case 'approx':
      return diffFieldLabel(kind, code, lang);
    case 'flags':
      return viaKey(lang, 'store.plan.flag', code);
    default:
      return code;
  }
}

/**
 * A stored value in the diff: null/undefined → `notReported`; lists joined with the language's
 * list separator, each code as its label; numbers and text as written.
 */
export function diffValueText(
  kind: StoredKind,
  field: string,
  value: unknown,
  lang: Lang,
  notReported: string,
): string {
  if (value === null || value === undefined) return notReported;
  if (Array.isArray(value)) {
    if (value.length === 0) return translate(lang, 'store.plan.empty_list');
    return value
      .map((v) => (typeof v === 'string' ? codeLabel(kind, field, v, lang) : String(v)))
      .join(translate(lang, 'store.plan.list_separator'));
  }
  if (typeof value === 'string') return codeLabel(kind, field, value, lang);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
