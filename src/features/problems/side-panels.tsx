/**
 * The smaller panels of the 问题 view: copy-paste per township (separate from recurrence), the
 * P99 clusters ("未归类但反复出现的问题") and the 屡查屡犯 repeat hazards with a count per township.
 */
import { useId, type ReactNode } from 'react';
import type { UnmatchedCluster } from '../../analysis/problems/group-unmatched';
import type { RecurringHazard } from '../../analysis/problems/recurring-hazards';
import { sectorByCode } from '../../domain/sectors';
import { useLang, useT } from '../../components/i18n-provider';
import type { CopySummary } from './problem-model';
import { TableScroll } from '../../components/table-scroll';

function Panel({ title, note, children }: { title: string; note: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="chart-frame problems-panel" aria-labelledby={id}>
      <header className="chart-frame__header">
        <h3 id={id} className="chart-frame__title">
          {title}
        </h3>
      </header>
      <p className="chart-frame__summary">{note}</p>
      {children}
    </section>
  );
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** Copy-paste per township: how many statements repeated the previous report's wording. */
export function CopiesPanel({ copies }: { copies: readonly CopySummary[] }) {
  const t = useT();
  const rows = copies.filter((c) => c.compared > 0);
  return (
    <Panel title={t('problems.copies.title')} note={t('problems.copies.note')}>
      {rows.length === 0 ? (
        <p className="muted">{t('problems.copies.empty')}</p>
      ) : (
        <TableScroll className="table-scroll--limited" label={t('problems.copies.title')}>
          <table className="data-table data-table--compact">
            <thead>
              <tr>
                <th scope="col">{t('problems.col.township')}</th>
                <th scope="col">{t('problems.copies.colCompared')}</th>
                <th scope="col">{t('problems.copies.colCopied')}</th>
                <th scope="col">{t('problems.copies.colRate')}</th>
                <th scope="col">{t('problems.copies.colMonths')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.township}>
                  <th scope="row">{c.township}</th>
                  <td className="num">{c.compared}</td>
                  <td className="num">{c.copied}</td>
                  <td className="num">
                    {c.rate === null ? (
                      <span className="badge-null">{t('common.notReported')}</span>
                    ) : (
                      percent(c.rate)
                    )}
                  </td>
                  <td>
                    {c.allCopiedMonths.length === 0
                      ? t('problems.copies.none')
                      : c.allCopiedMonths.join('、')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Panel>
  );
}

const MAX_CLUSTERS = 8;

/** P99 statements grouped by similar wording; only groups of two or more are shown. */
export function ClustersPanel({ clusters }: { clusters: readonly UnmatchedCluster[] }) {
  const t = useT();
  const lang = useLang();
  const shown = clusters.filter((c) => c.members.length >= 2).slice(0, MAX_CLUSTERS);
  return (
    <Panel title={t('problems.clusters.title')} note={t('problems.clusters.note')}>
      {shown.length === 0 ? (
        <p className="muted">{t('problems.clusters.empty')}</p>
      ) : (
        <ol className="problems-clusters">
          {shown.map((c) => (
            <li key={c.label.id}>
              <p className="problem-statement__text">{c.label.text}</p>
              <p className="muted">
                {t('problems.clusters.item', {
                  n: c.members.length,
                  townships: c.townships.join(lang === 'en' ? ', ' : '、'),
                  from: c.periods[0] ?? '',
                  to: c.periods[c.periods.length - 1] ?? '',
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

const MAX_HAZARDS = 20;

/** 屡查屡犯: count per township (official order) and the latest repeat hazards. */
export function RepeatHazardsPanel({
  items,
  countByTownship,
  townshipOrder,
}: {
  items: readonly RecurringHazard[];
  countByTownship: ReadonlyMap<string, number>;
  townshipOrder: readonly string[];
}) {
  const t = useT();
  const lang = useLang();
  const order = new Map(townshipOrder.map((n, i) => [n, i]));
  const counts = [...countByTownship].sort(
    (a, b) => (order.get(a[0]) ?? Infinity) - (order.get(b[0]) ?? Infinity) || (a[0] < b[0] ? -1 : 1),
  );
  const latest = [...items]
    .sort((a, b) =>
      a.hazard.date_found < b.hazard.date_found ? 1 : a.hazard.date_found > b.hazard.date_found ? -1 : 0,
    )
    .slice(0, MAX_HAZARDS);
  const sectorName = (code: string) => {
    const s = sectorByCode(code);
    return s ? (lang === 'en' ? s.en : s.zh) : code;
  };
  return (
    <Panel title={t('problems.hazards.title')} note={t('problems.hazards.note')}>
      {items.length === 0 ? (
        <p className="muted">{t('problems.hazards.empty')}</p>
      ) : (
        <>
          <ul className="problems-counts" aria-label={t('problems.hazards.colCount')}>
            {counts.map(([township, n]) => (
              <li key={township}>
                <span>{township}</span> <strong>{n}</strong>
              </li>
            ))}
          </ul>
          <TableScroll
            className="table-scroll--limited"
            label={t('problems.hazards.listTitle', { n: latest.length })}
          >
            <table className="data-table data-table--compact">
              <caption>{t('problems.hazards.listTitle', { n: latest.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('problems.col.township')}</th>
                  <th scope="col">{t('problems.hazards.colPlace')}</th>
                  <th scope="col">{t('problems.hazards.colDescription')}</th>
                  <th scope="col">{t('problems.hazards.colFound')}</th>
                  <th scope="col">{t('problems.hazards.colPrevious')}</th>
                </tr>
              </thead>
              <tbody>
                {latest.map((h, i) => (
                  <tr key={`${h.hazard.source.file}:${h.hazard.source.line ?? i}:${i}`}>
                    <td>{h.township}</td>
                    <td>
                      {h.place} · {sectorName(h.sector)}
                    </td>
                    <td>{h.hazard.description}</td>
                    <td>{h.hazard.date_found}</td>
                    <td>{h.previous.rectified_date ?? t('common.notReported')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Panel>
  );
}
