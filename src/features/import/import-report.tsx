/**
 * One file's import report: how the file was read (encoding, format, delimiter, header mapping),
 * counts that visibly add up, every issue with where it is, the ignored lines with their reason,
 * and a download of the rejected rows. Everything from the file is rendered as plain text.
 */
import { useState, type ReactNode } from 'react';
import { ledgerCheckMessage, type LedgerCheck } from '../../analysis/hazard-figures';
import { TOWNSHIP_MONTH_FIELDS, FIELDS_BY_RECORD } from '../../domain/fields';
import type { MessageKey } from '../../i18n/catalog';
import { formatNumber } from '../../i18n/format';
import type { Lang } from '../../i18n/i18n';
import type { EncodingName, FileIngestResult, IgnoreReason } from '../../ingest/types';
import type { ImportEntry } from '../../store/types';
import { downloadCsv } from '../../components/save-file';
import { useLang, useT, type TFunction } from '../../components/i18n-provider';
import { issueLocation, recordLocation } from '../../ingest/issue-message';
import { issueText, rejectedFileName, rejectedRowsCsv } from './import-downloads';
import { WorkbookSheets } from './workbook-sheets';
import { TableScroll } from '../../components/table-scroll';

const ENCODING_LABEL: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  gb18030: 'GB18030',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** Encodings recognised by a byte-order mark rather than detected from the content. */
const BOM_ENCODINGS: ReadonlySet<EncodingName> = new Set(['utf-8-bom', 'utf-16le', 'utf-16be']);

/** e.g. "GB18030（自动识别）", "UTF-8（带 BOM）". */
export function encodingLabel(t: TFunction, encoding: EncodingName | null): string {
  if (encoding === null) return t('dashboard.report.unknown');
  const name = ENCODING_LABEL[encoding];
  return BOM_ENCODINGS.has(encoding)
    ? t('dashboard.report.encodingBom', { name })
    : t('dashboard.report.encodingAuto', { name });
}

function delimiterLabel(t: TFunction, d: string | null): string {
  if (d === null) return t('dashboard.report.unknown');
  if (d === ',') return t('dashboard.report.delim.comma');
  if (d === '\t') return t('dashboard.report.delim.tab');
  if (d === ';') return t('dashboard.report.delim.semicolon');
  return t('dashboard.report.delim.other', { d });
}

const IGNORE_KEYS: Record<IgnoreReason, MessageKey> = {
  blank: 'dashboard.report.ignore.blank',
  title: 'dashboard.report.ignore.title',
  metadata: 'dashboard.report.ignore.metadata',
  header: 'dashboard.report.ignore.header',
  header_continuation: 'dashboard.report.ignore.header_continuation',
  units_row: 'dashboard.report.ignore.units_row',
  repeated_header: 'dashboard.report.ignore.repeated_header',
  totals: 'dashboard.report.ignore.totals',
  footer_note: 'dashboard.report.ignore.footer_note',
  duplicate_identical: 'dashboard.report.ignore.duplicate_identical',
  empty_json_element: 'dashboard.report.ignore.empty_json_element',
  sheet_ignored: 'exportui.workbook.ignore.sheet_ignored',
};

/** JSON documents locate records by JSON path, other formats by line. */
const lineHeader = (result: FileIngestResult): MessageKey =>
  result.format === 'json' ? 'dashboard.report.location' : 'dashboard.report.line';

function fieldLabel(result: FileIngestResult, name: string, lang: Lang): string {
  const kind = result.recordKind && result.recordKind !== 'mixed' ? result.recordKind : 'township_month';
  const f =
    (FIELDS_BY_RECORD.get(kind) ?? TOWNSHIP_MONTH_FIELDS).find((x) => x.name === name) ??
    TOWNSHIP_MONTH_FIELDS.find((x) => x.name === name);
  if (!f) return name;
  return `${lang === 'en' ? f.en : f.zh} (${name})`;
}

function Counts({ result }: { result: FileIngestResult }) {
  const t = useT();
  const c = result.counts;
  const items: [MessageKey, number, string][] = [
    ['dashboard.report.total', c.total, 'total'],
    ['dashboard.report.accepted', c.accepted, 'accepted'],
    ['dashboard.report.rejected', c.rejected, 'rejected'],
    ['dashboard.report.ignored', c.ignored, 'ignored'],
  ];
  return (
    <div className="report-counts">
      <dl className="counts">
        {items.map(([key, n, cls]) => (
          <div key={cls} className={`counts__item counts__item--${cls}`} data-testid={`count-${cls}`}>
            <dt>{t(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <p className="counts__sum">{t('dashboard.report.sum', { ...c })}</p>
    </div>
  );
}

function Mapping({ result }: { result: FileIngestResult }) {
  const t = useT();
  const lang = useLang();
  if (result.columns.length === 0) return null;
  return (
    <details className="report-section" open={result.columns.some((c) => c.field === null)}>
      <summary>{t('dashboard.report.mapping')}</summary>
      <TableScroll label={t('dashboard.report.mapping')}>
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.report.col.index')}</th>
              <th scope="col">{t('dashboard.report.col.header')}</th>
              <th scope="col">{t('dashboard.report.col.field')}</th>
              <th scope="col">{t('dashboard.report.col.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {result.columns.map((c) => (
              <tr key={c.index} className={c.field === null ? 'row--unknown' : undefined}>
                <td className="num">{c.index + 1}</td>
                <td>{c.header}</td>
                <td>
                  {c.field === null ? (
                    <span className="badge-warning">{t('dashboard.report.unknownColumn')}</span>
                  ) : (
                    fieldLabel(result, c.field, lang)
                  )}
                </td>
                <td>{c.unit && c.scale !== 1 ? `${c.unit} × ${c.scale}` : (c.unit ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

/**
 * Rows a report table renders at first, then as many more per click: a 1M-row ledger has tens of
 * thousands of issues, and rendering them all (for every stored batch, even closed) froze the
 * page for seconds (issue 13). Every row stays one click away; none is dropped.
 */
export const REPORT_ROWS_STEP = 200;

/** The first `shown` items of a list, and a button for the next step while some are hidden. */
function useStepped<T>(items: readonly T[]): { rows: readonly T[]; more: ReactNode } {
  const t = useT();
  const lang = useLang();
  const [shown, setShown] = useState(REPORT_ROWS_STEP);
  const hidden = items.length - shown;
  return {
    rows: hidden > 0 ? items.slice(0, shown) : items,
    more:
      hidden > 0 ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => setShown((n) => n + REPORT_ROWS_STEP * 10)}
        >
          {t('dashboard.report.showMore', {
            n: formatNumber(lang, Math.min(hidden, REPORT_ROWS_STEP * 10)),
            hidden: formatNumber(lang, hidden),
          })}
        </button>
      ) : null,
  };
}

function Issues({ result }: { result: FileIngestResult }) {
  const t = useT();
  const lang = useLang();
  const { rows, more } = useStepped(result.issues);
  if (result.issues.length === 0) return <p className="report-ok">{t('dashboard.report.noIssues')}</p>;
  return (
    <details className="report-section" open>
      <summary>{t('dashboard.report.issues', { n: result.issues.length })}</summary>
      <TableScroll
        className="table-scroll--limited"
        label={t('dashboard.report.issues', { n: result.issues.length })}
      >
        <table className="data-table data-table--compact" data-testid="issues">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.report.severity')}</th>
              <th scope="col">{t(lineHeader(result))}</th>
              <th scope="col">{t('dashboard.report.column')}</th>
              <th scope="col">{t('dashboard.report.value')}</th>
              <th scope="col">{t('dashboard.report.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((issue, i) => (
              <tr key={i} className={`row--${issue.severity}`}>
                <td>
                  <span className={`badge-${issue.severity}`}>
                    {issue.severity === 'error'
                      ? t('dashboard.report.severity.error')
                      : t('dashboard.report.severity.warning')}
                  </span>
                </td>
                <td className="num">{issueLocation(issue)}</td>
                <td>{issue.column ?? ''}</td>
                <td className="cell-value">{issue.value ?? ''}</td>
                <td>{issueText(lang, issue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {more}
    </details>
  );
}

function Ignored({ result }: { result: FileIngestResult }) {
  const t = useT();
  const { rows, more } = useStepped(result.ignored);
  if (result.ignored.length === 0) return null;
  return (
    <details className="report-section">
      <summary>{t('dashboard.report.ignoredRecords', { n: result.ignored.length })}</summary>
      <TableScroll
        className="table-scroll--limited"
        label={t('dashboard.report.ignoredRecords', { n: result.ignored.length })}
      >
        <table className="data-table data-table--compact" data-testid="ignored">
          <thead>
            <tr>
              <th scope="col">{t(lineHeader(result))}</th>
              <th scope="col">{t('dashboard.report.reason')}</th>
              <th scope="col">{t('dashboard.report.content')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td className="num">{recordLocation(r)}</td>
                <td>{t(IGNORE_KEYS[r.reason])}</td>
                <td className="cell-value">{r.raw}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {more}
    </details>
  );
}

/**
 * The ledger-vs-report differences this file takes part in, against everything held
 * (docs/decisions/0005-ledger-and-report-totals.md). Warnings: the file is imported either way.
 */
function LedgerChecks({ checks }: { checks: readonly LedgerCheck[] }) {
  const t = useT();
  const lang = useLang();
  if (checks.length === 0) return null;
  return (
    <details className="report-section" open data-testid="ledger-checks">
      <summary>{t('dashboard.report.ledgerChecks', { n: checks.length })}</summary>
      <p className="muted">{t('dashboard.report.ledgerChecksHint')}</p>
      <ul>
        {checks.map((c, i) => (
          <li key={i}>
            <span className="badge-warning">{t('dashboard.report.severity.warning')}</span>{' '}
            {ledgerCheckMessage(lang, c)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The report for one imported file; collapsed to its summary line unless `defaultOpen`. `children`
 * (e.g. the township-name decisions of a file not yet saved) render right after the counts.
 */
export function ImportReport({
  entry,
  defaultOpen = true,
  ledgerChecks = [],
  saving = false,
  children,
}: {
  entry: ImportEntry;
  defaultOpen?: boolean;
  /**
   * The file is read and being saved: its report shows at once (a large ledger takes longer to
   * save than to read), named and badged as not saved yet.
   */
  saving?: boolean;
  /** Ledger-vs-report differences involving this file (see `ledgerChecksForFile`). */
  ledgerChecks?: readonly LedgerCheck[];
  children?: ReactNode;
}) {
  const t = useT();
  const lang = useLang();
  const r = entry.result;
  const rejected = r.status === 'rejected';
  const title = t(saving ? 'dashboard.report.titleSaving' : 'dashboard.report.title', { file: r.file });
  return (
    <article className={`report ${rejected ? 'report--rejected' : ''}`} aria-label={title}>
      <details open={defaultOpen}>
        <summary className="report__summary">
          <h3 className="report__title">{title}</h3>
          <span className={rejected ? 'badge-error' : saving ? 'badge-null' : 'badge-ok'}>
            {rejected
              ? t('dashboard.report.statusRejected')
              : saving
                ? t('dashboard.report.statusSaving')
                : t('dashboard.report.statusOk')}
          </span>
          <span className="report__brief">
            {t('dashboard.report.total')} {r.counts.total} · {t('dashboard.report.accepted')}{' '}
            {r.counts.accepted} · {t('dashboard.report.rejected')} {r.counts.rejected} ·{' '}
            {t('dashboard.report.ignored')} {r.counts.ignored}
          </span>
        </summary>
        <div className="report__body">
          {saving ? <p className="view-hint" role="status">{t('dashboard.report.savingNote')}</p> : null}
          <dl className="report__meta">
            <div>
              <dt>{t('dashboard.report.encoding')}</dt>
              <dd data-testid="encoding">{encodingLabel(t, r.encoding)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.report.format')}</dt>
              <dd>{r.format ? r.format.toUpperCase() : t('dashboard.report.unknown')}</dd>
            </div>
            {r.format === 'csv' ? (
              <div>
                <dt>{t('dashboard.report.delimiter')}</dt>
                <dd>{delimiterLabel(t, r.delimiter)}</dd>
              </div>
            ) : null}
            {r.headerLine !== null ? (
              <div>
                <dt>{t('dashboard.report.headerLine')}</dt>
                <dd>{r.headerLine}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('dashboard.report.size')}</dt>
              <dd>{t('dashboard.report.bytes', { n: formatNumber(lang, r.bytes) })}</dd>
            </div>
          </dl>
          <Counts result={r} />
          {children}
          <WorkbookSheets result={r} />
          <Mapping result={r} />
          <Issues result={r} />
          <LedgerChecks checks={ledgerChecks} />
          <Ignored result={r} />
          {r.rejectedRows.length > 0 ? (
            <div className="report__actions">
              <button
                type="button"
                className="btn"
                onClick={() => downloadCsv(rejectedRowsCsv(r, lang), rejectedFileName(r.file))}
              >
                {t('dashboard.report.downloadRejected')}
              </button>
            </div>
          ) : null}
        </div>
      </details>
    </article>
  );
}
