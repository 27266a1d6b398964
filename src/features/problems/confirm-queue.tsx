/**
 * The 待确认 queue: statements the model decided with low confidence (below CONFIDENT_MIN), least
 * certain first, each with one-click confirmation of the model's top two categories and the usual
 * category select; and what the model has learnt from the office, with a reset that asks first.
 * Renders props only (docs/decisions/0008-classifier-in-the-app.md).
 */
import { useState } from 'react';
import type { ProblemEdits } from '../../analysis/problems/edits';
import { CONFIDENT_MIN, confirmChoices } from '../../analysis/problems/model-decisions';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import { useLang, useT } from '../../components/i18n-provider';
import { formatPercent } from '../../i18n/format';
import type { ClassifierStatus } from './classifier-controller';
import { highlightsFor, StatementRow } from './statement-row';

/** Statements shown at once; confirming one brings the next up. */
export const MAX_QUEUE_SHOWN = 20;

/** Loading, updating or failure of the model (nothing when ready). */
export function ModelStatusNotice({ status }: { status: ClassifierStatus }) {
  const t = useT();
  if (status === 'ready') return null;
  if (status === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {t('problems.model.failed')}
      </p>
    );
  return (
    <p className="notice notice--info" role="status" data-testid="model-status">
      {t(status === 'loading' ? 'problems.model.loading' : 'problems.model.updating')}
    </p>
  );
}

/** How many corrections the model has learnt from, and the reset (asks for confirmation). */
export function LearntLine(props: { learnt: number; onReset: () => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return (
    <div className="problems-learnt" data-testid="model-learnt">
      <span>{t('problems.model.learnt', { n: props.learnt })}</span>
      {props.learnt > 0 && !asking ? (
        <button type="button" className="btn btn--small btn--link" onClick={() => setAsking(true)}>
          {t('problems.model.reset')}
        </button>
      ) : null}
      {asking ? (
        <span role="group" aria-label={t('problems.model.reset')} className="problems-learnt__confirm">
          <span>{t('problems.model.resetConfirm', { n: props.learnt })}</span>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setAsking(false);
              props.onReset();
            }}
          >
            {t('problems.model.resetYes')}
          </button>
          <button type="button" className="btn btn--small btn--link" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : null}
    </div>
  );
}

export interface ConfirmQueueProps {
  /** The queue (confirmationQueue), least certain first. */
  readonly queue: readonly ProblemStatement[];
  readonly edits: ProblemEdits;
  readonly options: readonly { readonly code: CategoryCode; readonly label: string }[];
  readonly onReassign: (statement: ProblemStatement, category: CategoryCode) => void;
  readonly onReset: (statement: ProblemStatement) => void;
}

/** The queue panel. */
export function ConfirmQueue(props: ConfirmQueueProps) {
  const t = useT();
  const lang = useLang();
  const { queue } = props;
  return (
    <section
      className="chart-frame problems-queue"
      data-testid="confirm-queue"
      aria-labelledby="problems-queue-title"
    >
      <header className="chart-frame__header">
        <h3 className="chart-frame__title" id="problems-queue-title">
          {t('problems.queue.title', { n: queue.length })}
        </h3>
      </header>
      <p className="chart-frame__summary">
        {t('problems.queue.summary', { threshold: formatPercent(lang, CONFIDENT_MIN, 0) })}
        {queue.length > MAX_QUEUE_SHOWN ? ` ${t('problems.queue.shown', { shown: MAX_QUEUE_SHOWN })}` : ''}
      </p>
      {queue.length === 0 ? (
        <p className="chart-frame__summary">{t('problems.queue.empty')}</p>
      ) : (
        <ul className="problems-statements">
          {queue.slice(0, MAX_QUEUE_SHOWN).map((s) => (
            <StatementRow
              key={s.id}
              statement={s}
              ranges={highlightsFor(s, props.edits)}
              options={props.options}
              copied={false}
              onReassign={props.onReassign}
              onReset={props.onReset}
              showTownship
              confirmChoices={confirmChoices(s)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
