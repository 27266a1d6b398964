/**
 * 总览: KPI cards for the selected month (the filter's `to`), the district trend and the townships
 * needing attention this month, each with its reason.
 */
import { useId, useMemo, useState } from 'react';
import { attentionList, attentionReasonText, type AttentionItem } from '../../analysis/attention';
import type { Cube } from '../../analysis/cube';
import { overviewKpis } from '../../analysis/compare';
import type { Filters } from '../../analysis/metrics';
import { formatPeriod } from '../../i18n/format';
import { buildTrendSpec } from '../../charts/trend';
import { DashboardChart } from '../../components/dashboard-chart';
import { ChartGrid, KpiRow, Panel, ShowAllLine, WideCell } from '../../components/dashboard-layout';
import { useLang, useT } from '../../components/i18n-provider';
import { KpiCard } from '../../components/kpi-card';
import type { MessageKey } from '../../i18n/catalog';
import { ATTENTION_PER_KIND, collapseAttention, kpiCardModel, trendFilters } from './overview-model';
import './overview.css';

/** An attention entry supplied by another area (e.g. problems recurring 3+ months). */
export interface ExtraAttentionItem {
  /** Unique within the list (React key). */
  readonly key: string;
  /** The township the item is about; '' for a summary line (no "只看" button). */
  readonly township: string;
  /** Short tag, e.g. 问题反复. */
  readonly label: string;
  /** One plain-text sentence. */
  readonly reason: string;
}

export interface OverviewViewProps {
  readonly cube: Cube;
  /** Resolved filters; the selected month is `filters.to`. */
  readonly filters: Filters;
  /** Cross-filter: show only this township. */
  readonly onTownshipSelect: (township: string) => void;
  /** Appended to the attention list (slot for the problems area). */
  readonly extraAttentionItems?: readonly ExtraAttentionItem[];
}

const KIND_KEY: Readonly<Record<AttentionItem['kind'], MessageKey>> = {
  no_report: 'views.overview.kind.no_report',
  low_rectification: 'views.overview.kind.low_rectification',
  sharp_change: 'views.overview.kind.sharp_change',
  no_training: 'views.overview.kind.no_training',
};

const TREND_METRICS = ['hazards_found', 'hazards_rectified', 'rectification_rate'] as const;

/** The overview view. */
export function OverviewView({
  cube,
  filters,
  onTownshipSelect,
  extraAttentionItems = [],
}: OverviewViewProps) {
  const t = useT();
  const lang = useLang();
  const month = filters.to;
  const kpis = useMemo(() => overviewKpis(cube, month, filters), [cube, month, filters]);
  const cards = useMemo(() => kpis.map((k) => kpiCardModel(k, lang)), [kpis, lang]);
  const trend = useMemo(
    () => buildTrendSpec(cube, { metrics: TREND_METRICS, filters: trendFilters(cube, filters), lang }),
    [cube, filters, lang],
  );
  const attention = useMemo(() => attentionList(cube, month, filters), [cube, month, filters]);
  const [allShown, setAllShown] = useState(false);
  const listId = useId();

  const reports = kpis.find((k) => k.id === 'reports');
  const missing = reports ? reports.expected - (reports.value ?? 0) : 0;
  const fewerMatched = kpis.some(
    (k) =>
      k.id !== 'reports' &&
      ((k.mom.change !== null && k.mom.matched < k.mom.currentContributing) ||
        (k.yoy.change !== null && k.yoy.matched < k.yoy.currentContributing)),
  );
  const monthText = formatPeriod(lang, month);
  const items = [
    ...attention.map((item, i) => ({
      key: `${item.kind}-${item.township}-${i}`,
      township: item.township,
      label: t(KIND_KEY[item.kind]),
      kind: item.kind as string,
      reason: attentionReasonText(item, lang),
    })),
    ...extraAttentionItems.map((x) => ({ ...x, kind: 'extra' })),
  ];
  const collapsed = collapseAttention(items);
  const shown = allShown ? items : collapsed.shown;

  return (
    <div className="dash-view">
      <section className="overview-kpis" aria-labelledby="overview-kpis-title">
        <h2 id="overview-kpis-title" className="panel__title">
          {t('views.overview.kpisTitle', { month: monthText })}
        </h2>
        <KpiRow label={t('views.overview.kpisTitle', { month: monthText })}>
          {cards.map((c) => (
            <div key={c.id} data-testid={`kpi-${c.id}`} className="kpi-cell">
              <KpiCard
                label={c.label}
                value={c.value}
                unit={c.unit}
                mom={c.mom}
                yoy={c.yoy}
                higherIsBetter={c.higherIsBetter}
              />
            </div>
          ))}
        </KpiRow>
        <p className="view-hint" data-testid="overview-coverage">
          {missing > 0
            ? t('views.overview.coverage', { n: missing })
            : t('views.overview.coverageAll', { n: reports?.expected ?? 0 })}
          {fewerMatched ? ` ${t('views.overview.likeForLike')}` : ''}
        </p>
      </section>
      <ChartGrid>
        <WideCell>
          <DashboardChart spec={trend} height={340} />
        </WideCell>
        <WideCell>
          <Panel title={t('views.overview.attentionTitle', { month: monthText })} testId="attention-list">
            {items.length === 0 ? (
              <p className="muted">{t('views.overview.attentionNone')}</p>
            ) : (
              <ul className="attention-list" id={listId}>
                {shown.map((item) => (
                  <li key={item.key} className={`attention-item attention-item--${item.kind}`}>
                    <span className="attention-item__tag">{item.label}</span>
                    <span className="attention-item__reason">{item.reason}</span>
                    {item.township !== '' ? (
                      <button
                        type="button"
                        className="btn btn--small btn--link"
                        onClick={() => onTownshipSelect(item.township)}
                      >
                        {t('views.overview.attentionFilter', { township: item.township })}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {collapsed.hidden > 0 ? (
              <ShowAllLine
                expanded={allShown}
                onToggle={() => setAllShown((v) => !v)}
                controls={listId}
                hiddenNote={t('views.overview.attentionHidden', {
                  n: collapsed.hidden,
                  per: ATTENTION_PER_KIND,
                })}
                showAll={t('views.overview.attentionAll', { n: items.length })}
                showFewer={t('views.overview.attentionFewer', { per: ATTENTION_PER_KIND })}
              />
            ) : null}
          </Panel>
        </WideCell>
      </ChartGrid>
    </div>
  );
}
