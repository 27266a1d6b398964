/**
 * The 问题 view: township × category heatmap, category trend, one township's timeline, the ranked
 * chronic problems with their statements (keywords highlighted, category select on each), copy-
 * paste per township, P99 clusters, 屡查屡犯, and a category-management panel. Filters come from the
 * URL state as props; edits come from the controller (applied at once, saved in the background).
 */
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { categoryName, type ProblemEdits } from '../../analysis/problems/edits';
import type { CategoryCode, ProblemStatement } from '../../analysis/problems/types';
import type { ChartSpec } from '../../charts/chart-spec';
import { buildChronicTable } from '../../charts/problems/chronic-table';
import { plainLabel } from '../../charts/problems/common';
import { buildProblemHeatmap } from '../../charts/problems/heatmap';
import { buildProblemTimeline } from '../../charts/problems/timeline';
import { buildProblemTrend } from '../../charts/problems/trend';
import { ChartFrame, type ChartItemClick } from '../../components/chart-frame';
import { EmptyState } from '../../components/empty-state';
import { useLang, useT } from '../../components/i18n-provider';
import type { Dataset } from '../../domain/records';
import { CategoryManager } from './category-manager';
import { ChronicList } from './chronic-list';
import { categoryOptions, clearReassignment, reassignStatement } from './edit-actions';
import type { ProblemEditsController } from './problem-edits-controller';
import { deriveProblemModel, type ProblemFilters } from './problem-model';
import { RepeatHazardsPanel, ClustersPanel, CopiesPanel } from './side-panels';
import { highlightsFor, StatementRow } from './statement-row';
import './problems.css';

export interface ProblemsViewProps {
  readonly dataset: Dataset;
  readonly controller: ProblemEditsController;
  readonly filters: ProblemFilters;
  /** Selected category (URL `cat`), or null. */
  readonly category: CategoryCode | null;
  /** Township whose timeline is shown (URL `pt`); null = the filtered or most chronic township. */
  readonly timelineTownship: string | null;
  readonly onTownshipsChange: (townships: readonly string[]) => void;
  readonly onCategoryChange: (category: CategoryCode | null) => void;
  readonly onTimelineTownshipChange: (township: string | null) => void;
  /** Extra toolbar content per chart (export menu), rendered by ChartFrame. */
  readonly chartActions?: (spec: ChartSpec) => ReactNode;
}

/** Most statements listed for a selection (newest first); narrowing shows the rest. */
const MAX_LISTED = 60;

/** The value of a heatmap data item: [x, y, value]. */
const cellIndex = (value: unknown): [number, number] | null =>
  Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number'
    ? [value[0], value[1]]
    : null;

/** The spec with clickable axis labels (townships and categories), for cross-filtering. */
function withAxisEvents(spec: ChartSpec): ChartSpec {
  const o = spec.option as { xAxis?: object; yAxis?: object };
  return {
    ...spec,
    option: {
      ...spec.option,
      xAxis: { ...o.xAxis, triggerEvent: true },
      yAxis: { ...o.yAxis, triggerEvent: true },
    },
  };
}

/** Months above which a timeline's cells are too narrow for their streak numbers. */
const MAX_LABELLED_MONTHS = 18;

/**
 * A long timeline without the numbers in its cells: at 36 months × 13 categories they overlap and
 * become unreadable; the colour still shows the streaks and the data table has the numbers.
 */
function withReadableCells(spec: ChartSpec): ChartSpec {
  if (spec.table.columns.length - 1 <= MAX_LABELLED_MONTHS) return spec;
  const o = spec.option as { series?: object[] };
  return {
    ...spec,
    option: { ...spec.option, series: (o.series ?? []).map((x) => ({ ...x, label: { show: false } })) },
  };
}

/** The 问题 view. */
export function ProblemsView(props: ProblemsViewProps) {
  const { dataset, controller, filters, category, onCategoryChange, onTownshipsChange } = props;
  const t = useT();
  const lang = useLang();
  const { edits, status } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const [managing, setManaging] = useState(false);

  const model = useMemo(() => deriveProblemModel(dataset, edits, filters), [dataset, edits, filters]);
  const options = useMemo(() => categoryOptions(edits, lang), [edits, lang]);
  const { from, to } = model;

  const onReassign = useCallback(
    (s: ProblemStatement, c: CategoryCode) => controller.update((e) => reassignStatement(e, s, c)),
    [controller],
  );
  const onReset = useCallback(
    (s: ProblemStatement) => controller.update((e) => clearReassignment(e, s)),
    [controller],
  );
  const onEdit = useCallback(
    (change: (e: ProblemEdits) => ProblemEdits) => controller.update(change),
    [controller],
  );

  const timelineTownship =
    (props.timelineTownship !== null && model.townships.includes(props.timelineTownship)
      ? props.timelineTownship
      : null) ??
    (filters.townships.length === 1 && model.townships.includes(filters.townships[0]!)
      ? filters.townships[0]!
      : null) ??
    model.chronic[0]?.township ??
    model.townships[0] ??
    null;

  const specs = useMemo(() => {
    if (from === null || to === null) return null;
    const input = { statements: model.visible, townships: dataset.townships, from, to, lang, edits };
    return {
      heatmap: withAxisEvents(buildProblemHeatmap(input)),
      trend: buildProblemTrend(input),
      timeline:
        timelineTownship === null
          ? null
          : withReadableCells(buildProblemTimeline({ ...input, township: timelineTownship })),
      chronic: buildChronicTable(model.chronic, { lang, edits }),
    };
  }, [model, dataset.townships, from, to, lang, edits, timelineTownship]);

  const onHeatmapClick = useCallback(
    (item: ChartItemClick) => {
      const at = cellIndex(item.value);
      const spec = specs?.heatmap;
      if (!at || !spec) return;
      const township = spec.table.rows[at[1]]?.[0];
      const code = options.find((o) => o.code === spec.table.columns[at[0] + 1]?.key)?.code ?? null;
      if (typeof township === 'string') onTownshipsChange([township]);
      if (code !== null) onCategoryChange(code);
    },
    [specs, options, onTownshipsChange, onCategoryChange],
  );
  const onHeatmapLabel = useCallback(
    (axis: 'xAxis' | 'yAxis', label: string) => {
      const spec = specs?.heatmap;
      if (!spec) return;
      if (axis === 'yAxis') {
        const township = spec.table.rows.find(
          (r) => typeof r[0] === 'string' && plainLabel(r[0]) === label,
        )?.[0];
        if (typeof township === 'string') onTownshipsChange([township]);
      } else {
        const key = spec.table.columns.find((c, i) => i > 0 && c.label === label)?.key;
        const code = options.find((o) => o.code === key)?.code;
        if (code) onCategoryChange(code);
      }
    },
    [specs, options, onTownshipsChange, onCategoryChange],
  );
  const onTrendClick = useCallback(
    (item: ChartItemClick) => {
      const col = specs?.trend.table.columns.find((c) => c.key !== 'period' && c.label === item.seriesName);
      const code = options.find((o) => o.code === col?.key)?.code;
      if (code) onCategoryChange(code);
    },
    [specs, options, onCategoryChange],
  );

  const chronic = category === null ? model.chronic : model.chronic.filter((c) => c.category === category);
  const listed = useMemo(() => {
    if (category === null && props.timelineTownship === null) return null;
    const township = props.timelineTownship;
    return model.visible
      .filter(
        (s) =>
          (category === null || s.category === category) && (township === null || s.township === township),
      )
      .sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.seq - b.seq));
  }, [model.visible, category, props.timelineTownship]);

  const frame = (
    spec: ChartSpec,
    onItemClick?: (i: ChartItemClick) => void,
    height?: number,
    onAxisLabelClick?: (axis: 'xAxis' | 'yAxis', label: string) => void,
  ) => (
    <ChartFrame
      spec={spec}
      onItemClick={onItemClick}
      onAxisLabelClick={onAxisLabelClick}
      actions={props.chartActions?.(spec)}
      height={height}
    />
  );
  const scope = [props.timelineTownship, category === null ? null : categoryName(category, edits, lang)]
    .filter((x) => x !== null)
    .join(' · ');

  return (
    <div className="problems-view" data-testid="problems-view">
      <header className="problems-view__head">
        <div>
          <h2 className="problems-view__title">{t('problems.view.title')}</h2>
          {from !== null && to !== null ? (
            <p className="muted">
              {t('problems.view.window', { from, to })} ·{' '}
              {t('problems.view.counts', {
                statements: model.visible.length,
                townships: model.townships.length,
              })}
            </p>
          ) : null}
        </div>
        <div className="toolbar problems-view__toolbar">
          {filters.townships.length > 0 ? (
            <span className="chip-group">
              {t('problems.view.townshipFilter', { townships: filters.townships.join('、') })}
              <button
                type="button"
                className="btn btn--small btn--link"
                onClick={() => onTownshipsChange([])}
              >
                {t('problems.view.clearTownships')}
              </button>
            </span>
          ) : null}
          <label className="field">
            <span>{t('problems.view.pickCategory')}</span>
            <select
              value={category ?? ''}
              onChange={(e) => onCategoryChange(options.find((o) => o.code === e.target.value)?.code ?? null)}
            >
              <option value="">{t('problems.view.allCategories')}</option>
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            aria-expanded={managing}
            onClick={() => setManaging((v) => !v)}
          >
            {managing ? t('problems.manage.close') : t('problems.manage.open')}
          </button>
        </div>
      </header>
      {status === 'loading' ? (
        <p className="notice notice--info" role="status">
          {t('problems.view.loadingEdits')}
        </p>
      ) : status === 'saveFailed' ? (
        <p className="notice notice--error" role="alert">
          {t('problems.view.saveFailed')}
        </p>
      ) : null}
      {managing ? <CategoryManager edits={edits} onChange={onEdit} /> : null}
      {specs === null ? (
        <EmptyState message={t('problems.empty')} />
      ) : (
        <>
          <div className="problems-grid problems-grid--charts">
            <div>
              {frame(
                specs.heatmap,
                onHeatmapClick,
                Math.max(360, 200 + 24 * model.townships.length),
                onHeatmapLabel,
              )}
              <p className="muted problems-hint">{t('problems.view.heatmapHint')}</p>
            </div>
            <ChronicList
              items={chronic}
              edits={edits}
              options={options}
              copyFlags={model.copyFlags}
              title={specs.chronic.title}
              summary={specs.chronic.summary}
              onSelect={(township, c) => {
                props.onTimelineTownshipChange(township);
                onCategoryChange(c);
              }}
              onReassign={onReassign}
              onReset={onReset}
            />
          </div>
          <div className="problems-grid">
            {frame(specs.trend, onTrendClick)}
            <div>
              {model.townships.length > 0 ? (
                <label className="field problems-timeline-pick">
                  <span>{t('problems.timeline.pick')}</span>
                  <select
                    value={timelineTownship ?? ''}
                    onChange={(e) =>
                      props.onTimelineTownshipChange(e.target.value === '' ? null : e.target.value)
                    }
                  >
                    {model.townships.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {specs.timeline ? frame(specs.timeline, undefined, 380) : null}
            </div>
          </div>
          <div className="problems-grid">
            <section className="chart-frame problems-listed" data-testid="statement-list">
              <header className="chart-frame__header">
                <h3 className="chart-frame__title">
                  {t('problems.statements.title', {
                    scope: scope === '' ? t('problems.statements.scopeAll') : scope,
                  })}
                </h3>
              </header>
              {listed === null ? (
                <p className="chart-frame__summary">{t('problems.statements.hint')}</p>
              ) : (
                <>
                  <p className="chart-frame__summary">
                    {listed.length > MAX_LISTED
                      ? t('problems.statements.truncated', { shown: MAX_LISTED, n: listed.length })
                      : t('problems.statements.count', { n: listed.length })}
                  </p>
                  <ul className="problems-statements">
                    {listed.slice(0, MAX_LISTED).map((s) => (
                      <StatementRow
                        key={s.id}
                        statement={s}
                        ranges={highlightsFor(s, edits)}
                        options={options}
                        copied={model.copyFlags.get(s.id)?.copiedFromPrevious ?? false}
                        onReassign={onReassign}
                        onReset={onReset}
                        showTownship={props.timelineTownship === null}
                      />
                    ))}
                  </ul>
                </>
              )}
            </section>
            <CopiesPanel copies={model.copies} />
          </div>
          <div className="problems-grid">
            <ClustersPanel clusters={model.clusters} />
            <RepeatHazardsPanel
              items={model.recurringHazards}
              countByTownship={model.recurringHazardCount}
              townshipOrder={model.townships}
            />
          </div>
        </>
      )}
    </div>
  );
}
