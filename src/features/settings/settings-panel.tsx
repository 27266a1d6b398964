/**
 * Edit the district settings: district name, issuing office, due day, and the township master
 * list (official order, type, aliases, division code). Saving validates through the store; the
 * settings can be exported and imported as a JSON file (validated, reviewed before saving).
 */
import { JsonFileInput } from '../../components/json-file-input';
import { useState, useSyncExternalStore } from 'react';
import { downloadBlob } from '../../components/save-file';
import { useT } from '../../components/i18n-provider';
import type { Township, TownshipType } from '../../domain/records';
import { TOWNSHIP_TYPES, inferTownshipType } from '../../domain/townships';
import { districtTownships } from '../../store/district-townships';
import type { ValidationIssue } from '../../store/json-guard';
import type { Settings } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import { parseSettingsJson, settingsToJson } from '../../store/settings';
import { readFileText } from '../../components/read-file-text';
import { TableScroll } from '../../components/table-scroll';

export type SettingsStore = Pick<PersistentStore, 'getSnapshot' | 'subscribe' | 'saveSettings'>;

export interface SettingsPanelProps {
  readonly store: SettingsStore;
  readonly onDownload?: (content: string, fileName: string) => void;
}

/** A township row as edited: aliases and code as typed text until saved. */
interface Draft {
  readonly key: number;
  readonly name: string;
  readonly type: TownshipType;
  readonly aliases: string;
  readonly code: string;
}

interface Form {
  readonly districtName: string;
  readonly issuingOffice: string;
  readonly dueDay: string;
  readonly townships: readonly Draft[];
}

let nextKey = 1;
/**
 * The form for `s`, its township rows taken from `townships` (the district's list: the saved one,
 * else the townships already held), so adding one township adds to the district instead of
 * replacing it with a one-township list.
 */
const toForm = (s: Settings, townships: readonly Township[] = s.townships): Form => ({
  districtName: s.districtName,
  issuingOffice: s.issuingOffice,
  dueDay: String(s.dueDay),
  townships: townships.map((tw) => ({
    key: nextKey++,
    name: tw.name,
    type: tw.type,
    aliases: tw.aliases.join('、'),
    code: tw.code ?? '',
  })),
});

/** The form as a settings value for validation. The due day stays text unless it is all digits, so "2a" is reported, not coerced. */
const fromForm = (f: Form): unknown => ({
  districtName: f.districtName,
  issuingOffice: f.issuingOffice,
  dueDay: /^\d{1,2}$/.test(f.dueDay.trim()) ? Number(f.dueDay.trim()) : f.dueDay,
  townships: f.townships.map((d) => ({
    name: d.name,
    type: d.type,
    code: d.code.trim() === '' ? null : d.code.trim(),
    aliases: d.aliases
      .split(/[、,，;；]/)
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  })),
});

const defaultDownload = (content: string, fileName: string) =>
  downloadBlob(content, fileName, 'application/json');

export function SettingsPanel({ store, onDownload = defaultDownload }: SettingsPanelProps) {
  const t = useT();
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const district = districtTownships(snap);
  const [form, setFormState] = useState<Form>(() => toForm(snap.settings, district.townships));
  // Untouched forms follow the store (the sample may still be loading when the view opens).
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [shown, setShown] = useState({ settings: snap.settings, townships: district.townships });
  if (!dirty && (shown.settings !== snap.settings || shown.townships !== district.townships)) {
    setShown({ settings: snap.settings, townships: district.townships });
    setFormState(toForm(snap.settings, district.townships));
  }
  const setForm = (update: (f: Form) => Form) => {
    setDirty(true);
    setFormState(update);
  };

  const patch = (p: Partial<Form>) => setForm((f) => ({ ...f, ...p }));
  const patchRow = (key: number, p: Partial<Draft>) =>
    setForm((f) => ({ ...f, townships: f.townships.map((d) => (d.key === key ? { ...d, ...p } : d)) }));
  const move = (index: number, delta: number) =>
    setForm((f) => {
      const list = [...f.townships];
      const target = index + delta;
      if (target < 0 || target >= list.length) return f;
      [list[index], list[target]] = [list[target]!, list[index]!];
      return { ...f, townships: list };
    });

  const handleSave = async () => {
    const res = await store.saveSettings(fromForm(form));
    if (res.ok) {
      setIssues([]);
      setDirty(false);
      setNotice(t('store.settings.saved'));
    } else {
      setIssues(res.error);
      setNotice(null);
    }
  };

  const handleImport = async (file: File) => {
    const res = parseSettingsJson(await readFileText(file));
    if (res.ok) {
      setForm(() => toForm(res.value));
      setIssues([]);
      setNotice(t('store.settings.imported'));
    } else {
      setIssues(res.error);
      setNotice(null);
    }
  };

  return (
    <section aria-labelledby="settings-title" className="settings-panel">
      <h2 id="settings-title">{t('store.settings.title')}</h2>
      {notice && <p role="status">{notice}</p>}
      {issues.length > 0 && (
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
      )}
      <label>
        {t('store.settings.district')}
        <input value={form.districtName} onChange={(e) => patch({ districtName: e.currentTarget.value })} />
      </label>
      <label>
        {t('store.settings.office')}
        <input value={form.issuingOffice} onChange={(e) => patch({ issuingOffice: e.currentTarget.value })} />
      </label>
      <label>
        {t('store.settings.due_day')}
        <input
          inputMode="numeric"
          value={form.dueDay}
          onChange={(e) => patch({ dueDay: e.currentTarget.value })}
        />
      </label>
      <h3>{t('store.settings.townships')}</h3>
      {district.source === 'held' ? (
        <p className="muted" data-testid="townships-from-data">
          {t('store.settings.townships_from_data', { n: district.townships.length })}
        </p>
      ) : null}
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
            {form.townships.map((d, i) => (
              <tr key={d.key}>
                <td>
                  <input
                    aria-label={`${t('store.settings.township_name')} ${i + 1}`}
                    value={d.name}
                    onChange={(e) => {
                      const name = e.currentTarget.value;
                      // Suggest the type from the name's suffix while the row is new (type still 'other').
                      patchRow(
                        d.key,
                        d.type === 'other' ? { name, type: inferTownshipType(name.trim()) } : { name },
                      );
                    }}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${t('store.settings.township_type')} ${i + 1}`}
                    value={d.type}
                    onChange={(e) => patchRow(d.key, { type: e.currentTarget.value as TownshipType })}
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
                    aria-label={`${t('store.settings.township_aliases')} ${i + 1}`}
                    value={d.aliases}
                    onChange={(e) => patchRow(d.key, { aliases: e.currentTarget.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('store.settings.township_code')} ${i + 1}`}
                    inputMode="numeric"
                    value={d.code}
                    onChange={(e) => patchRow(d.key, { code: e.currentTarget.value })}
                  />
                </td>
                <td className="settings-panel__row-actions">
                  <button
                    type="button"
                    aria-label={t('store.settings.move_up', { name: d.name })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('store.settings.move_down', { name: d.name })}
                    disabled={i === form.townships.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('store.settings.remove_township', { name: d.name })}
                    onClick={() =>
                      setForm((f) => ({ ...f, townships: f.townships.filter((x) => x.key !== d.key) }))
                    }
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button
        type="button"
        onClick={() =>
          patch({
            townships: [
              ...form.townships,
              { key: nextKey++, name: '', type: 'other', aliases: '', code: '' },
            ],
          })
        }
      >
        {t('store.settings.add_township')}
      </button>
      <div className="actions">
        <button type="button" onClick={() => void handleSave()}>
          {t('store.settings.save')}
        </button>
        <button type="button" onClick={() => onDownload(settingsToJson(snap.settings), 'settings.json')}>
          {t('store.settings.export')}
        </button>
        <JsonFileInput label={t('store.settings.import')} onFile={(file) => void handleImport(file)} />
      </div>
    </section>
  );
}
