/**
 * React binding of the pure i18n layer: the language comes from the URL state (owned by the app)
 * and every component reads text through useT(). Plain text only; nothing here builds HTML.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalog';
import { DEFAULT_LANG, translate, type Lang, type MessageParams } from '../i18n/i18n';

export type TFunction = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  readonly lang: Lang;
  readonly t: TFunction;
}

const makeValue = (lang: Lang): I18nValue => ({ lang, t: (key, params) => translate(lang, key, params) });

// Outside a provider (isolated component tests) text is Chinese, the product default.
const I18nContext = createContext<I18nValue>(makeValue(DEFAULT_LANG));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeValue(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function for the current language. */
export const useT = (): TFunction => useContext(I18nContext).t;

/** The current language. */
export const useLang = (): Lang => useContext(I18nContext).lang;
