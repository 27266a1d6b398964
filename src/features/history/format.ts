/** Display helpers for the history views (UI only: Date is used to show a stored timestamp). */
import type { Lang } from '../../i18n/i18n';

/** An ISO timestamp as local date and time, e.g. 2022/5/1 16:00. Invalid input is shown as-is. */
export function formatTimestamp(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);
}

/** A byte count for people: 512 B, 1.5 KB, 2.3 MB. */
export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
