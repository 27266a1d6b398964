/**
 * The 通报 view: pick a month, check the title-block settings (district, issuing office, data
 * cut-off date), and get the printable bulletin with its key charts — rectification-rate ranking,
 * district trend and submission matrix — built by the same analysis and chart builders as the
 * dashboard, so every figure matches it. Print / Save as PDF and the Word download live in
 * BulletinPage.
 */
import { useId, useMemo, useState } from 'react';
import { buildCube } from '../../analysis/cube';
import type { Filters } from '../../analysis/metrics';
import type { ChartSpec } from '../../charts/chart-spec';
import { buildRankingSpec } from '../../charts/compare-charts';
import { buildSubmissionMatrixSpec } from '../../charts/submission-chart';
import { buildTrendSpec } from '../../charts/trend';
import { ChartExportScope, describeFilters, type ChartExportMeta } from '../../components/chart-export-scope';
import { EmptyState } from '../../components/empty-state';
import { ExportAllButton } from '../../components/export-menu';
import { useLang, useT } from '../../components/i18n-provider';
import { addMonths, isPeriod, type Period } from '../../domain/month';
import type { Dataset } from '../../domain/records';
import { buildBulletinFacts, type RecurringProblemFact } from '../../export/bulletin/bulletin-facts';
import { buildBulletinModel } from '../../export/bulletin/bulletin-model';
import type { Lang } from '../../i18n/i18n';
import { translate } from '../../i18n/i18n';
import { BulletinPage } from './bulletin-page';
import './bulletin-view.css';

/** The district settings the bulletin reads (the store's settings when persistence is on). */
export interface BulletinDefaults {
  readonly districtName: string;
  readonly issuingOffice: string;
  readonly dueDay: number;
}

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
}

/** Months of the trend chart (the bulletin month and the 11 before it) and of the submission matrix. */
const TREND_MONTHS = 12;
const MATRIX_MONTHS = 6;

/** `from`..`month` clamped to the first month of data (a range before the data is all gaps). */
function windowFilters(month: Period, months: number, first: Period | undefined): Filters {
  const start = addMonths(month, -(months - 1));
  const from = first !== undefined && first > start ? first : start;
  return { from, to: month, townships: null, sector: null };
}

/** The months a multi-month bulletin chart covers (by spec id), or null for a one-month chart. */
function chartRange(id: string, month: Period, first: Period | undefined): Filters | null {
  if (id === 'district-trend') return windowFilters(month, TREND_MONTHS, first);
  if (id === 'submission-matrix') return windowFilters(month, MATRIX_MONTHS, first);
  return null;
}

/** The bulletin's three charts for `month`, in the order they are printed and put into Word. */
export function bulletinCharts(
  cube: ReturnType<typeof buildCube>,
  month: Period,
  lang: Lang,
  dueDay: number,
): ChartSpec[] {
  const first = cube.periods[0];
  const one: Filters = { from: month, to: month, townships: null, sector: null };
  return [
    buildRankingSpec(cube, { metric: 'rectification_rate', filters: one, lang, id: 'bulletin-ranking' }),
    buildTrendSpec(cube, {
      metrics: ['hazards_found', 'hazards_rectified', 'rectification_rate'],
      filters: chartRange('district-trend', month, first) ?? one,
      lang,
    }),
    buildSubmissionMatrixSpec(cube, {
      filters: chartRange('submission-matrix', month, first) ?? one,
      lang,
      dueDay,
    }),
  ];
}

/** The bulletin view. */
export function BulletinView({
  dataset,
  settings,
  today,
  initialMonth,
  recurringProblems,
}: BulletinViewProps) {
  const t = useT();
  const lang = useLang();
  const ids = useId();
  const cube = useMemo(() => buildCube(dataset), [dataset]);
  const months = cube.periods;
  const latest = months[months.length - 1] ?? null;
  const [picked, setPicked] = useState<Period | null>(null);
  const month =
    picked !== null && months.includes(picked)
      ? picked
      : initialMonth && isPeriod(initialMonth) && months.includes(initialMonth)
        ? initialMonth
        : latest;

  const districtDefault = settings?.districtName.trim() || dataset.district || '';
  const [district, setDistrict] = useState<string | null>(null);
  const [office, setOffice] = useState<string | null>(null);
  const [cutoff, setCutoff] = useState<string>(today);
  const districtValue = district ?? districtDefault;
  const officeDefault =
    settings?.issuingOffice.trim() ||
    (districtValue ? translate(lang, 'exportui.bulletin.defaultOffice', { district: districtValue }) : '');
  const officeValue = office ?? officeDefault;
  const dueDay = settings?.dueDay ?? 25;

  const model = useMemo(() => {
    if (month === null) return null;
    const facts = buildBulletinFacts(
      dataset,
      month,
      {
        district: districtValue,
        issuingOffice: officeValue,
        cutoffDate: cutoff,
        dueDay,
        recurringProblems: recurringProblems?.(month) ?? [],
      },
      cube,
    );
    return buildBulletinModel(facts, { lang });
  }, [dataset, month, districtValue, officeValue, cutoff, dueDay, cube, lang, recurringProblems]);
  const charts = useMemo(
    () => (month === null ? [] : bulletinCharts(cube, month, lang, dueDay)),
    [cube, month, lang, dueDay],
  );
  // Each chart's own period: the trend and the matrix span several months, the ranking one.
  const chartMeta = useMemo(() => {
    const m = new Map<string, ChartExportMeta>();
    for (const spec of charts) {
      const range =
        spec.id === 'bulletin-ranking' || month === null ? null : chartRange(spec.id, month, cube.periods[0]);
      if (!range) continue;
      const d = describeFilters(lang, { ...range, townships: [] });
      m.set(spec.id, { subtitle: d.subtitle, ...(d.period ? { period: d.period } : {}) });
    }
    return m;
  }, [charts, month, cube, lang]);
  const meta = useMemo<ChartExportMeta>(
    () => (model ? { subtitle: model.monthLabel, period: model.month, generatedAt: today } : {}),
    [model, today],
  );

  if (month === null || model === null) return <EmptyState message={t('exportui.bulletin.empty')} />;

  return (
    <ChartExportScope meta={meta}>
      <div className="bulletin-view">
        <form
          className="bulletin-view__controls toolbar"
          aria-label={t('exportui.bulletin.settings')}
          onSubmit={(e) => e.preventDefault()}
        >
          <label className="field" htmlFor={`${ids}-month`}>
            <span>{t('exportui.bulletin.month')}</span>
            <select id={`${ids}-month`} value={month} onChange={(e) => setPicked(e.target.value)}>
              {[...months].reverse().map((p) => (
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
              value={districtValue}
              maxLength={60}
              onChange={(e) => setDistrict(e.target.value)}
            />
          </label>
          <label className="field field--wide" htmlFor={`${ids}-office`}>
            <span>{t('exportui.bulletin.office')}</span>
            <input
              id={`${ids}-office`}
              type="text"
              value={officeValue}
              maxLength={60}
              onChange={(e) => setOffice(e.target.value)}
            />
          </label>
          <label className="field" htmlFor={`${ids}-cutoff`}>
            <span>{t('exportui.bulletin.cutoff')}</span>
            <input
              id={`${ids}-cutoff`}
              type="date"
              value={cutoff}
              // An emptied date input keeps the last valid day: the title block always has one.
              onChange={(e) => setCutoff(e.target.value || cutoff)}
            />
          </label>
          <span className="toolbar__spacer" />
          <ExportAllButton viewTitle={t('exportui.nav.bulletin')} />
        </form>
        <BulletinPage
          model={model}
          charts={charts}
          generatedAt={today}
          source={t('exportui.source')}
          chartMeta={chartMeta}
        />
      </div>
    </ChartExportScope>
  );
}
