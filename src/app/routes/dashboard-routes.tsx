/**
 * The dashboard views (总览, 隐患, 培训, 对比, 报送) as ViewDef entries, plus the frame every view
 * shares: the global filter bar, the township-month detail panel and the empty states. The cube
 * is built once per dataset; filters are resolved once per filter change and passed down, so the
 * features stay thin and never read the URL themselves.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { cubeOf, type Cube } from '../../analysis/cube';
import { filterTownships, type Filters } from '../../analysis/metrics';
import { EmptyState } from '../../components/empty-state';
import { useT } from '../../components/i18n-provider';
import type { Period } from '../../domain/month';
import { FilterBar } from '../../features/filters/filter-bar';
import { resolveFilters, townshipOptions, type RawFilters } from '../../features/filters/resolve-filters';
import { OverviewView, type ExtraAttentionItem } from '../../features/overview/overview-view';
import { DEFAULT_DUE_DAY, DEFAULT_NO_TRAINING_MONTHS } from '../../domain/view-defaults';
import type { RankShow } from '../../charts/rank-show';
import type { ChoosePage } from '../../components/use-township-page';
import type { ViewContext, ViewDef } from './route-types';
import { lazyView } from './lazy-view';

// 总览 is the landing view and loads with the app; the other views and the detail panel load on
// first use (issue 13: initial JS and first chart, measured by tests/e2e/cold-start.measure.ts).
const HazardsView = lazyView(() => import('../../features/hazards/hazards-view').then((m) => m.HazardsView));
const TrainingView = lazyView(() =>
  import('../../features/training/training-view').then((m) => m.TrainingView),
);
const CompareView = lazyView(() => import('../../features/compare/compare-view').then((m) => m.CompareView));
const SubmissionsView = lazyView(() =>
  import('../../features/submissions/submissions-view').then((m) => m.SubmissionsView),
);
export const DetailPanel = lazyView(() =>
  import('../../features/detail/detail-panel').then((m) => m.DetailPanel),
);


/** What every dashboard view receives from the frame. */
export interface DashboardEnv {
  readonly cube: Cube;
  readonly filters: Filters;
  readonly onTownshipSelect: (township: string) => void;
  readonly onCellSelect: (township: string, period: Period) => void;
  /** The township of the selected cell (the detail panel's), which paged charts turn to. */
  readonly selectedTownship: string | null;
  /** The view's ranking window from the URL (`rank`); null = the view's default. */
  readonly rankShow: RankShow | null;
  readonly onRankShowChange: (show: RankShow) => void;
  /** The page of the view's paged chart from the URL (`page`), 0-based; null = none named. */
  readonly pageIndex: number | null;
  readonly onPageChange: ChoosePage;
}

interface FrameProps {
  readonly ctx: ViewContext;
  /** False for views that must render without data (数据: the import panel lives there). */
  readonly requireData?: boolean;
  readonly children: (env: DashboardEnv) => ReactNode;
}

/** The shared frame: filter bar, detail panel, empty states, then the view. */
export function DashboardFrame({ ctx, requireData = true, children }: FrameProps) {
  const t = useT();
  const { snapshot, state, setState } = ctx;
  const dataset = snapshot.dataset;
  const cube = useMemo(() => cubeOf(dataset), [dataset]);
  const { from, to, sector } = state;
  // Keyed by content: the parsed URL gives a new array on every URL change (e.g. the metric).
  const townshipsKey = state.townships.join('\u0000');
  const filters = useMemo(
    () =>
      resolveFilters(cube, {
        from,
        to,
        townships: townshipsKey === '' ? [] : townshipsKey.split('\u0000'),
        sector,
      }),
    [cube, from, to, townshipsKey, sector],
  );
  const options = useMemo(() => townshipOptions(cube, dataset), [cube, dataset]);
  const selectedCount = useMemo(() => filterTownships(cube, filters).length, [cube, filters]);

  const onFilterChange = useCallback((patch: Partial<RawFilters>) => setState(patch), [setState]);
  const onTownshipSelect = useCallback((township: string) => setState({ townships: [township] }), [setState]);
  const onCellSelect = useCallback(
    (township: string, period: Period) => setState({ cell: { township, period }, para: undefined }),
    [setState],
  );
  const onClose = useCallback(() => setState({ cell: null, para: undefined }), [setState]);
  const clearAll = () => setState({ from: null, to: null, townships: [], sector: null });
  const selectedTownship = state.cell?.township ?? null;
  const onRankShowChange = useCallback((rank: RankShow) => setState({ rank }), [setState]);
  const onPageChange = useCallback<ChoosePage>(
    (index, options) => setState({ page: index + 1 }, options),
    [setState],
  );
  const rankShow = state.rank ?? null;
  const pageIndex = state.page === undefined ? null : state.page - 1;
  const env = useMemo<DashboardEnv>(
    () => ({
      cube,
      filters,
      onTownshipSelect,
      onCellSelect,
      selectedTownship,
      rankShow,
      onRankShowChange,
      pageIndex,
      onPageChange,
    }),
    [cube, filters, onTownshipSelect, onCellSelect, selectedTownship, rankShow, onRankShowChange, pageIndex, onPageChange],
  );

  let body: ReactNode;
  if (requireData && cube.periods.length === 0)
    body = (
      <EmptyState
        message={t('views.empty.noData')}
        action={
          <button type="button" className="btn btn--primary" onClick={() => setState({ view: 'data' })}>
            {t('views.empty.goImport')}
          </button>
        }
      />
    );
  else if (requireData && selectedCount === 0)
    body = (
      <EmptyState
        message={t('views.empty.noTownships')}
        action={
          <button type="button" className="btn" onClick={clearAll}>
            {t('views.empty.clearFilters')}
          </button>
        }
      />
    );
  else body = children(env);

  return (
    <>
      {cube.periods.length > 0 ? (
        <FilterBar periods={cube.periods} townships={options} filters={filters} onChange={onFilterChange} />
      ) : null}
      {state.cell ? (
        <DetailPanel
          dataset={dataset}
          imports={snapshot.imports}
          township={state.cell.township}
          period={state.cell.period}
          onClose={onClose}
          onTownshipSelect={onTownshipSelect}
          focusLine={state.para ?? null}
        />
      ) : null}
      {body}
    </>
  );
}

/** Wraps any view (e.g. 数据) in the frame so the global filters show above it too. */
export const withGlobalFilters =
  (render: (ctx: ViewContext) => ReactNode) =>
  (ctx: ViewContext): ReactNode => (
    <DashboardFrame ctx={ctx} requireData={false}>
      {() => render(ctx)}
    </DashboardFrame>
  );

/** 总览, with the slot for attention items from other areas (e.g. problems recurring 3+ months). */
export function renderOverview(
  ctx: ViewContext,
  extraAttentionItems?: readonly ExtraAttentionItem[],
): ReactNode {
  return (
    <DashboardFrame ctx={ctx}>
      {(env) => (
        <OverviewView
          cube={env.cube}
          filters={env.filters}
          onTownshipSelect={env.onTownshipSelect}
          extraAttentionItems={extraAttentionItems}
        />
      )}
    </DashboardFrame>
  );
}

function renderHazards(ctx: ViewContext): ReactNode {
  return (
    <DashboardFrame ctx={ctx}>
      {(env) => (
        <HazardsView
          {...env}
          metric={ctx.state.metric}
          onMetricChange={(metric) => ctx.setState({ metric })}
        />
      )}
    </DashboardFrame>
  );
}

function renderTraining(ctx: ViewContext): ReactNode {
  return (
    <DashboardFrame ctx={ctx}>
      {(env) => (
        <TrainingView
          {...env}
          metric={ctx.state.metric}
          onMetricChange={(metric) => ctx.setState({ metric })}
          months={ctx.state.n}
          onMonthsChange={(n) => ctx.setState({ n: n === DEFAULT_NO_TRAINING_MONTHS ? null : n })}
        />
      )}
    </DashboardFrame>
  );
}

function renderCompare(ctx: ViewContext): ReactNode {
  const { state, setState } = ctx;
  return (
    <DashboardFrame ctx={ctx}>
      {(env) => (
        <CompareView
          cube={env.cube}
          filters={env.filters}
          onTownshipSelect={env.onTownshipSelect}
          selectedTownship={env.selectedTownship}
          rankShow={env.rankShow}
          onRankShowChange={env.onRankShowChange}
          pageIndex={env.pageIndex}
          onPageChange={env.onPageChange}
          metric={state.metric}
          onMetricChange={(metric) => setState({ metric })}
          order={state.order}
          onOrderChange={(order) => setState({ order: order === 'desc' ? null : order })}
          normalise={state.norm}
          onNormaliseChange={(norm) => setState({ norm })}
          x={state.x}
          y={state.y}
          onAxesChange={(patch) => setState(patch)}
        />
      )}
    </DashboardFrame>
  );
}

function renderSubmissions(ctx: ViewContext): ReactNode {
  return (
    <DashboardFrame ctx={ctx}>
      {(env) => (
        <SubmissionsView
          {...env}
          dueDay={ctx.state.dueDay}
          onDueDayChange={(day) => ctx.setState({ dueDay: day === DEFAULT_DUE_DAY ? null : day })}
        />
      )}
    </DashboardFrame>
  );
}

/**
 * The dashboard views in nav order (总览 first: the default view). 问题 (another area) goes after
 * 报送, then 数据 wrapped with withGlobalFilters.
 */
export const DASHBOARD_VIEWS: readonly ViewDef[] = [
  { id: 'overview', labelKey: 'views.nav.overview', render: (ctx) => renderOverview(ctx) },
  { id: 'hazards', labelKey: 'views.nav.hazards', render: renderHazards },
  { id: 'training', labelKey: 'views.nav.training', render: renderTraining },
  { id: 'compare', labelKey: 'views.nav.compare', render: renderCompare },
  { id: 'submissions', labelKey: 'views.nav.submissions', render: renderSubmissions },
];
