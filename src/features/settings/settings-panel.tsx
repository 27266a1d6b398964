/**
 * Edit the district settings: district name, issuing office, due day, and the township master
 * list (official order, type, aliases, division code). Saving validates through the store; the
 * settings can be exported and imported as a JSON file (validated, reviewed before saving). The
 * form's workflow lives in settings-controller.ts; this file renders its snapshot.
 */
import { JsonFileInput } from '../../components/json-file-input';
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';
import { downloadBlob } from '../../components/save-file';
import { useT } from '../../components/i18n-provider';
import type { TownshipType } from '../../domain/records';
import { TOWNSHIP_TYPES } from '../../domain/townships';
import type { ValidationIssue } from '../../store/json-guard';
import { readFileText } from '../../components/read-file-text';
import { TableScroll } from '../../components/table-scroll';
import {
  createSettingsController,
  type DraftTownship,
  type SettingsController,
  type SettingsStore,
} from './settings-controller';

export type { SettingsStore } from './settings-controller';

export interface SettingsPanelProps {
  readonly store: SettingsStore;
  readonly onDownload?: (content: string, fileName: string) => void;
}

const defaultDownload = (content: string, fileName: string) =>
  downloadBlob(content, fileName, 'application/json');

/** The validation issues of the last save or settings file. */
function Issues({ issues }: { readonly issues: readonly ValidationIssue[] }) {
  const t = useT();
  if (issues.length === 0) return null;
  return (
    <div role="alert">
      <p>{t('store.settings.invalid')}</p>
      <ul>
        {issues.map((i, n) => (
          <li key={n}>
            {i.path}: {t(i.code, i.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface RowProps {
  readonly d: DraftTownship;
  readonly i: number;
  readonly last: boolean;
  readonly controller: SettingsController;
}

/** One township row: name, type, aliases, code, and move/remove buttons. */
function TownshipRow({ d, i, last, controller }: RowProps) {
  const t = useT();
  const n = i + 1;
  return (
    <tr>
      <td>
        <input
          aria-label={`${t('store.settings.township_name')} ${n}`}
          value={d.name}
          onChange={(e) => controller.rename(d.key, e.currentTarget.value)}
        />
      </td>
      <td>
        <select
          aria-label={`${t('store.settings.township_type')} ${n}`}
          value={d.type}
          onChange={(e) => controller.patchRow(d.key, { type: e.currentTarget.value as TownshipType })}
        >
          {TOWNSHIP_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(`store.settings.type.${ty}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`${t('store.settings.township_aliases')} ${n}`}
          value={d.aliases}
          onChange={(e) => controller.patchRow(d.key, { aliases: e.currentTarget.value })}
        />
      </td>
      <td>
        <input
          aria-label={`${t('store.settings.township_code')} ${n}`}
          inputMode="numeric"
          value={d.code}
          onChange={(e) => controller.patchRow(d.key, { code: e.currentTarget.value })}
        />
      </td>
      <td className="settings-panel__row-actions">
        <button
          type="button"
          aria-label={t('store.settings.move_up', { name: d.name })}
          disabled={i === 0}
          onClick={() => controller.move(i, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('store.settings.move_down', { name: d.name })}
          disabled={last}
          onClick={() => controller.move(i, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={t('store.settings.remove_township', { name: d.name })}
          onClick={() => controller.removeRow(d.key)}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

/** The township master list table. */
function TownshipTable({
  rows,
  controller,
}: {
  readonly rows: readonly DraftTownship[];
  readonly controller: SettingsController;
}) {
  const t = useT();
  return (
    <TableScroll label={t('store.settings.townships')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('store.settings.township_name')}</th>
            <th scope="col">{t('store.settings.township_type')}</th>
            <th scope="col">{t('store.settings.township_aliases')}</th>
            <th scope="col">{t('store.settings.township_code')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('store.settings.township_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d, i) => (
            <TownshipRow key={d.key} d={d} i={i} last={i === rows.length - 1} controller={controller} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The 设置 panel. */
export function SettingsPanel({ store, onDownload = defaultDownload }: SettingsPanelProps) {
  const t = useT();
  const [controller] = useState(() => createSettingsController({ store, onDownload }));
  useLayoutEffect(() => controller.setOptions({ store, onDownload }), [controller, store, onDownload]);
  const snap = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const form = snap.form;
  return (
    <section aria-labelledby="settings-title" className="settings-panel">
      <h2 id="settings-title">{t('store.settings.title')}</h2>
      {snap.notice && <p role="status">{t(`store.settings.${snap.notice}`)}</p>}
      <Issues issues={snap.issues} />
      <label>
        {t('store.settings.district')}
        <input
          value={form.districtName}
          onChange={(e) => controller.patch({ districtName: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('store.settings.office')}
        <input
          value={form.issuingOffice}
          onChange={(e) => controller.patch({ issuingOffice: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('store.settings.due_day')}
        <input
          inputMode="numeric"
          value={form.dueDay}
          onChange={(e) => controller.patch({ dueDay: e.currentTarget.value })}
        />
      </label>
      <h3>{t('store.settings.townships')}</h3>
      {snap.source === 'held' ? (
        <p className="muted" data-testid="townships-from-data">
          {t('store.settings.townships_from_data', { n: snap.districtCount })}
        </p>
      ) : null}
      <TownshipTable rows={form.townships} controller={controller} />
      <button type="button" onClick={() => controller.addRow()}>
        {t('store.settings.add_township')}
      </button>
      <div className="actions">
        <button type="button" onClick={() => void controller.save()}>
          {t('store.settings.save')}
        </button>
        <button type="button" onClick={() => controller.exportSettings()}>
          {t('store.settings.export')}
        </button>
        <JsonFileInput
          label={t('store.settings.import')}
          onFile={(file) => void readFileText(file).then(controller.importText)}
        />
      </div>
    </section>
  );
}
