// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import { PersistentStore } from '../../store/persistent-store';
import { settingsToJson } from '../../store/settings';
import type { Township } from '../../domain/records';
import { bytesOf, counterIds, result, stepClock, tm, uniqueDbName } from '../../store/test-support';
import { SettingsPanel } from './settings-panel';

const stores: PersistentStore[] = [];
afterEach(() => {
  cleanup();
  for (const s of stores.splice(0)) s.close();
});

async function openStore(): Promise<PersistentStore> {
  const store = await PersistentStore.open({
    dbName: uniqueDbName('settings-ui'),
    now: stepClock(),
    newId: counterIds('s'),
    channelName: null,
    storage: null,
    locks: null,
  });
  stores.push(store);
  await store.saveSettings({
    districtName: '示例区',
    issuingOffice: '区安委会办公室',
    dueDay: 25,
    townships: [{ name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] }],
  });
  return store;
}

const renderPanel = (store: PersistentStore, onDownload = vi.fn()) =>
  render(
    <I18nProvider lang="zh-CN">
      <SettingsPanel store={store} onDownload={onDownload} />
    </I18nProvider>,
  );

// Validation, row edits and following the store are tested on the controller
// (settings-controller.test.ts); these check what the panel renders and wires.
describe('SettingsPanel', () => {
  it('adds a township, infers its type, reorders and saves', async () => {
    const store = await openStore();
    const user = userEvent.setup();
    renderPanel(store);
    await user.click(screen.getByRole('button', { name: '添加乡镇' }));
    await user.type(screen.getByRole('textbox', { name: '名称 2' }), '城关街道');
    await user.type(
      screen.getByRole('textbox', { name: '别名（用“、”或逗号分隔） 2' }),
      '城关、城关街道办事处',
    );
    expect(screen.getByRole('combobox', { name: '类型 2' })).toHaveValue('jiedao');
    await user.click(screen.getByRole('button', { name: '上移 城关街道' }));
    await user.click(screen.getByRole('button', { name: '保存设置' }));
    expect(await screen.findByText('设置已保存。')).toBeInTheDocument();
    expect(store.getSnapshot().settings.townships).toEqual([
      { name: '城关街道', type: 'jiedao', code: null, aliases: ['城关', '城关街道办事处'] },
      { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] },
    ]);
  });

  it('exports settings and reads a settings file for review', async () => {
    const store = await openStore();
    const user = userEvent.setup();
    const onDownload = vi.fn();
    renderPanel(store, onDownload);
    await user.click(screen.getByRole('button', { name: '导出设置' }));
    expect(onDownload).toHaveBeenCalledWith(settingsToJson(store.getSnapshot().settings), 'settings.json');
    const file = settingsToJson({ districtName: '另一区', issuingOffice: '', dueDay: 20, townships: [] });
    await user.upload(
      screen.getByLabelText('导入设置…'),
      new File([file], 'settings.json', { type: 'application/json' }),
    );
    expect(await screen.findByRole('textbox', { name: '区（县）名称' })).toHaveValue('另一区');
    // Loaded for review only: nothing saved until the user presses save.
    expect(store.getSnapshot().settings.districtName).toBe('示例区');
  });

  describe('a fresh profile (no saved list)', () => {
    const DECLARED: Township[] = [
      { name: '东关街道', type: 'jiedao', code: '419901001', aliases: ['东关办事处'] },
      { name: '城关镇', type: 'zhen', code: null, aliases: ['城关'] },
      { name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] },
    ];

    /** A store holding one imported file that declared the district's list, as the sample does. */
    async function heldStore(): Promise<PersistentStore> {
      const store = await PersistentStore.open({
        dbName: uniqueDbName('settings-held'),
        now: stepClock(),
        newId: counterIds('h'),
        channelName: null,
        storage: null,
        locks: null,
      });
      stores.push(store);
      const res = {
        ...result('dataset.json', [
          tm('东关街道', '2024-03'),
          tm('城关镇', '2024-03'),
          tm('小召乡', '2024-03'),
        ]),
        townships: DECLARED,
      };
      const plan = await store.prepareImport(res, bytesOf('sample'), {
        kind: 'sample',
        name: 'dataset.json',
      });
      await store.commitImport(plan, new Map());
      return store;
    }

    it('starts from the townships already held, and adding one keeps them all', async () => {
      const store = await heldStore();
      const user = userEvent.setup();
      renderPanel(store);
      expect(screen.getByTestId('townships-from-data').textContent).toContain('3 个乡镇');
      expect(screen.getByRole('textbox', { name: '名称 1' })).toHaveValue('东关街道');
      expect(screen.getByRole('textbox', { name: '名称 3' })).toHaveValue('小召乡');
      await user.click(screen.getByRole('button', { name: '添加乡镇' }));
      await user.type(screen.getByRole('textbox', { name: '名称 4' }), '新区街道');
      await user.click(screen.getByRole('button', { name: '保存设置' }));
      expect(await screen.findByText('设置已保存。')).toBeInTheDocument();
      expect(store.getSnapshot().settings.townships).toEqual([
        ...DECLARED,
        { name: '新区街道', type: 'jiedao', code: null, aliases: [] },
      ]);
    });

    it('refuses a name the importer would refuse, with the importer message', async () => {
      const store = await heldStore();
      const user = userEvent.setup();
      renderPanel(store);
      await user.click(screen.getByRole('button', { name: '添加乡镇' }));
      await user.type(screen.getByRole('textbox', { name: '名称 4' }), '新区街道？');
      await user.click(screen.getByRole('button', { name: '保存设置' }));
      expect((await screen.findByRole('alert')).textContent).toContain('疑似保存时丢失了汉字');
      expect(store.getSnapshot().settings.townships).toEqual([]);
    });
  });
});
