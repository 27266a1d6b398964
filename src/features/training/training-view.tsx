/**
 * 培训: trainings and person-times by township and month (matrix), warning education, publicity
 * and drills alongside, per-session attendance, and townships with no training for N months.
 */
import { useMemo } from 'react';
import type { Cube } from '../../analysis/cube';
import { filterTownships, metricLabel, type Filters, type MetricId } from '../../analysis/metrics';
import { trainingStreaks } from '../../analysis/training';
import { formatPeriod } from '../../i18n/format';
import { buildActivitiesSpec, buildTrainingMatrixSpec } from '../../charts/training-charts';
import { buildRankingView } from '../../charts/compare-charts';
import {
  barChartHeight,
  defaultRankShow,
  MATRIX_PAGE_SIZE,
  matrixHeight,
  pageWindow,
} from '../../charts/township-window';
import { PageControls, RankingControls } from '../../components/township-window-controls';
import { DashboardChart } from '../../components/dashboard-chart';
import { townshipOrCell } from '../../components/cross-filter';
import { ChartGrid, Panel, SelectField, ViewToolbar, WideCell } from '../../components/dashboard-layout';
import { useLang, useT } from '../../components/i18n-provider';
import type { Period } from '../../domain/month';
import { DEFAULT_NO_TRAINING_MONTHS } from '../../domain/view-defaults';
import { noTrainingGroups } from './no-training';
import { TableScroll } from '../../components/table-scroll';
import { useTownshipPage, type TownshipWindowProps } from '../../components/use-township-page';

type MatrixMetric = 'trainings_held' | 'training_person_times';
const MATRIX_METRICS: readonly MatrixMetric[] = ['trainings_held', 'training_person_times'];
const MONTH_CHOICES = [1, 2, 3, 4, 6, 9, 12] as const;

export interface TrainingViewProps extends TownshipWindowProps {
  readonly cube: Cube;
  readonly filters: Filters;
  /** The selected cell's township: paged charts turn to its page (use-township-page.ts). */
  readonly selectedTownship?: string | null;
  /** The matrix metric from the URL; anything else shows trainings_held. */
  readonly metric: MetricId | null;
  readonly onMetricChange: (metric: MetricId) => void;
  /** N of the no-training rule; null = 3. */
  readonly months: number | null;
  readonly onMonthsChange: (months: number) => void;
  readonly onTownshipSelect: (township: string) => void;
  readonly onCellSelect: (township: string, period: Period) => void;
}

/** The training view. */
export function TrainingView({
  cube,
  filters,
  metric,
  onMetricChange,
  months,
  onMonthsChange,
  onTownshipSelect,
  onCellSelect,
  selectedTownship,
  rankShow,
  onRankShowChange,
  pageIndex: askedPage,
  onPageChange,
}: TrainingViewProps) {
  const t = useT();
  const lang = useLang();
  const matrixMetric: MatrixMetric = MATRIX_METRICS.find((m) => m === metric) ?? 'trainings_held';
  const n = months ?? DEFAULT_NO_TRAINING_MONTHS;
  const monthChoices = MONTH_CHOICES.includes(n as (typeof MONTH_CHOICES)[number])
    ? MONTH_CHOICES
    : [...MONTH_CHOICES, n].sort((a, b) => a - b);

  const activities = useMemo(() => buildActivitiesSpec(cube, { filters, lang }), [cube, filters, lang]);
  const townships = useMemo(() => filterTownships(cube, filters), [cube, filters]);
  const [pageIndex, setPageIndex] = useTownshipPage(
    townships,
    MATRIX_PAGE_SIZE,
    selectedTownship ?? null,
    askedPage,
    onPageChange,
  );
  const page = pageWindow(townships.length, MATRIX_PAGE_SIZE, pageIndex);
  const matrix = useMemo(
    () =>
      buildTrainingMatrixSpec(cube, {
        filters,
        lang,
        metric: matrixMetric,
        page: { index: page.index, size: MATRIX_PAGE_SIZE },
      }),
    [cube, filters, lang, matrixMetric, page.index],
  );
  const show = rankShow ?? defaultRankShow(townships.length);
  // Per-session attendance in official order (buildAttendanceSpec), with top/bottom N at city size.
  const attendance = useMemo(
    () =>
      buildRankingView(cube, {
        metric: 'attendance_per_training',
        filters,
        lang,
        order: 'official',
        id: 'training-attendance',
        show,
      }),
    [cube, filters, lang, show],
  );
  const groups = useMemo(
    () => noTrainingGroups(trainingStreaks(cube, filters.to, filters), n),
    [cube, filters, n],
  );
  // Matrix cells select their township-month, matrix row labels and bars their township.
  const onSelect = townshipOrCell(onTownshipSelect, onCellSelect);
  const monthText = formatPeriod(lang, filters.to);
  const rankHeight = barChartHeight(attendance.window.rows.length);
  const sep = lang === 'en' ? ', ' : '、';

  return (
    <div className="dash-view">
      <ViewToolbar>
        <SelectField
          label={t('views.picker.trainingMetric')}
          value={matrixMetric}
          options={MATRIX_METRICS.map((m) => ({ value: m, label: metricLabel(m, lang) }))}
          onChange={onMetricChange}
        />
        <SelectField
          label={t('views.picker.months')}
          value={String(n)}
          options={monthChoices.map((m) => ({
            value: String(m),
            label: t('views.picker.monthsN', { n: m }),
          }))}
          onChange={(v) => onMonthsChange(Number.parseInt(v, 10))}
        />
      </ViewToolbar>
      <ChartGrid>
        <WideCell>
          <DashboardChart
            spec={matrix}
            onSelect={onSelect}
            height={matrixHeight(page.end - page.start)}
            controls={
              page.pages > 1 ? (
                <PageControls page={page} onPageChange={setPageIndex} townships={townships} />
              ) : null
            }
          />
        </WideCell>
        <DashboardChart spec={activities} height={rankHeight} />
        <DashboardChart
          spec={attendance.spec}
          onSelect={onSelect}
          height={rankHeight}
          controls={
            <RankingControls view={attendance} show={show} onShowChange={onRankShowChange} lang={lang} />
          }
        />
        <WideCell>
          <Panel
            title={t('views.training.noTrainingTitle', { n })}
            summary={
              groups.confirmed.length > 0
                ? t('views.training.noTrainingSummary', {
                    month: monthText,
                    count: groups.confirmed.length,
                    n,
                  })
                : t('views.training.noTrainingNone', { month: monthText, n })
            }
            testId="no-training"
          >
            {groups.confirmed.length > 0 ? (
              <TableScroll label={t('views.training.noTrainingTitle', { n })} className="table-scroll--tall">
                <table className="data-table">
                  <caption className="visually-hidden">{t('views.training.noTrainingTitle', { n })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('views.training.col.township')}</th>
                      <th scope="col">{t('views.training.col.lastTraining')}</th>
                      <th scope="col">{t('views.training.col.zeroStreak')}</th>
                      <th scope="col">{t('views.training.col.unknown')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.confirmed.map((s) => (
                      <tr key={s.township}>
                        <td>
                          <button
                            type="button"
                            className="btn btn--link"
                            onClick={() => onTownshipSelect(s.township)}
                          >
                            {s.township}
                          </button>
                        </td>
                        <td>
                          {s.lastTraining ? formatPeriod(lang, s.lastTraining) : t('views.training.never')}
                        </td>
                        <td className="num">{s.zeroStreak}</td>
                        <td className="num">{s.unknownMonths}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            {groups.unconfirmed.length > 0 ? (
              <p className="view-hint">
                {t('views.training.unknownNote', {
                  count: groups.unconfirmed.length,
                  n,
                  names: groups.unconfirmed.map((s) => s.township).join(sep),
                })}
              </p>
            ) : null}
          </Panel>
        </WideCell>
      </ChartGrid>
    </div>
  );
}
