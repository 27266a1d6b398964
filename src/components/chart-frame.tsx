/**
 * Frame for every chart: title, a visible one-sentence summary, the chart (or an empty state), a
 * "show as table" toggle with the same data as an accessible <table>, and a slot for the export
 * menu. Charts are rendered from options our builders made, never from data files.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Suspense, use, useId, useMemo, useState, type ReactNode } from 'react';
import type { ChartSelection, ChartSpec, TableCell } from '../charts/chart-spec';
import { chartModulesPending, echarts } from '../charts/echarts-setup';
import { THEME_NAME } from '../charts/theme';
import { useRegisterChart, type ChartExportMeta } from './chart-export-scope';
import { selectionOfClick, withAxisLabelClicks } from './cross-filter';
import { EmptyState } from './empty-state';
import { ExportMenu } from './export-menu';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/i18n';
import { useLang, useT } from './i18n-provider';
import { TableScroll } from './table-scroll';
import { useOnScreen, type ScreenState } from './use-on-screen';

export interface ChartFrameProps {
  readonly spec: ChartSpec;
  /**
   * A click on a chart item or a clickable axis label, resolved through the spec's interaction
   * map (`spec.interactions`); the labels of the axes the map covers are made clickable.
   */
  readonly onSelect?: (selection: ChartSelection) => void;
  /** Extra toolbar buttons, rendered after the export menu. */
  readonly actions?: ReactNode;
  /**
   * The chart's own controls (e.g. top/bottom N and search, page controls), shown under the
   * summary whether the chart or its table is shown.
   */
  readonly controls?: ReactNode;
  /**
   * Every chart has an export menu and joins its view's "export all" unless this is false (e.g.
   * a chart drawn inside a page that has its own export, or a preview).
   */
  readonly exportable?: boolean;
  /** Overrides the view's export metadata (ChartExportScope) for this chart. */
  readonly exportMeta?: ChartExportMeta;
  readonly height?: number;
  /**
   * The option drawn on screen when it differs from the spec's (exported) one, e.g. without the
   * in-canvas title the frame's heading already shows. Defaults to `spec.option`.
   */
  readonly displayOption?: ChartSpec['option'];
  /**
   * Redraw the canvas only while it is on screen or near it (useOnScreen): a chart further down
   * the page keeps what it last drew, with the click handler that goes with it, until it is
   * scrolled near (issue 13, target 3). The title, summary, table and exports are always current.
   */
  readonly deferOffscreen?: boolean;
}

const cellText = (c: TableCell, lang: Lang): string =>
  c === null ? '' : typeof c === 'number' ? formatNumber(lang, c) : c;

/** The chart's data as an accessible table. null cells show the "not reported" badge. */
export function ChartDataTable({ spec }: { spec: ChartSpec }) {
  const t = useT();
  const lang = useLang();
  return (
    <TableScroll label={spec.title} className="table-scroll--tall">
      <table className="data-table">
        <caption>{spec.title}</caption>
        <thead>
          <tr>
            {spec.table.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>
                  {cell === null ? (
                    <span className="badge-null">{t('common.notReported')}</span>
                  ) : (
                    cellText(cell, lang)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type ChartEvents = Record<string, (params: unknown) => void> | undefined;

/**
 * What the canvas draws: the current option and click handlers while on screen; off screen, the
 * pair it last drew (kept together, so a click is always resolved against what it hit).
 */
export function drawnPair<T>(screen: ScreenState, current: T, last: T): T {
  return screen === 'hidden' ? last : current;
}

/**
 * The ECharts canvas. A chart whose option needs parts the landing view does not register (a
 * heatmap, a markLine…: charts/echarts-setup.ts) waits for them here, so it is never drawn with a
 * part missing; the frame's title and summary show meanwhile.
 */
function ChartCanvas({
  option,
  height,
  onEvents,
  screen,
}: {
  readonly option: object;
  readonly height: number;
  readonly onEvents: ChartEvents;
  readonly screen: ScreenState;
}) {
  const [last, setLast] = useState({ option, onEvents });
  if (screen !== 'hidden' && (last.option !== option || last.onEvents !== onEvents))
    setLast({ option, onEvents });
  const drawn = drawnPair(screen, { option, onEvents }, last);
  const pending = chartModulesPending(drawn.option);
  if (pending) use(pending);
  // A chart may grow in when first drawn; after that a change is drawn at once. Updates already
  // have no update animation (chart-common.ts), but elements that are new to the chart (a month
  // more, another series) would still play their entry animation on every filter change: at 300
  // townships that was 40 ms of animation frames per change on 总览 (issue 13, target 3).
  const [firstOption] = useState(drawn.option);
  const shown = useMemo(
    () => (drawn.option === firstOption ? drawn.option : { ...drawn.option, animation: false }),
    [drawn.option, firstOption],
  );
  return (
    <ReactEChartsCore
      echarts={echarts}
      theme={THEME_NAME}
      option={shown}
      // The series set shrinks when filters change: merging would leave "ghost" series.
      notMerge
      // Printing takes the canvas as it is at once.
      lazyUpdate={screen !== 'print'}
      style={{ height, width: '100%' }}
      onEvents={drawn.onEvents}
    />
  );
}

/** Renders one ChartSpec. */
export function ChartFrame({
  spec,
  onSelect,
  actions,
  controls,
  height = 360,
  exportable = true,
  exportMeta,
  displayOption,
  deferOffscreen = false,
}: ChartFrameProps) {
  const registryKey = useId();
  const [canvasBox, setCanvasBox] = useState<HTMLDivElement | null>(null);
  const screen = useOnScreen(canvasBox, deferOffscreen);
  useRegisterChart(registryKey, exportable ? spec : null, exportMeta);
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  const summaryId = useId();
  const interactions = onSelect ? spec.interactions : undefined;
  const onEvents = useMemo(
    () =>
      onSelect && interactions
        ? {
            click: (params: unknown) => {
              const selection = selectionOfClick(interactions, params);
              if (selection) onSelect(selection);
            },
          }
        : undefined,
    [onSelect, interactions],
  );
  const drawn = useMemo(() => {
    const option = displayOption ?? spec.option;
    if (!interactions) return option;
    let o = option;
    if (interactions.xAxis) o = withAxisLabelClicks(o, 'xAxis');
    if (interactions.yAxis) o = withAxisLabelClicks(o, 'yAxis');
    return o;
  }, [displayOption, spec.option, interactions]);

  return (
    <section className="chart-frame" aria-labelledby={`${summaryId}-title`}>
      <header className="chart-frame__header">
        <h3 id={`${summaryId}-title`} className="chart-frame__title">
          {spec.title}
        </h3>
        <div className="chart-frame__actions">
          {!spec.empty ? (
            <button
              type="button"
              className="btn btn--small"
              aria-pressed={asTable}
              onClick={() => setAsTable((v) => !v)}
            >
              {asTable ? t('dashboard.chart.showChart') : t('dashboard.chart.showTable')}
            </button>
          ) : null}
          {exportable ? <ExportMenu spec={spec} {...(exportMeta ? { meta: exportMeta } : {})} /> : null}
          {actions}
        </div>
      </header>
      <p id={summaryId} className="chart-frame__summary">
        {spec.summary}
      </p>
      {controls && !spec.empty ? controls : null}
      {spec.empty ? (
        <EmptyState message={t('dashboard.chart.empty')} />
      ) : asTable ? (
        <ChartDataTable spec={spec} />
      ) : (
        <div ref={setCanvasBox} role="img" aria-describedby={summaryId} aria-label={spec.title}>
          <Suspense fallback={<div style={{ height, width: '100%' }} />}>
            <ChartCanvas option={drawn} height={height} onEvents={onEvents} screen={screen} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
