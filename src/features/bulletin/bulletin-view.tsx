/**
 * The 通报 view: pick a month, check the title-block settings (district, issuing office, data
 * cut-off date), and get the printable bulletin with its key charts — rectification-rate ranking,
 * district trend and submission matrix. The form and what it derives live in
 * bulletin-view-model.ts; this component renders them. Print / Save as PDF and the Word download
 * live in BulletinPage.
 */
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { cubeOf } from '../../analysis/cube';
import { ChartExportScope } from '../../components/chart-export-scope';
import { EmptyState } from '../../components/empty-state';
import { ExportAllButton } from '../../components/export-menu';
import { useLang, useT } from '../../components/i18n-provider';
import type { Period } from '../../domain/month';
import type { Dataset } from '../../domain/records';
import type { RecurringProblemFact } from '../../export/bulletin/bulletin-facts';
import { BulletinPage } from './bulletin-page';
import {
  createBulletinFormController,
  deriveBulletinView,
  type BulletinDefaults,
} from './bulletin-view-model';
import './bulletin-view.css';

export type { BulletinDefaults } from './bulletin-view-model';

export interface BulletinViewProps {
  readonly dataset: Dataset;
  /** Saved settings; blank names fall back to the dataset's district and a derived office name. */
  readonly settings?: BulletinDefaults | null;
  /** Today `YYYY-MM-DD`: the default cut-off date and the charts' 制图日期. */
  readonly today: string;
  /** Month to open with; the latest month with data when absent or outside the data. */
  readonly initialMonth?: Period | null;
  /** Problems recurring 3+ months up to a month (with the user's category edits); none when absent. */
  readonly recurringProblems?: (month: Period) => readonly RecurringProblemFact[];
  /** Problem statements awaiting confirmation up to a month (said in the bulletin); none when absent. */
  readonly unconfirmedProblems?: (month: Period) => number;
}

/** The bulletin view. */
export function BulletinView({
  dataset,
  settings,
  today,
  initialMonth,
  recurringProblems,
  unconfirmedProblems,
}: BulletinViewProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const [controller] = useState(() => createBulletinFormController(today));
  const form = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const cube = useMemo(() => cubeOf(dataset), [dataset]);
  const view = useMemo(
    () =>
      deriveBulletinView({
        dataset,
        cube,
        form,
        settings: settings ?? null,
        today,
        lang,
        initialMonth: initialMonth ?? null,
        recurringProblems: recurringProblems ?? null,
        unconfirmedProblems: unconfirmedProblems ?? null,
      }),
    [dataset, cube, form, settings, today, lang, initialMonth, recurringProblems, unconfirmedProblems],
  );
  if (view === null) return <EmptyState message={t('exportui.bulletin.empty')} />;

  return (
    <ChartExportScope meta={view.meta}>
      <div className="bulletin-view">
        <form
          className="bulletin-view__controls toolbar"
          aria-label={t('exportui.bulletin.settings')}
          onSubmit={(e) => e.preventDefault()}
        >
          <label className="field" htmlFor={`${ids}-month`}>
            <span>{t('exportui.bulletin.month')}</span>
            <select
              id={`${ids}-month`}
              value={view.month}
              onChange={(e) => controller.pickMonth(e.target.value)}
            >
              {[...view.months].reverse().map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor={`${ids}-district`}>
            <span>{t('exportui.bulletin.district')}</span>
            <input
              id={`${ids}-district`}
              type="text"
              value={view.district}
              maxLength={60}
              onChange={(e) => controller.setDistrict(e.target.value)}
            />
          </label>
          <label className="field field--wide" htmlFor={`${ids}-office`}>
            <span>{t('exportui.bulletin.office')}</span>
            <input
              id={`${ids}-office`}
              type="text"
              value={view.office}
              maxLength={60}
              onChange={(e) => controller.setOffice(e.target.value)}
            />
          </label>
          <label className="field" htmlFor={`${ids}-cutoff`}>
            <span>{t('exportui.bulletin.cutoff')}</span>
            <input
              id={`${ids}-cutoff`}
              type="date"
              value={form.cutoff}
              onChange={(e) => controller.setCutoff(e.target.value)}
            />
          </label>
          <span className="toolbar__spacer" />
          <ExportAllButton viewTitle={t('exportui.nav.bulletin')} />
        </form>
        <BulletinPage
          model={view.model}
          charts={view.charts}
          generatedAt={today}
          source={t('exportui.source')}
          chartMeta={view.chartMeta}
        />
      </div>
    </ChartExportScope>
  );
}
