/**
 * Shows an import plan before anything is written: duplicate-file notice, counts, and each
 * conflict as a field-level diff with a replace/keep choice (default keep: never a silent
 * overwrite), plus keep-all / replace-all for a resubmission with hundreds of differing rows and
 * a running count of what will be replaced. Values show as labels, never stored codes
 * (diff-display.ts). Used by the file import, URL and reporting-endpoint flows.
 */
import { memo, useCallback, useState } from 'react';
import { useLang, useT } from '../../components/i18n-provider';
import type { Conflict, ConflictDecision, ImportPlan } from '../../store/persist-types';
import { diffFieldLabel, diffValueText } from './diff-display';
import { formatTimestamp } from './format';
import './plan-review.css';

export interface PlanReviewProps {
  readonly plan: ImportPlan;
  readonly onConfirm: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  readonly onCancel: () => void;
  /** Disables the buttons while the commit runs. */
  readonly busy?: boolean;
}

interface ConflictItemProps {
  readonly conflict: Conflict;
  readonly decision: ConflictDecision;
  readonly onDecide: (key: string, d: ConflictDecision) => void;
}

/** One conflict: its field diff and the keep/replace choice. Memoised: hundreds can be listed. */
const ConflictItem = memo(function ConflictItem({ conflict: c, decision, onDecide }: ConflictItemProps) {
  const t = useT();
  const lang = useLang();
  const notReported = t('store.plan.not_reported');
  return (
    <fieldset className="plan-conflict">
      <legend>
        {t('store.plan.conflict_title', {
          township: c.township,
          period:
            'period_scope' in c.incoming && c.incoming.period_scope === 'ytd'
              ? `${c.period} ${t('dashboard.table.scope.ytd')}`
              : c.period,
        })}
      </legend>
      {c.incomingIsOlder && <p className="warning">{t('store.conflict.older')}</p>}
      <div className="plan-review__diff">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('store.plan.col.field')}</th>
              <th scope="col">{t('store.plan.col.old')}</th>
              <th scope="col">{t('store.plan.col.new')}</th>
            </tr>
          </thead>
          <tbody>
            {c.diffs.map((d) => (
              <tr key={d.field}>
                <th scope="row">{diffFieldLabel(c.kind, d.field, lang)}</th>
                <td>{diffValueText(c.kind, d.field, d.old, lang, notReported)}</td>
                <td>{diffValueText(c.kind, d.field, d.new, lang, notReported)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label>
        <input
          type="radio"
          name={`decision-${c.key}`}
          checked={decision === 'keep'}
          onChange={() => onDecide(c.key, 'keep')}
        />
        {t('store.plan.keep')}
      </label>
      <label>
        <input
          type="radio"
          name={`decision-${c.key}`}
          checked={decision === 'replace'}
          onChange={() => onDecide(c.key, 'replace')}
        />
        {t('store.plan.replace')}
      </label>
    </fieldset>
  );
});

export function PlanReview({ plan, onConfirm, onCancel, busy = false }: PlanReviewProps) {
  const t = useT();
  const lang = useLang();
  const [decisions, setDecisions] = useState<ReadonlyMap<string, ConflictDecision>>(new Map());
  // Stable, so a single choice re-renders one memoised conflict, not all of them.
  const decide = useCallback(
    (key: string, d: ConflictDecision) => setDecisions((prev) => new Map(prev).set(key, d)),
    [],
  );
  const decideAll = (d: ConflictDecision) =>
    setDecisions(d === 'keep' ? new Map() : new Map(plan.conflicts.map((c) => [c.key, d])));
  const replacing = plan.conflicts.filter((c) => decisions.get(c.key) === 'replace').length;
  return (
    <section aria-label={t('store.plan.title', { name: plan.result.file })} className="plan-review">
      <h3>{t('store.plan.title', { name: plan.result.file })}</h3>
      {plan.duplicateOf ? (
        <p role="status">
          {t('store.outcome.duplicate', { date: formatTimestamp(plan.duplicateOf.importedAt, lang) })}
        </p>
      ) : (
        <p role="status">
          {t('store.plan.summary', {
            added: plan.newRecords.length,
            identical: plan.identical,
            conflicts: plan.conflicts.length,
          })}
        </p>
      )}
      {!plan.duplicateOf && plan.conflicts.length > 0 && (
        <div className="plan-review__bulk" role="group" aria-label={t('store.plan.bulk')}>
          <p role="status" data-testid="plan-decision-count">
            {t('store.plan.decision_count', {
              total: plan.conflicts.length,
              replace: replacing,
              keep: plan.conflicts.length - replacing,
            })}
          </p>
          <button type="button" disabled={busy} onClick={() => decideAll('keep')}>
            {t('store.plan.keep_all')}
          </button>
          <button type="button" disabled={busy} onClick={() => decideAll('replace')}>
            {t('store.plan.replace_all')}
          </button>
        </div>
      )}
      {!plan.duplicateOf &&
        plan.conflicts.map((c) => (
          <ConflictItem
            key={c.key}
            conflict={c}
            decision={decisions.get(c.key) ?? 'keep'}
            onDecide={decide}
          />
        ))}
      <div className="actions">
        {!plan.duplicateOf && (
          <button type="button" disabled={busy} onClick={() => onConfirm(decisions)}>
            {t('store.plan.confirm')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('store.plan.cancel')}
        </button>
      </div>
    </section>
  );
}
