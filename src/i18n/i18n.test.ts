import { describe, expect, it } from 'vitest';
import { EAGER_MESSAGES, type MessageKey } from './catalog';
import { LAZY_MESSAGES } from './lazy-messages';
import { cellsMessages } from './messages/cells';
import { chartsMessages } from './messages/charts';
import { commonMessages } from './messages/common';
import { dashboardMessages } from './messages/dashboard';
import { exportMessages } from './messages/export';
import { exportuiMessages } from './messages/exportui';
import { ingestMessages } from './messages/ingest';
import { problemsMessages } from './messages/problems';
import { reportMessages } from './messages/report';
import { reportuiMessages } from './messages/reportui';
import { storeMessages } from './messages/store';
import { viewsMessages } from './messages/views';
import { aggregateMessages } from './messages/aggregate';
import { parseLang, translate } from './i18n';

describe('i18n catalog', () => {
  const CATALOG: Record<string, { zh: string; en: string }> = { ...EAGER_MESSAGES, ...LAZY_MESSAGES };
  const modules = {
    cellsMessages,
    chartsMessages,
    commonMessages,
    ingestMessages,
    dashboardMessages,
    problemsMessages,
    exportMessages,
    exportuiMessages,
    storeMessages,
    viewsMessages,
    reportMessages,
    reportuiMessages,
    aggregateMessages,
  };

  it('has no key defined by two modules', () => {
    const seen = new Map<string, string>();
    for (const [mod, messages] of Object.entries(modules)) {
      for (const key of Object.keys(messages)) {
        expect(seen.get(key), `${key} in ${mod} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, mod);
      }
    }
    expect(seen.size).toBe(Object.keys(CATALOG).length);
  });

  it('has a non-empty Chinese and English text for every key, with the same placeholders', () => {
    for (const [key, m] of Object.entries(CATALOG) as [string, { zh: string; en: string }][]) {
      expect(m.zh.trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(ph(m.en), key).toEqual(ph(m.zh));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const key = Object.keys(CATALOG)[0] as MessageKey;
    expect(translate('en', key)).toBe(CATALOG[key]!.en);
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang(undefined)).toBe('zh-CN');
  });
});
