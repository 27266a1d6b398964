/**
 * 对比: township ranking for any metric and period with the district average, small multiples
 * of one metric on shared axes, and a scatter of two metrics to spot outliers, with an option to
 * normalise per 100 units inspected.
 */
import { useMemo } from 'react';
import type { Cube } from '../../analysis/cube';
import {
  filterTownships,
  metricDef,
  metricLabel,
  METRICS,
  type Filters,
  type MetricId,
} from '../../analysis/metrics';
import type { RankOrder } from '../../analysis/rank';
import { buildRankingView, buildScatterSpec, buildSmallMultiplesSpec } from '../../charts/compare-charts';
import {
  barChartHeight,
  defaultRankShow,
  MAX_CHART_HEIGHT,
  MULTIPLES_PAGE_SIZE,
  pageWindow,
} from '../../charts/township-window';
import { PageControls, RankingControls } from '../../components/township-window-controls';
import { DashboardChart } from '../../components/dashboard-chart';
import { townshipOrCell } from '../../components/cross-filter';
import { ChartGrid, SelectField, ViewToolbar, WideCell } from '../../components/dashboard-layout';
import { useLang, useT } from '../../components/i18n-provider';
import { useTownshipPage, type TownshipWindowProps } from '../../components/use-township-page';

export const DEFAULT_COMPARE_METRIC: MetricId = 'hazards_found';
export const DEFAULT_SCATTER_X: MetricId = 'hazards_per_100_units';
export const DEFAULT_SCATTER_Y: MetricId = 'rectification_rate';
/** Panels per row of the small multiples (the builder's default). */
const PANELS_PER_ROW = 4;
/** The scatter shares its grid row with the ranking but needs no more than this to be read. */
const SCATTER_MAX_HEIGHT = 640;

export interface CompareViewProps extends TownshipWindowProps {
  readonly cube: Cube;
  readonly filters: Filters;
  /** The selected cell's township: paged charts turn to its page (use-township-page.ts). */
  readonly selectedTownship?: string | null;
  readonly metric: MetricId | null;
  readonly onMetricChange: (metric: MetricId) => void;
  readonly order: RankOrder | null;
  readonly onOrderChange: (order: RankOrder) => void;
  readonly normalise: boolean;
  readonly onNormaliseChange: (normalise: boolean) => void;
  readonly x: MetricId | null;
  readonly y: MetricId | null;
  readonly onAxesChange: (patch: { x?: MetricId; y?: MetricId }) => void;
  readonly onTownshipSelect: (township: string) => void;
}

const ORDERS: readonly RankOrder[] = ['desc', 'asc', 'official'];

/** The compare view. */
export function CompareView(props: CompareViewProps) {
  const { cube, filters, onTownshipSelect } = props;
  const t = useT();
  const lang = useLang();
  const metric = props.metric ?? DEFAULT_COMPARE_METRIC;
  const order = props.order ?? 'desc';
  // Normalising applies to reported counts only; rates and the backlog ignore it.
  const canNormalise = metricDef(metric).kind === 'field';
  const normalise = props.normalise && canNormalise;
  const x = props.x ?? DEFAULT_SCATTER_X;
  const y = props.y ?? DEFAULT_SCATTER_Y;

  const townships = useMemo(() => filterTownships(cube, filters), [cube, filters]);
  const count = townships.length;
  // Above a small district the bars show the first 20 in the chosen order (lowest first → bottom).
  const show = props.rankShow ?? defaultRankShow(count, order === 'asc' ? 'bottom' : 'top');
  const ranking = useMemo(
    () => buildRankingView(cube, { metric, filters, lang, order, normalise, show }),
    [cube, metric, filters, lang, order, normalise, show],
  );
  const [pageIndex, setPageIndex] = useTownshipPage(
    townships,
    MULTIPLES_PAGE_SIZE,
    props.selectedTownship ?? null,
    props.pageIndex,
    props.onPageChange,
  );
  const page = pageWindow(count, MULTIPLES_PAGE_SIZE, pageIndex);
  const multiples = useMemo(
    () =>
      buildSmallMultiplesSpec(cube, {
        metric,
        filters,
        lang,
        page: { index: page.index, size: MULTIPLES_PAGE_SIZE },
      }),
    [cube, metric, filters, lang, page.index],
  );
  const scatter = useMemo(() => buildScatterSpec(cube, { x, y, filters, lang }), [cube, x, y, filters, lang]);
  const rankHeight = barChartHeight(ranking.window.rows.length);

  const metricOptions = useMemo(
    () => [...METRICS.keys()].map((m) => ({ value: m, label: metricLabel(m, lang) })),
    [lang],
  );
  // Every chart here selects a township (a small-multiples point: its panel's township).
  const onClick = townshipOrCell(onTownshipSelect);

  return (
    <div className="dash-view">
      <ViewToolbar>
        <SelectField
          label={t('views.picker.metric')}
          value={metric}
          options={metricOptions}
          onChange={props.onMetricChange}
        />
        <SelectField
          label={t('views.picker.order')}
          value={order}
          options={ORDERS.map((o) => ({ value: o, label: t(`views.picker.order.${o}`) }))}
          onChange={props.onOrderChange}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={normalise}
            disabled={!canNormalise}
            onChange={(e) => props.onNormaliseChange(e.target.checked)}
          />
          {t('views.picker.normalise')}
        </label>
        <span className="toolbar__spacer" />
        <SelectField
          label={t('views.picker.x')}
          value={x}
          options={metricOptions}
          onChange={(v) => props.onAxesChange({ x: v })}
        />
        <SelectField
          label={t('views.picker.y')}
          value={y}
          options={metricOptions}
          onChange={(v) => props.onAxesChange({ y: v })}
        />
      </ViewToolbar>
      <ChartGrid>
        <DashboardChart
          spec={ranking.spec}
          onSelect={onClick}
          height={rankHeight}
          controls={<RankingControls view={ranking} show={show} onShowChange={props.onRankShowChange} lang={lang} />}
        />
        <DashboardChart spec={scatter} onSelect={onClick} height={Math.min(rankHeight, SCATTER_MAX_HEIGHT)} />
        <WideCell>
          <DashboardChart
            spec={multiples}
            onSelect={onClick}
            height={Math.min(
              MAX_CHART_HEIGHT,
              Math.max(240, Math.ceil((page.end - page.start) / PANELS_PER_ROW) * 150 + 40),
            )}
            controls={
              page.pages > 1 ? (
                <PageControls page={page} onPageChange={setPageIndex} townships={townships} />
              ) : null
            }
          />
        </WideCell>
      </ChartGrid>
    </div>
  );
}
