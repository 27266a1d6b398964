/**
 * The statements of the selected category and/or township, newest first, at most MAX_LISTED, each
 * with its category select; a hint when nothing is selected. Renders props only.
 */
import type { ProblemEdits } from '../../analysis/problems/edits';
import type { CopyFlag } from '../../analysis/problems/recurrence';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { useT } from '../../components/i18n-provider';
import { MAX_LISTED } from './problems-view-model';
import { highlightsFor, StatementRow } from './statement-row';

export interface StatementListProps {
  /** null: no selection yet (the hint is shown). */
  readonly listed: readonly ProblemStatement[] | null;
  /** The selection in words; '' for all. */
  readonly scope: string;
  readonly edits: ProblemEdits;
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  readonly copyFlags: ReadonlyMap<string, CopyFlag>;
  /** Name the township on each row (no township picked). */
  readonly showTownship: boolean;
  readonly onReassign: (statement: ProblemStatement, category: CategoryCode) => void;
  readonly onReset: (statement: ProblemStatement) => void;
}

/** The listed statements. */
export function StatementList(props: StatementListProps) {
  const t = useT();
  const { listed } = props;
  return (
    <section className="chart-frame problems-listed" data-testid="statement-list">
      <header className="chart-frame__header">
        <h3 className="chart-frame__title">
          {t('problems.statements.title', {
            scope: props.scope === '' ? t('problems.statements.scopeAll') : props.scope,
          })}
        </h3>
      </header>
      {listed === null ? (
        <p className="chart-frame__summary">{t('problems.statements.hint')}</p>
      ) : (
        <>
          <p className="chart-frame__summary">
            {listed.length > MAX_LISTED
              ? t('problems.statements.truncated', { shown: MAX_LISTED, n: listed.length })
              : t('problems.statements.count', { n: listed.length })}
          </p>
          <ul className="problems-statements">
            {listed.slice(0, MAX_LISTED).map((s) => (
              <StatementRow
                key={s.id}
                statement={s}
                ranges={highlightsFor(s, props.edits)}
                options={props.options}
                copied={props.copyFlags.get(s.id)?.copiedFromPrevious ?? false}
                onReassign={props.onReassign}
                onReset={props.onReset}
                showTownship={props.showTownship}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
