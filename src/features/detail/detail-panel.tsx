/**
 * The township-month detail panel (opened by clicking a heatmap or submission cell): every field
 * of that report with its Chinese label (null as 未填, distinct from 0), the problem statements,
 * the source file and line, and the issues raised at import for that line.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import { formatNumber, formatPeriod } from '../../i18n/format';
import { TOWNSHIP_MONTH_FIELDS } from '../../domain/fields';
import type { Period } from '../../domain/month';
import type { Dataset, HazardRecord, NumericField, TownshipMonthRecord } from '../../domain/records';
import { sectorByCode } from '../../domain/sectors';
import { issueMessage } from '../../ingest/issue-message';
import type { ImportEntry } from '../../store/types';
import { useLang, useT } from '../../components/i18n-provider';
import { ledgerCheckMessage } from '../../analysis/hazard-figures';
import { useReturnFocus } from '../../components/use-return-focus';
import { detailModel, type DetailModel } from './detail-model';
import './detail-panel.css';
import { TableScroll } from '../../components/table-scroll';
import { ReportSource } from './report-source';

export interface DetailPanelProps {
  readonly dataset: Dataset;
  readonly imports: readonly ImportEntry[];
  readonly township: string;
  readonly period: Period;
  readonly onClose: () => void;
  /** Cross-filter to this township. */
  readonly onTownshipSelect?: (township: string) => void;
  /** A paragraph of the record's report to highlight (a problem statement's, issue 11). */
  readonly focusLine?: number | null;
}

/** Numeric fields in the registry's (form) order. */
const NUMBER_FIELDS = TOWNSHIP_MONTH_FIELDS.filter((f) => f.kind === 'count' || f.kind === 'money');
/** Most ledger items listed; the rest are counted. */
const MAX_HAZARDS = 30;

/** The detail panel. */
export function DetailPanel({
  dataset,
  imports,
  township,
  period,
  onClose,
  onTownshipSelect,
  focusLine = null,
}: DetailPanelProps) {
  const t = useT();
  const lang = useLang();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const model = useMemo(
    () => detailModel(dataset, imports, township, period),
    [dataset, imports, township, period],
  );
  const { detail } = model;
  const nothing = detail.records.length === 0 && detail.hazards.length === 0 && detail.tallies.length === 0;

  // Focus moves to the panel when it opens (keyboard users land on it); Escape closes it, and
  // focus goes back to what had it before (src/components/use-return-focus.ts).
  useReturnFocus();
  useEffect(() => {
    // No scroll: a report paragraph to highlight (focusLine) has scrolled itself into view.
    closeRef.current?.focus({ preventScroll: true });
  }, [township, period]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    // A div: <aside> (complementary) may not take role="dialog".
    <div
      className="detail-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid="detail-panel"
    >
      <header className="detail-panel__head">
        <h2 id={titleId} className="detail-panel__title">
          {t('views.detail.title', { township: detail.township, month: formatPeriod(lang, period) })}
        </h2>
        <button
          ref={closeRef}
          type="button"
          className="detail-panel__close"
          aria-label={t('views.detail.close')}
          title={t('views.detail.close')}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {onTownshipSelect ? (
        <p>
          <button type="button" className="btn btn--small" onClick={() => onTownshipSelect(detail.township)}>
            {t('views.detail.filterTo')}
          </button>
        </p>
      ) : null}
      {nothing ? <p className="notice notice--info">{t('views.detail.noReport')}</p> : null}
      {detail.records.map((r, i) => {
        // The report a record came from (Word/text import, issue 11): imports are newest first.
        const report = imports.find((e) => e.result.file === r.source.file && e.result.report)?.result.report;
        return (
          <div key={i}>
            <RecordSection record={r} statements={model.problems[i] ?? []} />
            {report ? <ReportSource report={report} focusLine={focusLine} /> : null}
          </div>
        );
      })}
      {model.figures.length > 0 ? <HazardFigures model={model} /> : null}
      {detail.hazards.length > 0 ? <HazardList hazards={detail.hazards} /> : null}
      {detail.tallies.length > 0 ? (
        <p className="notice notice--info" data-testid="detail-aggregated">
          {t('aggregate.detail_note', {
            count: detail.tallies.reduce((n, r) => n + r.found, 0),
            files: [...new Set(detail.tallies.map((r) => r.source.file))].join('、'),
          })}
        </p>
      ) : null}
      {detail.sources.length > 0 ? (
        <section className="detail-panel__section">
          <h3>{t('views.detail.sources')}</h3>
          <ul data-testid="detail-sources">
            {detail.sources.map((s, i) => (
              <li key={i}>
                {s.line === null
                  ? t('views.detail.sourceNoLine', { file: s.file })
                  : t('views.detail.sourceLine', { file: s.file, line: s.line })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {detail.sources.length > 0 ? (
        <section className="detail-panel__section">
          <h3>{t('views.detail.issues')}</h3>
          {model.issues.length === 0 ? (
            <p className="muted">{t('views.detail.noIssues')}</p>
          ) : (
            <ul className="detail-panel__issues" data-testid="detail-issues">
              {model.issues.map((issue, i) => (
                <li key={i}>
                  <span className={issue.severity === 'error' ? 'badge-error' : 'badge-warning'}>
                    {t(
                      issue.severity === 'error'
                        ? 'views.detail.severity.error'
                        : 'views.detail.severity.warning',
                    )}
                  </span>{' '}
                  {issueMessage(lang, issue)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}

function RecordSection({
  record,
  statements,
}: {
  record: TownshipMonthRecord;
  statements: readonly { seq: number; text: string }[];
}) {
  const t = useT();
  const lang = useLang();
  const approx = new Set<NumericField>(record.approx);
  const sectors = (record.focus_sectors ?? []).map((c) => {
    const s = sectorByCode(c);
    return s ? (lang === 'en' ? s.en : s.zh) : c;
  });
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <section className="detail-panel__section">
      <h3>{t(record.period_scope === 'ytd' ? 'views.detail.scope.ytd' : 'views.detail.scope.month')}</h3>
      <p className="muted">
        {t('views.detail.reportDate', { date: record.report_date ?? t('common.notReported') })}
      </p>
      <table className="data-table detail-panel__fields">
        <caption className="visually-hidden">{t('views.detail.fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('views.detail.col.field')}</th>
            <th scope="col">{t('views.detail.col.value')}</th>
            <th scope="col">{t('views.detail.col.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {NUMBER_FIELDS.map((f) => {
            const v = record[f.name as NumericField];
            return (
              <tr key={f.name} data-field={f.name}>
                <th scope="row">{lang === 'en' ? f.en : f.zh}</th>
                <td className="num">
                  {v === null ? (
                    <span className="badge-null">{t('common.notReported')}</span>
                  ) : (
                    <>
                      {formatNumber(lang, v)}
                      {approx.has(f.name as NumericField) ? t('views.detail.approx') : ''}
                    </>
                  )}
                </td>
                <td>{f.unit ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('views.detail.sectors')}</h4>
      <p>
        {sectors.length > 0 ? (
          sectors.join(sep)
        ) : (
          <span className="badge-null">{t('common.notReported')}</span>
        )}
      </p>
      <h4>{t('views.detail.problems')}</h4>
      {statements.length === 0 ? (
        <p className="muted">{t('views.detail.noProblems')}</p>
      ) : (
        <ol className="detail-panel__problems" data-testid="detail-problems">
          {statements.map((s) => (
            <li key={s.seq}>{s.text}</li>
          ))}
        </ol>
      )}
      {TOWNSHIP_MONTH_FIELDS.filter((f) => f.name === 'next_steps_text' || f.name === 'remarks').map((f) => {
        const text = record[f.name as 'next_steps_text' | 'remarks'];
        return text ? (
          <div key={f.name}>
            <h4>{lang === 'en' ? f.en : f.zh}</h4>
            <p className="detail-panel__text">{text}</p>
          </div>
        ) : null;
      })}
    </section>
  );
}

/** Each hazard figure with the value the charts use and where it comes from (decision 0005). */
function HazardFigures({ model }: { model: DetailModel }) {
  const t = useT();
  const lang = useLang();
  const num = (v: number | null, empty: string) =>
    v === null ? <span className="badge-null">{empty}</span> : formatNumber(lang, v);
  return (
    <section className="detail-panel__section" data-testid="detail-figures">
      <h3>{t('views.detail.figures')}</h3>
      <p className="muted">{t('views.detail.figuresHint')}</p>
      <table className="data-table detail-panel__fields">
        <thead>
          <tr>
            <th scope="col">{t('views.detail.col.field')}</th>
            <th scope="col">{t('views.detail.col.used')}</th>
            <th scope="col">{t('views.detail.col.source')}</th>
            <th scope="col">{t('views.detail.col.report')}</th>
            <th scope="col">{t('views.detail.col.ledger')}</th>
          </tr>
        </thead>
        <tbody>
          {model.figures.map((row) => {
            const f = TOWNSHIP_MONTH_FIELDS.find((d) => d.name === row.field);
            return (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">{f ? (lang === 'en' ? f.en : f.zh) : row.field}</th>
                <td className="num">{num(row.used.value, t('common.notReported'))}</td>
                <td data-testid="figure-source">
                  {row.used.source === null ? '' : t(`views.detail.source.${row.used.source}`)}
                </td>
                <td className="num">{num(row.report, t('common.notReported'))}</td>
                <td className="num">{num(row.ledger, t('views.detail.noLedger'))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {model.ledgerChecks.length > 0 ? (
        <>
          <h4>{t('views.detail.ledgerChecks')}</h4>
          <ul className="detail-panel__issues" data-testid="detail-ledger-checks">
            {model.ledgerChecks.map((c, i) => (
              <li key={i}>
                <span className="badge-warning">{t('views.detail.severity.warning')}</span>{' '}
                {ledgerCheckMessage(lang, c)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function HazardList({ hazards }: { hazards: readonly HazardRecord[] }) {
  const t = useT();
  const lang = useLang();
  const shown = hazards.slice(0, MAX_HAZARDS);
  return (
    <section className="detail-panel__section">
      <h3>{t('views.detail.hazards', { n: hazards.length })}</h3>
      <TableScroll label={t('views.detail.hazards', { n: hazards.length })}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('views.detail.col.date')}</th>
              <th scope="col">{t('views.detail.col.sector')}</th>
              <th scope="col">{t('views.detail.col.level')}</th>
              <th scope="col">{t('views.detail.col.status')}</th>
              <th scope="col">{t('views.detail.col.description')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((h, i) => {
              const s = sectorByCode(h.sector);
              return (
                <tr key={i}>
                  <td>{h.date_found}</td>
                  <td>{s ? (lang === 'en' ? s.en : s.zh) : h.sector}</td>
                  <td>{t(`views.detail.level.${h.level}`)}</td>
                  <td>{t(`views.detail.status.${h.status}`)}</td>
                  <td>{h.description}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {hazards.length > shown.length ? (
        <p className="muted">{t('views.detail.hazardsMore', { n: hazards.length - shown.length })}</p>
      ) : null}
    </section>
  );
}
