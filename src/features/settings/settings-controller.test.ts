/**
 * The settings form without React: row edits, the form → settings value, following the store
 * while untouched, save (valid and invalid) and a settings file read for review.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Township } from '../../domain/records';
import { PersistentStore } from '../../store/persistent-store';
import { settingsToJson } from '../../store/settings';
import { bytesOf, counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import {
  createSettingsController,
  formToSettings,
  type SettingsController,
  type SettingsForm,
} from './settings-controller';

const stores: PersistentStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const XIAOZHAO: Township = { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] };

async function openStore(saved = true): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('settings-ctl'),
    now: stepClock(),
    newId: counterIds('s'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  if (saved)
    await store.saveSettings({
      districtName: '示例区',
      issuingOffice: '区安委会办公室',
      dueDay: 25,
      townships: [XIAOZHAO],
    });
  return store;
}

const names = (f: SettingsForm) => f.townships.map((d) => d.name);

describe('formToSettings', () => {
  const base: SettingsForm = { districtName: '示例区', issuingOffice: '', dueDay: '25', townships: [] };
  it.each<[string, string, unknown]>([
    ['digits', '25', 25],
    ['digits with spaces', ' 5 ', 5],
    ['letters stay text, to be reported', '2a', '2a'],
    ['three digits stay text', '100', '100'],
    ['blank stays text', '', ''],
  ])('due day: %s', (_label, dueDay, expected) => {
    expect((formToSettings({ ...base, dueDay }) as { dueDay: unknown }).dueDay).toBe(expected);
  });

  it.each<[string, string, string[], string | null]>([
    ['、 separated', '城关、城关街道办事处', ['城关', '城关街道办事处'], null],
    ['mixed separators and blanks', ' 城关 ,，;；城关办 ', ['城关', '城关办'], null],
    ['none', '', [], null],
  ])('aliases: %s', (_label, aliases, expected) => {
    const row = { key: 1, name: '城关镇', type: 'zhen' as const, aliases, code: ' 419901101 ' };
    expect(formToSettings({ ...base, townships: [row] })).toMatchObject({
      townships: [{ name: '城关镇', aliases: expected, code: '419901101' }],
    });
  });
});

describe('settings controller', () => {
  it('fills the form from the store and edits rows: add, rename with a suggested type, move, remove', async () => {
    const store = await openStore();
    const c = createSettingsController({ store, onDownload: () => {} });
    expect(c.getSnapshot()).toMatchObject({
      form: { districtName: '示例区', dueDay: '25' },
      dirty: false,
      source: 'settings',
    });
    c.addRow();
    const added = c.getSnapshot().form.townships[1]!;
    c.rename(added.key, '城关街道');
    expect(c.getSnapshot().form.townships[1]).toMatchObject({ name: '城关街道', type: 'jiedao' });
    // A typed type is not overwritten by a later rename.
    c.patchRow(added.key, { type: 'zhen' });
    c.rename(added.key, '城关乡');
    expect(c.getSnapshot().form.townships[1]).toMatchObject({ name: '城关乡', type: 'zhen' });
    c.move(0, -1);
    c.move(1, 1);
    expect(names(c.getSnapshot().form)).toEqual(['小召乡', '城关乡']);
    c.move(1, -1);
    expect(names(c.getSnapshot().form)).toEqual(['城关乡', '小召乡']);
    c.removeRow(added.key);
    expect(names(c.getSnapshot().form)).toEqual(['小召乡']);
    expect(c.getSnapshot().dirty).toBe(true);
    expect(store.getSnapshot().settings.townships).toEqual([XIAOZHAO]);
  });

  it('an untouched form follows the store; an edited one does not until saved', async () => {
    const store = await openStore(false);
    const c = createSettingsController({ store, onDownload: () => {} });
    const off = c.subscribe(() => {});
    expect(c.getSnapshot()).toMatchObject({ source: 'none', form: { townships: [] } });
    // The sample arrives after the view opened, declaring the district's list.
    const sample = {
      ...result('dataset.json', [tm('东关街道', '2024-03'), tm('小召乡', '2024-03')]),
      townships: [XIAOZHAO],
    };
    const plan = await store.prepareImport(sample, bytesOf('sample'), {
      kind: 'sample',
      name: 'dataset.json',
    });
    await store.commitImport(plan, new Map());
    expect(c.getSnapshot()).toMatchObject({ source: 'held', districtCount: 2 });
    expect(names(c.getSnapshot().form)).toEqual(['小召乡', '东关街道']);

    c.patch({ districtName: '云川区' });
    await store.saveSettings({ districtName: '别处改的', townships: [XIAOZHAO] });
    expect(c.getSnapshot().form.districtName).toBe('云川区');
    expect(c.getSnapshot().source).toBe('settings');

    await c.save();
    expect(c.getSnapshot()).toMatchObject({ dirty: false, notice: 'saved', issues: [] });
    expect(store.getSnapshot().settings.districtName).toBe('云川区');
    await store.saveSettings({ districtName: '再改', townships: [XIAOZHAO] });
    expect(c.getSnapshot().form.districtName).toBe('再改');
    off();
  });

  it.each<[string, (c: SettingsController) => void, RegExp]>([
    ['a due day out of range', (c) => c.patch({ dueDay: '32' }), /dueDay/],
    [
      'a name the importer would refuse',
      (c) => {
        c.addRow();
        c.rename(c.getSnapshot().form.townships[1]!.key, '新区街道？');
      },
      /townships/,
    ],
  ])('does not save %s and lists the issue', async (_label, edit, path) => {
    const store = await openStore();
    const c = createSettingsController({ store, onDownload: () => {} });
    edit(c);
    await c.save();
    expect(c.getSnapshot().notice).toBeNull();
    expect(
      c
        .getSnapshot()
        .issues.map((i) => i.path)
        .join(' '),
    ).toMatch(path);
    expect(store.getSnapshot().settings.dueDay).toBe(25);
    expect(store.getSnapshot().settings.townships).toEqual([XIAOZHAO]);
  });

  it.each<[string, string, 'imported' | null]>([
    [
      'a settings file',
      settingsToJson({ districtName: '另一区', issuingOffice: '', dueDay: 20, townships: [] }),
      'imported',
    ],
    ['a hostile key', '{"__proto__":{"dueDay":1}}', null],
    ['not JSON', '设置', null],
  ])('reads %s for review only', async (_label, text, notice) => {
    const store = await openStore();
    const c = createSettingsController({ store, onDownload: () => {} });
    c.importText(text);
    expect(c.getSnapshot().notice).toBe(notice);
    expect(c.getSnapshot().issues.length > 0).toBe(notice === null);
    expect(c.getSnapshot().form.districtName).toBe(notice ? '另一区' : '示例区');
    expect(store.getSnapshot().settings.districtName).toBe('示例区');
  });

  it('exports the saved settings, not the edited form', async () => {
    const store = await openStore();
    const downloads: [string, string][] = [];
    const c = createSettingsController({
      store,
      onDownload: (content, name) => downloads.push([content, name]),
    });
    c.patch({ districtName: '未保存' });
    c.exportSettings();
    expect(downloads).toEqual([[settingsToJson(store.getSnapshot().settings), 'settings.json']]);
  });
});
