/**
 * The global filter bar above every view: month range (limited to the data's months), townships
 * (multi-select in official order, select-all by type, clear) and sector, plus chips that show
 * and clear the active township / sector filters. It edits the URL's filter values through
 * `onChange`; it computes nothing itself.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatPeriod } from '../../i18n/format';
import type { Filters } from '../../analysis/metrics';
import type { Period } from '../../domain/month';
import type { TownshipType } from '../../domain/records';
import { SECTORS, sectorByCode, isSectorCode } from '../../domain/sectors';
import { TOWNSHIP_TYPES } from '../../domain/townships';
import type { MessageKey } from '../../i18n/catalog';
import { useLang, useT } from '../../components/i18n-provider';
import type { RawFilters, TownshipOption } from './resolve-filters';
import './filter-bar.css';

export interface FilterBarProps {
  /** Every month of the data, ascending (the pickers offer only these). */
  readonly periods: readonly Period[];
  /** Townships in official order. */
  readonly townships: readonly TownshipOption[];
  /** The resolved filters (effective from/to; townships null = all). */
  readonly filters: Filters;
  readonly onChange: (patch: Partial<RawFilters>) => void;
}

const TYPE_KEY: Readonly<Record<TownshipType, MessageKey>> = {
  xiang: 'views.filters.type.xiang',
  zhen: 'views.filters.type.zhen',
  jiedao: 'views.filters.type.jiedao',
  diqu: 'views.filters.type.diqu',
  park: 'views.filters.type.park',
  other: 'views.filters.type.other',
};

/** How many names a chip spells out before "等 n 个". */
const CHIP_NAMES = 3;

/** The global filter bar. */
export function FilterBar({ periods, townships, filters, onChange }: FilterBarProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const first = periods[0];
  const last = periods[periods.length - 1];
  const sep = lang === 'en' ? ', ' : '、';

  // A bound of the data is stored as "default" (null) so the range follows newly imported months.
  const setFrom = (p: Period) => onChange({ from: p === first ? null : p });
  const setTo = (p: Period) => onChange({ to: p === last ? null : p });

  const known = new Set(townships.map((o) => o.name));
  const selected = filters.townships?.filter((n) => known.has(n)) ?? [];
  const chipNames =
    selected.length > CHIP_NAMES
      ? t('views.filters.chipMore', {
          names: selected.slice(0, CHIP_NAMES).join(sep),
          n: selected.length,
        })
      : selected.join(sep);
  const sector = filters.sector ? sectorByCode(filters.sector) : undefined;

  return (
    <section className="filter-bar" aria-label={t('views.filters.label')} data-testid="filter-bar">
      <div className="filter-bar__row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('views.filters.from')}</label>
          <select
            id={`${id}-from`}
            value={filters.from}
            disabled={periods.length === 0}
            onChange={(e) => setFrom(e.target.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p} disabled={p > filters.to}>
                {formatPeriod(lang, p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('views.filters.to')}</label>
          <select
            id={`${id}-to`}
            value={filters.to}
            disabled={periods.length === 0}
            onChange={(e) => setTo(e.target.value)}
          >
            {periods.map((p) => (
              <option key={p} value={p} disabled={p < filters.from}>
                {formatPeriod(lang, p)}
              </option>
            ))}
          </select>
        </div>
        <TownshipPicker townships={townships} selected={filters.townships} onChange={onChange} />
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('views.filters.sector')}</label>
          <select
            id={`${id}-sector`}
            value={filters.sector ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              onChange({ sector: isSectorCode(v) ? v : null });
            }}
          >
            <option value="">{t('views.filters.allSectors')}</option>
            {SECTORS.map((s) => (
              <option key={s.code} value={s.code}>
                {lang === 'en' ? s.en : s.zh}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__chips">
          {selected.length > 0 ? (
            <span className="chip">
              <span className="chip__text">{t('views.filters.chip', { names: chipNames })}</span>
              <button
                type="button"
                className="chip__clear"
                aria-label={t('views.filters.clearChip')}
                title={t('views.filters.clearChip')}
                onClick={() => onChange({ townships: [] })}
              >
                ×
              </button>
            </span>
          ) : null}
          {sector ? (
            <span className="chip">
              <span className="chip__text">
                {t('views.filters.sectorChip', { sector: lang === 'en' ? sector.en : sector.zh })}
              </span>
              <button
                type="button"
                className="chip__clear"
                aria-label={t('views.filters.clearSector')}
                title={t('views.filters.clearSector')}
                onClick={() => onChange({ sector: null })}
              >
                ×
              </button>
            </span>
          ) : null}
        </div>
      </div>
    </section>
  );
}

interface TownshipPickerProps {
  readonly townships: readonly TownshipOption[];
  /** null = all. */
  readonly selected: readonly string[] | null;
  readonly onChange: (patch: Partial<RawFilters>) => void;
}

/**
 * Township multi-select. A checkbox is ticked when the township is in the effective selection
 * (all ticked when there is no filter). "Clear" unticks everything locally without filtering to
 * nothing: an empty selection is not a filter (it would hide all data), so nothing is committed
 * until a township is ticked again.
 */
function TownshipPicker({ townships, selected, onChange }: TownshipPickerProps) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  // "Cleared" belongs to the selection it was made on: a new committed selection ends it.
  const [clearedOn, setClearedOn] = useState<{ readonly sel: readonly string[] | null } | null>(null);
  const cleared = clearedOn !== null && clearedOn.sel === selected;
  const setCleared = (v: boolean) => setClearedOn(v ? { sel: selected } : null);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const all = townships.map((o) => o.name);
  const selectedSet = new Set(selected ?? all);
  const isTicked = (name: string) => !cleared && selectedSet.has(name);
  const ticked = cleared ? [] : all.filter((n) => selectedSet.has(n));

  // Closing from the keyboard (Escape, 完成) hands focus back to the toggle: the panel's buttons
  // unmount, and focus would otherwise fall to <body> and restart at the top of the page.
  const closeToToggle = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && e.target instanceof Node && !rootRef.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const commit = (names: readonly string[]) => {
    const set = new Set(names);
    // Official order always; everything selected is the same as no filter (shorter URL).
    const ordered = all.filter((n) => set.has(n));
    if (ordered.length === 0) {
      setCleared(true);
      return;
    }
    setCleared(false);
    onChange({ townships: ordered.length === all.length ? [] : ordered });
  };

  const toggle = (name: string) =>
    commit(isTicked(name) ? ticked.filter((n) => n !== name) : [...ticked, name]);

  const typesPresent = TOWNSHIP_TYPES.filter((ty) => townships.some((o) => o.type === ty));
  const summary =
    selected === null || ticked.length === all.length
      ? t('views.filters.allTownships')
      : ticked.length === 1
        ? t('views.filters.oneTownship', { township: ticked[0] })
        : t('views.filters.someTownships', { n: ticked.length, total: all.length });

  return (
    <div className="field township-picker" ref={rootRef}>
      <span id={`${id}-label`}>{t('views.filters.townships')}</span>
      <button
        ref={toggleRef}
        type="button"
        className="township-picker__toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-labelledby={`${id}-label ${id}-summary`}
        onClick={() => setOpen((v) => !v)}
      >
        <span id={`${id}-summary`}>{summary}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <div id={`${id}-panel`} className="township-picker__panel">
          <div className="township-picker__actions">
            <button type="button" className="btn btn--small" onClick={() => commit(all)}>
              {t('views.filters.selectAll')}
            </button>
            {typesPresent.map((ty) => (
              <button
                key={ty}
                type="button"
                className="btn btn--small"
                onClick={() => commit(townships.filter((o) => o.type === ty).map((o) => o.name))}
              >
                {t('views.filters.selectType', { type: t(TYPE_KEY[ty]) })}
              </button>
            ))}
            <button type="button" className="btn btn--small" onClick={() => setCleared(true)}>
              {t('views.filters.clear')}
            </button>
            <span className="toolbar__spacer" />
            <button type="button" className="btn btn--small btn--primary" onClick={closeToToggle}>
              {t('views.filters.done')}
            </button>
          </div>
          <div role="group" aria-label={t('views.filters.townships')} className="township-picker__list">
            {townships.map((o) => (
              <label key={o.name} className="township-picker__item">
                <input type="checkbox" checked={isTicked(o.name)} onChange={() => toggle(o.name)} />
                <span>{o.name}</span>
              </label>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
