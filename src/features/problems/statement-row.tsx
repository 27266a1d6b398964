/**
 * One problem statement: the text with its matched keywords highlighted, where it came from, and a
 * select to move it to another category (a manual choice the rules never overwrite).
 */
import { memo } from 'react';
import { resolveMerge, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { needsConfirmation } from '../../analysis/problems/model-decisions';
import { useLang, useT } from '../../components/i18n-provider';
import { formatPercent } from '../../i18n/format';
import { HighlightedText, type HighlightRange } from './highlighted-text';
import { StatementSourceLink } from '../../components/statement-source';

/** Ranges of the keyword hits that support the statement's (merged) category. */
export function highlightsFor(statement: ProblemStatement, edits: ProblemEdits): HighlightRange[] {
  return statement.matches.filter((m) => resolveMerge(m.category, edits.merges) === statement.category);
}

export interface StatementRowProps {
  readonly statement: ProblemStatement;
  readonly ranges: readonly HighlightRange[];
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  readonly copied: boolean;
  readonly onReassign: (statement: ProblemStatement, category: CategoryCode) => void;
  readonly onReset: (statement: ProblemStatement) => void;
  /** Show the township as well as the month (lists spanning townships). */
  readonly showTownship?: boolean;
  /** One-click confirmation buttons for these categories (the 待确认 queue: the model's top two). */
  readonly confirmChoices?: readonly CategoryCode[];
}

/** The model's confidence and its other likely categories, for a statement the model decided. */
function ModelReason({ s, options }: { s: ProblemStatement; options: StatementRowProps['options'] }) {
  const t = useT();
  const lang = useLang();
  const label = (c: CategoryCode) => options.find((o) => o.code === c)?.label ?? c;
  // Alternatives that round to 0 % say nothing: show those of at least 1 %.
  const others = (s.alternatives ?? []).filter((a) => a.category !== s.category && a.probability >= 0.01);
  return (
    <span className="problem-statement__confidence" data-testid="statement-confidence">
      {s.classified_by === 'model'
        ? t('problems.confidence', { p: formatPercent(lang, s.confidence, 0) })
        : null}
      {others.length > 0 ? (
        <span className="muted">
          {t('problems.alternatives', {
            list: others
              .map((a) =>
                t('problems.alternativeItem', {
                  category: label(a.category),
                  p: formatPercent(lang, a.probability, 0),
                }),
              )
              .join(t('problems.listSep')),
          })}
        </span>
      ) : null}
    </span>
  );
}

/** A statement with its category select; memoised because lists re-render on every edit. */
export const StatementRow = memo(function StatementRow({
  statement: s,
  ranges,
  options,
  copied,
  onReassign,
  onReset,
  showTownship = false,
  confirmChoices,
}: StatementRowProps) {
  const t = useT();
  const params = { township: s.township, period: s.period, seq: s.seq };
  return (
    <li className="problem-statement" data-testid="problem-statement">
      <div className="problem-statement__meta">
        <span className="problem-statement__where">
          {showTownship ? `${s.township} · ` : ''}
          {t('problems.statement.where', { period: s.period, seq: s.seq })}
        </span>
        {s.classified_by !== 'rule' ? (
          <span className="badge-warning">{t(`problems.classifiedBy.${s.classified_by}`)}</span>
        ) : null}
        {needsConfirmation(s) ? (
          <span className="badge-warning" data-testid="statement-unconfirmed">
            {t('problems.unconfirmedBadge')}
          </span>
        ) : null}
        {copied ? <span className="badge-null">{t('problems.copied')}</span> : null}
        {s.alternatives ? <ModelReason s={s} options={options} /> : null}
        <StatementSourceLink statement={s} />
      </div>
      <p className="problem-statement__text">
        <HighlightedText text={s.text} ranges={ranges} />
      </p>
      <div className="problem-statement__actions">
        {(confirmChoices ?? []).map((code) => {
          const name = options.find((o) => o.code === code)?.label ?? code;
          return (
            <button
              key={code}
              type="button"
              className="btn btn--small"
              data-testid="confirm-category"
              aria-label={t('problems.queue.confirmLabel', { ...params, category: name })}
              onClick={() => onReassign(s, code)}
            >
              {t('problems.queue.confirmAs', { category: name })}
            </button>
          );
        })}
        <select
          aria-label={t('problems.statement.categoryLabel', params)}
          value={s.category}
          onChange={(e) => {
            const next = options.find((o) => o.code === e.target.value);
            if (next) onReassign(s, next.code);
          }}
        >
          {/* A merged-away or unknown current category is still shown, so the select tells the truth. */}
          {options.some((o) => o.code === s.category) ? null : (
            <option value={s.category}>{s.category}</option>
          )}
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
        {s.classified_by === 'manual' ? (
          <button
            type="button"
            className="btn btn--small btn--link"
            aria-label={t('problems.statement.resetLabel', params)}
            onClick={() => onReset(s)}
          >
            {t('problems.statement.reset')}
          </button>
        ) : null}
      </div>
    </li>
  );
});
