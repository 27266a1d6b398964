/** Display helpers for the history views. */
import { formatByteSize, formatTimestamp as formatTimestampIn } from '../../i18n/format';
import type { Lang } from '../../i18n/i18n';

/** An ISO timestamp as local date and time in the UI language (src/i18n/format.ts). */
export const formatTimestamp = (iso: string, lang: Lang): string => formatTimestampIn(lang, iso);

/** A byte count for people (src/i18n/format.ts). */
export const formatSize = formatByteSize;
