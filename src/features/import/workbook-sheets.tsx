/**
 * The per-sheet part of a workbook's import report: every sheet in tab order with how it was
 * handled (read, ignored and why, not readable), its counts (which add up per sheet and to the
 * file's) and its formula cells. Sheet names are data: rendered as React text only.
 */
import type { MessageKey } from '../../i18n/catalog';
import type { FileIngestResult, SheetIgnoreReason, SheetSummary } from '../../ingest/types';
import { useT, type TFunction } from '../../components/i18n-provider';
import { TableScroll } from '../../components/table-scroll';

const REASON_KEYS: Record<SheetIgnoreReason, MessageKey> = {
  empty: 'exportui.workbook.reason.empty',
  hidden: 'exportui.workbook.reason.hidden',
  notes_name: 'exportui.workbook.reason.notes_name',
  notes_content: 'exportui.workbook.reason.notes_content',
  header_only: 'exportui.workbook.reason.header_only',
};

function roleText(t: TFunction, s: SheetSummary): string {
  if (s.role === 'ignored' && s.reason !== null) return t(REASON_KEYS[s.reason]);
  return t(s.role === 'rejected' ? 'exportui.workbook.role.rejected' : 'exportui.workbook.role.data');
}

export function WorkbookSheets({ result }: { result: FileIngestResult }) {
  const t = useT();
  const sheets = result.sheets;
  if (!sheets || sheets.length === 0) return null;
  return (
    <details className="report-section" open>
      <summary>{t('exportui.workbook.report.sheets', { n: sheets.length })}</summary>
      <TableScroll label={t('exportui.workbook.report.sheets', { n: sheets.length })}>
        <table className="data-table data-table--compact" data-testid="sheets">
          <thead>
            <tr>
              <th scope="col">{t('exportui.workbook.report.sheet')}</th>
              <th scope="col">{t('exportui.workbook.report.role')}</th>
              <th scope="col">{t('dashboard.report.total')}</th>
              <th scope="col">{t('dashboard.report.accepted')}</th>
              <th scope="col">{t('dashboard.report.rejected')}</th>
              <th scope="col">{t('dashboard.report.ignored')}</th>
              <th scope="col">{t('exportui.workbook.report.formulas')}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((s, i) => (
              <tr key={i} className={s.role === 'rejected' ? 'row--error' : undefined}>
                <td>
                  {s.name}
                  {s.state !== 'visible' ? ` ${t('exportui.workbook.state.hidden')}` : ''}
                </td>
                <td>
                  <span
                    className={
                      s.role === 'data' ? 'badge-ok' : s.role === 'rejected' ? 'badge-error' : 'badge-warning'
                    }
                  >
                    {roleText(t, s)}
                  </span>
                </td>
                <td className="num">{s.counts.total}</td>
                <td className="num">{s.counts.accepted}</td>
                <td className="num">{s.counts.rejected}</td>
                <td className="num">{s.counts.ignored}</td>
                <td className="num">
                  {s.formulas.cached}/{s.formulas.computed}/{s.formulas.unresolved}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
