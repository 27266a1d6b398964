/**
 * The settings form without React: district name, issuing office, due day and the township list
 * as typed text, its row edits (add, rename with a suggested type, reorder, remove), saving
 * through the store's validation, and a settings file read for review (never saved before the
 * user presses save). An untouched form follows the store, so the sample (or another tab) can
 * still fill it after the view opened; the township rows start from the district's list (the
 * saved one, else the townships already held; src/store/district-townships.ts). The panel
 * (settings-panel.tsx) renders the snapshot; subscribe with useSyncExternalStore.
 */
import type { Township, TownshipType } from '../../domain/records';
import { inferTownshipType } from '../../domain/townships';
import { districtTownships, type TownshipListSource } from '../../store/district-townships';
import type { ValidationIssue } from '../../store/json-guard';
import type { Settings } from '../../store/persist-types';
import type { PersistentStore } from '../../store/persistent-store';
import { parseSettingsJson, settingsToJson } from '../../store/settings';
import { storeFollower } from '../../store/store-follower';

/** The store methods the settings use. */
export type SettingsStore = Pick<PersistentStore, 'getSnapshot' | 'subscribe' | 'saveSettings'>;

/** What the controller works with; the panel passes its props again on every render. */
export interface SettingsOptions {
  readonly store: SettingsStore;
  readonly onDownload: (content: string, fileName: string) => void;
}

/** A township row as edited: aliases and code as typed text until saved. */
export interface DraftTownship {
  readonly key: number;
  readonly name: string;
  readonly type: TownshipType;
  readonly aliases: string;
  readonly code: string;
}

/** The form as typed. */
export interface SettingsForm {
  readonly districtName: string;
  readonly issuingOffice: string;
  readonly dueDay: string;
  readonly townships: readonly DraftTownship[];
}

/** Everything the panel renders, replaced (never mutated) on every change. */
export interface SettingsSnapshot {
  readonly form: SettingsForm;
  /** The user changed the form since it was filled: it no longer follows the store. */
  readonly dirty: boolean;
  readonly issues: readonly ValidationIssue[];
  readonly notice: 'saved' | 'imported' | null;
  /** Where the form's township rows came from, and how many there were. */
  readonly source: TownshipListSource;
  readonly districtCount: number;
}

/** The settings workflow; see the module comment. */
export interface SettingsController {
  getSnapshot(): SettingsSnapshot;
  /** Also follows the store while subscribed. */
  subscribe(listener: () => void): () => void;
  setOptions(options: SettingsOptions): void;
  patch(p: Partial<Omit<SettingsForm, 'townships'>>): void;
  /** Renames row `key`; a row whose type is still 'other' gets the type its name's suffix suggests. */
  rename(key: number, name: string): void;
  patchRow(key: number, p: Partial<Omit<DraftTownship, 'key'>>): void;
  /** Moves the row at `index` by `delta` places (ignored past either end). */
  move(index: number, delta: number): void;
  removeRow(key: number): void;
  addRow(): void;
  /** Validates and saves the form through the store. */
  save(): Promise<void>;
  /** Fills the form from a settings file's text, for review (nothing is saved). */
  importText(text: string): void;
  /** Downloads the saved settings as settings.json. */
  exportSettings(): void;
}

/**
 * The form as a settings value for validation. The due day stays text unless it is all digits,
 * so "2a" is reported, not coerced; aliases split on 、 , ， ; ；.
 */
export const formToSettings = (f: SettingsForm): unknown => ({
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

/** Creates the settings workflow with the form filled from the store. */
export function createSettingsController(initial: SettingsOptions): SettingsController {
  let options = initial;
  let nextKey = 1;
  /**
   * The form for `s`, its rows taken from `townships` (the district's list), so adding one
   * township adds to the district instead of replacing it with a one-township list.
   */
  const toForm = (s: Settings, townships: readonly Township[] = s.townships): SettingsForm => ({
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

  // What the untouched form was filled from; a change in either refills it.
  let shown: { settings: Settings; townships: readonly Township[] } | null = null;
  let snapshot: SettingsSnapshot = {
    form: { districtName: '', issuingOffice: '', dueDay: '', townships: [] },
    dirty: false,
    issues: [],
    notice: null,
    source: 'none',
    districtCount: 0,
  };
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of [...listeners]) l();
  };

  /** Brings the snapshot up to date with the store; true when it changed. */
  const follow = (): boolean => {
    const data = options.store.getSnapshot();
    const district = districtTownships(data);
    const same = shown !== null && shown.settings === data.settings && shown.townships === district.townships;
    if (same && snapshot.source === district.source) return false;
    const refill = !snapshot.dirty && !same;
    if (refill) shown = { settings: data.settings, townships: district.townships };
    snapshot = {
      ...snapshot,
      ...(refill ? { form: toForm(data.settings, district.townships) } : {}),
      source: district.source,
      districtCount: district.townships.length,
    };
    return true;
  };
  follow();

  const set = (patch: Partial<SettingsSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    emit();
  };
  const edit = (change: (f: SettingsForm) => SettingsForm) =>
    set({ dirty: true, form: change(snapshot.form) });
  const editRows = (change: (rows: readonly DraftTownship[]) => readonly DraftTownship[]) =>
    edit((f) => ({ ...f, townships: change(f.townships) }));

  const follower = storeFollower<SettingsStore>(() => {
    if (follow()) emit();
  });

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      follower.start(options.store);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) follower.stop();
      };
    },
    setOptions(next) {
      const storeChanged = next.store !== options.store;
      options = next;
      if (storeChanged) follower.restart(options.store);
    },
    patch(p) {
      edit((f) => ({ ...f, ...p }));
    },
    rename(key, name) {
      // Suggest the type from the name's suffix while the row is new (type still 'other').
      editRows((rows) =>
        rows.map((d) =>
          d.key !== key
            ? d
            : d.type === 'other'
              ? { ...d, name, type: inferTownshipType(name.trim()) }
              : { ...d, name },
        ),
      );
    },
    patchRow(key, p) {
      editRows((rows) => rows.map((d) => (d.key === key ? { ...d, ...p } : d)));
    },
    move(index, delta) {
      const target = index + delta;
      const rows = snapshot.form.townships;
      if (target < 0 || target >= rows.length) return;
      const list = [...rows];
      [list[index], list[target]] = [list[target]!, list[index]!];
      editRows(() => list);
    },
    removeRow(key) {
      editRows((rows) => rows.filter((x) => x.key !== key));
    },
    addRow() {
      editRows((rows) => [...rows, { key: nextKey++, name: '', type: 'other', aliases: '', code: '' }]);
    },
    async save() {
      const res = await options.store.saveSettings(formToSettings(snapshot.form));
      if (res.ok) {
        set({ issues: [], dirty: false, notice: 'saved' });
        // The saved settings are the store's now: follow them again.
        if (follow()) emit();
      } else set({ issues: res.error, notice: null });
    },
    importText(text) {
      const res = parseSettingsJson(text);
      if (res.ok) set({ dirty: true, form: toForm(res.value), issues: [], notice: 'imported' });
      else set({ issues: res.error, notice: null });
    },
    exportSettings() {
      options.onDownload(settingsToJson(options.store.getSnapshot().settings), 'settings.json');
    },
  };
}
