/**
 * The ranked list of chronic problems (township, category, streak) with the statements behind each
 * item, keywords highlighted, each with its category select.
 */
import { useId } from 'react';
import { categoryName, type ProblemEdits } from '../../analysis/problems/edits';
import type { ChronicItem, CopyFlag } from '../../analysis/problems/recurrence';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { useLang, useT } from '../../components/i18n-provider';
import { highlightsFor, StatementRow } from './statement-row';

/** Statements shown per item before the rest fold into "N more". */
const SHOWN = 3;
const MAX_ITEMS = 30;

export interface ChronicListProps {
  readonly items: readonly ChronicItem[];
  readonly edits: ProblemEdits;
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  readonly copyFlags: ReadonlyMap<string, CopyFlag>;
  readonly title: string;
  readonly summary: string;
  /** Statements in the window awaiting confirmation (not counted here); 0 or absent → nothing said. */
  readonly unconfirmed?: number;
  readonly onSelect: (township: string, category: CategoryCode) => void;
  readonly onReassign: (statement: ProblemStatement, category: CategoryCode) => void;
  readonly onReset: (statement: ProblemStatement) => void;
}

/** Chronic problems, longest streak first (the order chronicProblems ranks them in). */
export function ChronicList(props: ChronicListProps) {
  const { items, edits, options, copyFlags, onSelect } = props;
  const t = useT();
  const lang = useLang();
  const id = useId();
  const row = (s: ProblemStatement) => (
    <StatementRow
      key={s.id}
      statement={s}
      ranges={highlightsFor(s, edits)}
      options={options}
      copied={copyFlags.get(s.id)?.copiedFromPrevious ?? false}
      onReassign={props.onReassign}
      onReset={props.onReset}
    />
  );
  return (
    <section className="chart-frame problems-chronic" aria-labelledby={id} data-testid="chronic-list">
      <header className="chart-frame__header">
        <h3 id={id} className="chart-frame__title">
          {props.title}
        </h3>
      </header>
      <p className="chart-frame__summary">{props.summary}</p>
      {props.unconfirmed ? (
        <p className="chart-frame__summary" data-testid="chronic-unconfirmed">
          {t('problems.chronic.unconfirmed', { n: props.unconfirmed })}
        </p>
      ) : null}
      <ol className="problems-chronic__list">
        {items.slice(0, MAX_ITEMS).map((item) => {
          const statements = item.statements.map((c) => c.statement);
          return (
            <li key={`${item.township}\u001f${item.category}`} className="problems-chronic__item">
              <div className="problems-chronic__head">
                <button
                  type="button"
                  className="btn btn--link problems-chronic__name"
                  onClick={() => onSelect(item.township, item.category)}
                >
                  {item.township} · {categoryName(item.category, edits, lang)}
                </button>
                <span className="streak-badge" data-testid="streak">
                  {t('problems.chronic.streak', { n: item.currentStreak })}
                </span>
                <span className="muted">
                  {item.currentStreakMonths[0]}–
                  {item.currentStreakMonths[item.currentStreakMonths.length - 1]}
                  {item.currentStreakHasGap ? ` · ${t('problems.chronic.gapNote')}` : ''}
                </span>
              </div>
              <ul className="problems-statements" aria-label={t('problems.chronic.statementsLabel')}>
                {statements.slice(0, SHOWN).map(row)}
              </ul>
              {statements.length > SHOWN ? (
                <details>
                  <summary>{t('problems.chronic.more', { n: statements.length - SHOWN })}</summary>
                  <ul className="problems-statements">{statements.slice(SHOWN).map(row)}</ul>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
