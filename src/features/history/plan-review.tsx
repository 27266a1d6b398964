/**
 * Shows an import plan before anything is written: duplicate-file notice, counts, and each
 * conflict as a field-level diff with a replace/keep choice (default keep: never a silent
 * overwrite). Used by the file import, URL and reporting-endpoint flows.
 */
import { useState } from 'react';
import { townshipMonthField } from '../../domain/fields';
import { useLang, useT } from '../../components/i18n-provider';
import type { ConflictDecision, ImportPlan } from '../../store/persist-types';
import { formatTimestamp, formatValue } from './format';

export interface PlanReviewProps {
  readonly plan: ImportPlan;
  readonly onConfirm: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  readonly onCancel: () => void;
  /** Disables the buttons while the commit runs. */
  readonly busy?: boolean;
}

/** The field's label in the current language from the registry, else its canonical name. */
function fieldLabel(field: string, lang: string): string {
  const def = townshipMonthField(field);
  return def ? (lang === 'en' ? def.en : def.zh) : field;
}

export function PlanReview({ plan, onConfirm, onCancel, busy = false }: PlanReviewProps) {
  const t = useT();
  const lang = useLang();
  const [decisions, setDecisions] = useState<ReadonlyMap<string, ConflictDecision>>(new Map());
  const decide = (key: string, d: ConflictDecision) => setDecisions((prev) => new Map(prev).set(key, d));
  const notReported = t('store.plan.not_reported');
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
      {!plan.duplicateOf &&
        plan.conflicts.map((c) => (
          <fieldset key={c.key} className="plan-conflict">
            <legend>{t('store.plan.conflict_title', { township: c.township, period: c.period })}</legend>
            {c.incomingIsOlder && <p className="warning">{t('store.conflict.older')}</p>}
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
                    <th scope="row">{fieldLabel(d.field, lang)}</th>
                    <td>{formatValue(d.old, notReported)}</td>
                    <td>{formatValue(d.new, notReported)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <label>
              <input
                type="radio"
                name={`decision-${c.key}`}
                checked={(decisions.get(c.key) ?? 'keep') === 'keep'}
                onChange={() => decide(c.key, 'keep')}
              />
              {t('store.plan.keep')}
            </label>
            <label>
              <input
                type="radio"
                name={`decision-${c.key}`}
                checked={decisions.get(c.key) === 'replace'}
                onChange={() => decide(c.key, 'replace')}
              />
              {t('store.plan.replace')}
            </label>
          </fieldset>
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
