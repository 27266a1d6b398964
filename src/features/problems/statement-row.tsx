/**
 * One problem statement: the text with its matched keywords highlighted, where it came from, and a
 * select to move it to another category (a manual choice the rules never overwrite).
 */
import { memo } from 'react';
import { resolveMerge, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { useT } from '../../components/i18n-provider';
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
        {copied ? <span className="badge-null">{t('problems.copied')}</span> : null}
        <StatementSourceLink statement={s} />
      </div>
      <p className="problem-statement__text">
        <HighlightedText text={s.text} ranges={ranges} />
      </p>
      <div className="problem-statement__actions">
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
