/**
 * The Word/text monthly reports of this session (issue 11): one row per report with its township,
 * month and status (可保存 / 需核对 / 已确认 / 未导入 with the reason / 已保存), a button to open the
 * review screen, and one button saving every ready and confirmed report. Also the box for pasting
 * a report's text. Renders the controller's snapshot only (import-controller.ts).
 */
import { useId, useState } from 'react';
import { formatPeriod } from '../../i18n/format';
import { issueMessage } from '../../ingest/issue-message';
import type { Township } from '../../domain/records';
import { isPeriod } from '../../domain/month';
import { useLang, useT } from '../../components/i18n-provider';
import { TableScroll } from '../../components/table-scroll';
import type { ImportController, ImportSnapshot, PendingReport } from './import-controller';
import { reportValues } from './import-controller';
import { ReportReview } from './report-review';
import './report-import.css';

const STATUS_CLASS: Record<PendingReport['state'], string> = {
  ready: 'badge-ok',
  confirmed: 'badge-ok',
  saving: 'badge-null',
  waiting: 'badge-warning',
  saved: 'badge-null',
  needs_review: 'badge-warning',
  rejected: 'badge-error',
};

/** The status list and, when one is open, the review screen. */
export function ReportStatusList({
  snapshot,
  controller,
  townships,
}: {
  readonly snapshot: ImportSnapshot;
  readonly controller: ImportController;
  readonly townships: readonly Township[];
}) {
  const t = useT();
  const lang = useLang();
  const titleId = useId();
  const reports = snapshot.reports;
  if (reports.length === 0) return null;
  const savable = reports.filter((r) => r.state === 'ready' || r.state === 'confirmed').length;
  const open = reports.find((r) => r.key === snapshot.reviewing) ?? null;
  return (
    <section className="report-status" aria-labelledby={titleId} data-testid="report-status">
      <h3 id={titleId}>{t('reportui.list.title', { n: reports.length })}</h3>
      <p className="muted">{t('reportui.list.hint')}</p>
      <TableScroll label={t('reportui.list.title', { n: reports.length })}>
        <table className="data-table report-status__table">
          <thead>
            <tr>
              <th scope="col">{t('reportui.col.file')}</th>
              <th scope="col">{t('reportui.col.township')}</th>
              <th scope="col">{t('reportui.col.period')}</th>
              <th scope="col">{t('reportui.col.status')}</th>
              <th scope="col">{t('reportui.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => {
              const result = r.entry.result;
              const values = reportValues(result);
              const township = typeof values['township'] === 'string' ? values['township'] : '';
              const period = typeof values['period'] === 'string' ? values['period'] : '';
              const reason =
                r.state === 'rejected' ? result.issues.find((i) => i.severity === 'error') : undefined;
              const notes = result.issues.filter(
                (i) => i.severity !== 'error' || r.state !== 'rejected',
              ).length;
              return (
                <tr key={r.key} data-testid="report-status-row" data-state={r.state}>
                  <th scope="row" className="report-status__file">
                    {result.file}
                  </th>
                  <td>{township || <span className="badge-null">{t('reportui.review.notFilled')}</span>}</td>
                  <td>
                    {period && isPeriod(period) ? (
                      formatPeriod(lang, period)
                    ) : (
                      <span className="badge-null">{t('reportui.review.notFilled')}</span>
                    )}
                  </td>
                  <td>
                    <span className={STATUS_CLASS[r.state]}>{t(`reportui.status.${r.state}`)}</span>
                    {reason ? (
                      <div className="report-status__reason">{issueMessage(lang, reason)}</div>
                    ) : null}
                    {r.state !== 'rejected' && notes > 0 ? (
                      <div className="muted">{t('reportui.issues', { n: notes })}</div>
                    ) : null}
                  </td>
                  <td className="report-status__actions">
                    {r.state === 'ready' || r.state === 'needs_review' || r.state === 'confirmed' ? (
                      <>
                        <button
                          type="button"
                          className="btn btn--small"
                          aria-label={t('reportui.openLabel', { file: result.file })}
                          onClick={() => controller.openReport(r.key)}
                        >
                          {t('reportui.open')}
                        </button>
                        <button
                          type="button"
                          className="btn btn--small btn--link"
                          aria-label={t('reportui.discardLabel', { file: result.file })}
                          onClick={() => controller.discardReport(r.key)}
                        >
                          {t('reportui.discard')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <button
          type="button"
          className="btn btn--primary"
          disabled={savable === 0}
          onClick={() => void controller.saveReports()}
        >
          {t('reportui.saveAll', { n: savable })}
        </button>
      </p>
      {open ? (
        <ReportReview
          key={`${open.key}-${open.entry.result.report?.corrections.length ?? 0}`}
          result={open.entry.result}
          townships={townships}
          onConfirm={(values) => void controller.confirmReport(open.key, values)}
          onClose={() => controller.openReport(null)}
        />
      ) : null}
    </section>
  );
}

/** A box for pasting one report's text; read like a .txt file. */
export function PasteReport({ controller }: { readonly controller: ImportController }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [count, setCount] = useState(1);
  return (
    <details className="paste-report">
      <summary>{t('reportui.paste.label')}</summary>
      <p className="muted" id={`${id}-hint`}>
        {t('reportui.paste.hint')}
      </p>
      <label htmlFor={id} className="visually-hidden">
        {t('reportui.paste.label')}
      </label>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="paste-report"
      />
      <p>
        <button
          type="button"
          className="btn"
          disabled={text.trim() === ''}
          onClick={() => {
            const name = t('reportui.paste.fileName', { n: count });
            setCount((c) => c + 1);
            setText('');
            void controller.importText(text, name);
          }}
        >
          {t('reportui.paste.submit')}
        </button>
      </p>
    </details>
  );
}
