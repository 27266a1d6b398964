/**
 * 隐患: found vs rectified with the rectification rate over time, the rate per township, a
 * township × month heatmap of any hazard metric, hazards by sector and the major-hazard backlog.
 */
import { useMemo } from 'react';
import type { Cube } from '../../analysis/cube';
import { filterTownships, metricLabel, type Filters, type MetricId } from '../../analysis/metrics';
import { buildRankingView } from '../../charts/compare-charts';
import {
  buildFoundRectifiedSpec,
  buildMajorBacklogSpec,
  buildSectorStackSpec,
} from '../../charts/hazard-charts';
import { buildHeatmapSpec } from '../../charts/heatmap';
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
import { ChartGrid, SelectField, ViewToolbar, WideCell } from '../../components/dashboard-layout';
import { useLang, useT } from '../../components/i18n-provider';
import type { Period } from '../../domain/month';
import { useTownshipPage, type TownshipWindowProps } from '../../components/use-township-page';

/** Metrics the hazard heatmap offers, in picker order. */
export const HAZARD_METRICS: readonly MetricId[] = [
  'hazards_found',
  'hazards_rectified',
  'rectification_rate',
  'hazards_major_found',
  'hazards_major_rectified',
  'major_open',
  'hazards_per_100_units',
  'units_inspected',
  'rectification_notices',
  'rectification_funds_10k_yuan',
];

export interface HazardsViewProps extends TownshipWindowProps {
  readonly cube: Cube;
  readonly filters: Filters;
  /** The selected cell's township: paged charts turn to its page (use-township-page.ts). */
  readonly selectedTownship?: string | null;
  /** The heatmap metric from the URL; anything not in HAZARD_METRICS shows hazards_found. */
  readonly metric: MetricId | null;
  readonly onMetricChange: (metric: MetricId) => void;
  readonly onTownshipSelect: (township: string) => void;
  readonly onCellSelect: (township: string, period: Period) => void;
}

/** The hazards view. */
export function HazardsView({
  cube,
  filters,
  metric,
  onMetricChange,
  onTownshipSelect,
  onCellSelect,
  selectedTownship,
  rankShow,
  onRankShowChange,
  pageIndex: askedPage,
  onPageChange,
}: HazardsViewProps) {
  const t = useT();
  const lang = useLang();
  const heatMetric: MetricId = metric !== null && HAZARD_METRICS.includes(metric) ? metric : 'hazards_found';

  const foundRectified = useMemo(
    () => buildFoundRectifiedSpec(cube, { filters, lang }),
    [cube, filters, lang],
  );
  const matrixTownships = useMemo(() => filterTownships(cube, filters), [cube, filters]);
  // Lowest rates first: at city size the chart shows the 20 lowest unless asked otherwise.
  const show = rankShow ?? defaultRankShow(matrixTownships.length, 'bottom');
  const rateRanking = useMemo(
    () =>
      buildRankingView(cube, {
        metric: 'rectification_rate',
        filters,
        lang,
        order: 'asc',
        id: 'hazards-rate-ranking',
        show,
      }),
    [cube, filters, lang, show],
  );
  const [pageIndex, setPageIndex] = useTownshipPage(
    matrixTownships,
    MATRIX_PAGE_SIZE,
    selectedTownship ?? null,
    askedPage,
    onPageChange,
  );
  const page = pageWindow(matrixTownships.length, MATRIX_PAGE_SIZE, pageIndex);
  const heatmap = useMemo(
    () =>
      buildHeatmapSpec(cube, {
        metric: heatMetric,
        filters,
        lang,
        page: { index: page.index, size: MATRIX_PAGE_SIZE },
      }),
    [cube, heatMetric, filters, lang, page.index],
  );
  const sectors = useMemo(() => buildSectorStackSpec(cube, { filters, lang }), [cube, filters, lang]);
  const backlog = useMemo(() => buildMajorBacklogSpec(cube, { filters, lang }), [cube, filters, lang]);

  // Bars select their township, heatmap cells their township-month, heatmap row labels the township.
  const onSelect = townshipOrCell(onTownshipSelect, onCellSelect);
  const heatHeight = matrixHeight(page.end - page.start);
  // The two charts of a grid row share a height so the row has no ragged gap.
  const rowHeight = barChartHeight(rateRanking.window.rows.length);

  return (
    <div className="dash-view">
      <ChartGrid>
        <DashboardChart spec={foundRectified} height={rowHeight} />
        <DashboardChart
          spec={rateRanking.spec}
          onSelect={onSelect}
          height={rowHeight}
          controls={<RankingControls view={rateRanking} show={show} onShowChange={onRankShowChange} lang={lang} />}
        />
        <WideCell>
          <ViewToolbar>
            <SelectField
              label={t('views.picker.metric')}
              value={heatMetric}
              options={HAZARD_METRICS.map((m) => ({ value: m, label: metricLabel(m, lang) }))}
              onChange={onMetricChange}
            />
            <span className="view-hint">{t('views.hazards.heatmapHint')}</span>
          </ViewToolbar>
        </WideCell>
        <WideCell>
          <DashboardChart
            spec={heatmap}
            onSelect={onSelect}
            height={heatHeight}
            controls={
              page.pages > 1 ? (
                <PageControls page={page} onPageChange={setPageIndex} townships={matrixTownships} />
              ) : null
            }
          />
        </WideCell>
        <DashboardChart spec={sectors} />
        <DashboardChart spec={backlog} />
      </ChartGrid>
    </div>
  );
}
