/** Display helpers for the history views. */
import { formatTimestamp as formatTimestampIn } from '../../i18n/format';
import type { Lang } from '../../i18n/i18n';

/** An ISO timestamp as local date and time in the UI language (src/i18n/format.ts). */
export const formatTimestamp = (iso: string, lang: Lang): string => formatTimestampIn(lang, iso);

/** A byte count for people: 512 B, 1.5 KB, 2.3 MB. */
export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
