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

describe('validateSettings: township names follow the importer rules (one implementation)', () => {
  const one = (name: string, aliases: string[] = []) => ({
    ...valid,
    townships: [{ name, type: 'other', code: null, aliases }],
  });

  // Each of these is refused by matchTownship in a file, so the list could never match it.
  it.each<[string, string, string]>([
    ['markup', '城关镇<b>', 'cells.township.markup'],
    ['a lost character (ANSI save)', '城?镇', 'cells.township.lost_chars'],
    ['only digits', '12345', 'cells.township.not_a_name'],
    ['a control character', '小召乡\u0007', 'cells.control_chars'],
    ['more than 30 characters', '很'.repeat(31) + '镇', 'cells.township.too_long'],
  ])('refuses a name with %s', (_label, name, code) => {
    const r = validateSettings(one(name));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toContainEqual(expect.objectContaining({ path: 'settings.townships[0].name', code }));
  });

  it('refuses an alias the importer would refuse', () => {
    const r = validateSettings(one('小召乡', ['小召', '小|召']));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toContainEqual(
        expect.objectContaining({ path: 'settings.townships[0].aliases[1]', code: 'cells.township.markup' }),
      );
  });

  it('sees two spellings the matcher treats as one name as a duplicate', () => {
    const r = validateSettings({
      ...valid,
      townships: [
        { name: '小召乡', type: 'xiang', code: null, aliases: ['小召乡人民政府'] },
        { name: '小召乡政府', type: 'xiang', code: null, aliases: [] },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toContainEqual(
        expect.objectContaining({
          path: 'settings.townships[1]',
          code: 'store.validation.township_duplicate',
        }),
      );
  });

  it('keeps names that look like object keys: they are data', () => {
    const names = ['constructor', '__proto__', 'toString'];
    const r = validateSettings({
      ...valid,
      townships: names.map((name) => ({ name, type: 'other', code: null, aliases: [] })),
    });
    expect(r.ok && r.value.townships.map((t) => t.name)).toEqual(names);
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
