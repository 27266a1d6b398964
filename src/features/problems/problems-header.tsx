/**
 * The 问题 view's header: title, window and counts, the township-filter chip, the category select
 * and the button that opens the category-management panel. Renders props only.
 */
import type { CategoryCode } from '../../analysis/problems/types';
import type { Period } from '../../domain/month';
import { useT } from '../../components/i18n-provider';

export interface ProblemsHeaderProps {
  readonly from: Period | null;
  readonly to: Period | null;
  readonly statements: number;
  readonly townships: number;
  /** The township filter (empty: all). */
  readonly filtered: readonly string[];
  readonly category: CategoryCode | null;
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  readonly managing: boolean;
  readonly onTownshipsChange: (townships: readonly string[]) => void;
  readonly onCategoryChange: (category: CategoryCode | null) => void;
  readonly onManagingChange: (managing: boolean) => void;
}

/** The header of the 问题 view. */
export function ProblemsHeader(props: ProblemsHeaderProps) {
  const t = useT();
  const { from, to, options, managing } = props;
  return (
    <header className="problems-view__head">
      <div>
        <h2 className="problems-view__title">{t('problems.view.title')}</h2>
        {from !== null && to !== null ? (
          <p className="muted">
            {t('problems.view.window', { from, to })} ·{' '}
            {t('problems.view.counts', { statements: props.statements, townships: props.townships })}
          </p>
        ) : null}
      </div>
      <div className="toolbar problems-view__toolbar">
        {props.filtered.length > 0 ? (
          <span className="chip-group">
            {t('problems.view.townshipFilter', { townships: props.filtered.join('、') })}
            <button
              type="button"
              className="btn btn--small btn--link"
              onClick={() => props.onTownshipsChange([])}
            >
              {t('problems.view.clearTownships')}
            </button>
          </span>
        ) : null}
        <label className="field">
          <span>{t('problems.view.pickCategory')}</span>
          <select
            value={props.category ?? ''}
            onChange={(e) =>
              props.onCategoryChange(options.find((o) => o.code === e.target.value)?.code ?? null)
            }
          >
            <option value="">{t('problems.view.allCategories')}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          aria-expanded={managing}
          onClick={() => props.onManagingChange(!managing)}
        >
          {managing ? t('problems.manage.close') : t('problems.manage.open')}
        </button>
      </div>
    </header>
  );
}
