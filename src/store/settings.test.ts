import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettingsJson, settingsToJson, validateSettings } from './settings';

const valid = {
  districtName: '示例区',
  issuingOffice: '区安委会办公室',
  dueDay: 25,
  townships: [
    { name: '小召乡', type: 'xiang', code: null, aliases: ['小召', '小召乡人民政府'] },
    { name: '城关街道', type: 'jiedao', code: '110101001000', aliases: [] },
  ],
};

describe('validateSettings', () => {
  it('accepts valid settings and trims names', () => {
    const r = validateSettings({ ...valid, districtName: ' 示例区 ' });
    expect(r).toEqual({ ok: true, value: valid });
  });

  it('fills defaults for missing fields', () => {
    expect(validateSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it.each<[string, unknown, string, string]>([
    ['due day 0', { ...valid, dueDay: 0 }, 'settings.dueDay', 'store.validation.due_day'],
    ['due day 32', { ...valid, dueDay: 32 }, 'settings.dueDay', 'store.validation.due_day'],
    ['due day as text', { ...valid, dueDay: '25' }, 'settings.dueDay', 'store.validation.due_day'],
    ['due day 2.5', { ...valid, dueDay: 2.5 }, 'settings.dueDay', 'store.validation.due_day'],
    [
      'unknown township type',
      { ...valid, townships: [{ name: '小召乡', type: 'village', aliases: [] }] },
      'settings.townships[0].type',
      'store.validation.township_type',
    ],
    [
      '8-digit code',
      { ...valid, townships: [{ name: '小召乡', type: 'xiang', code: '12345678' }] },
      'settings.townships[0].code',
      'store.validation.township_code',
    ],
    [
      'numeric code',
      { ...valid, townships: [{ name: '小召乡', type: 'xiang', code: 110101001 }] },
      'settings.townships[0].code',
      'store.validation.township_code',
    ],
    [
      'empty name',
      { ...valid, townships: [{ name: ' ', type: 'xiang' }] },
      'settings.townships[0].name',
      'store.validation.township_name_missing',
    ],
    [
      'alias naming another township',
      { ...valid, townships: [valid.townships[0], { name: '大召乡', type: 'xiang', aliases: ['小召'] }] },
      'settings.townships[1]',
      'store.validation.township_duplicate',
    ],
    [
      'townships not a list',
      { ...valid, townships: '小召乡' },
      'settings.townships',
      'store.validation.not_list',
    ],
    [
      'district not text',
      { ...valid, districtName: 7 },
      'settings.districtName',
      'store.validation.not_text',
    ],
    ['not an object', [], 'settings', 'store.validation.not_object'],
  ])('rejects %s', (_label, input, path, code) => {
    const r = validateSettings(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('reports every problem at once', () => {
    const r = validateSettings({ dueDay: 99, townships: [{ name: '', type: 'x' }] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.map((i) => i.path)).toEqual([
        'settings.dueDay',
        'settings.townships[0].name',
        'settings.townships[0].type',
      ]);
  });
});

describe('settings file', () => {
  it('round-trips', () => {
    const v = validateSettings(valid);
    if (!v.ok) throw new Error('fixture invalid');
    expect(parseSettingsJson(settingsToJson(v.value))).toEqual({ ok: true, value: v.value });
  });

  it.each<[string, string, string]>([
    ['malformed', '{"format":"tsd-settings",', 'store.validation.bad_json'],
    ['hostile key', '{"districtName":"a","__proto__":{"x":1}}', 'store.validation.hostile_key'],
    [
      'nested constructor',
      '{"townships":[{"name":"a","type":"xiang","constructor":{}}]}',
      'store.validation.hostile_key',
    ],
    ['foreign format', '{"format":"other","settings":{}}', 'store.validation.wrong_format'],
    [
      'newer version',
      '{"format":"tsd-settings","schema_version":2,"settings":{}}',
      'store.validation.schema_version',
    ],
  ])('refuses a %s file', (_l, text, code) => {
    const r = parseSettingsJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.code).toBe(code);
  });
});
