/**
 * The one i18n layer. Pure (no React) so the CLI, the worker and the UI share it.
 * zh-CN is the default; every key has an English translation (enforced by the type of each catalog).
 */
import { messageOf, type MessageKey } from './catalog';

export type Lang = 'zh-CN' | 'en';
export const DEFAULT_LANG: Lang = 'zh-CN';

export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

/**
 * Translates a key and fills `{name}` placeholders. Unknown placeholders are left visible so a
 * missing parameter shows in review instead of silently vanishing. Parameters are plain text:
 * callers render the result as text, never as HTML.
 * @example translate('zh-CN', 'common.rows', { n: 3 })
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const entry = messageOf(key);
  // An area that has not loaded yet (catalog.ts) shows the key, never a blank; the eager-keys test
  // keeps the landing view's keys in the entry chunk.
  if (!entry) return key;
  const template = lang === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/** True when `key` is a known message key (for keys that arrive as data, e.g. issue codes). */
export const isMessageKey = (key: string): key is MessageKey => messageOf(key) !== undefined;

/** Parses a language tag (CLI `--lang`, URL `lang=`) into a supported language. */
export function parseLang(tag: string | null | undefined): Lang {
  if (!tag) return DEFAULT_LANG;
  return tag.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
