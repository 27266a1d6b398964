/**
 * A monthly report's numbers that are not field values (issue 11, "other facts"): phrase, value,
 * unit, paragraph and why it is not a field value, so nothing the report states is lost. Shared by
 * the import's review screen and the detail panel.
 */

/** An other fact as the report attachment holds it (src/ingest/report/report-attachment.ts). */
export interface OtherFactView {
  readonly phrase: string;
  readonly value: number;
  readonly unit: string | null;
  readonly line: number;
  readonly reason: 'no_field' | 'ytd' | 'not_a_value' | 'not_this_month' | 'other_section';
}
import { useT } from './i18n-provider';
import { TableScroll } from './table-scroll';

/** The report's numbers that are not field values: phrase, value, unit, paragraph, why. */
export function OtherFactsTable({ facts }: { readonly facts: readonly OtherFactView[] }) {
  const t = useT();
  return (
    <TableScroll label={t('reportui.review.otherFacts')}>
      <table className="data-table" data-testid="report-other-facts">
        <thead>
          <tr>
            <th scope="col">{t('reportui.col.line')}</th>
            <th scope="col">{t('views.detail.col.value')}</th>
            <th scope="col">{t('views.detail.col.unit')}</th>
            <th scope="col">{t('reportui.detail.otherFacts')}</th>
          </tr>
        </thead>
        <tbody>
          {facts.map((f, i) => (
            <tr key={i}>
              <td className="num">{f.line}</td>
              <td className="num">{f.value}</td>
              <td>{f.unit ?? ''}</td>
              <td>
                {t('reportui.fact.phrase', {
                  phrase: f.phrase,
                  reason: t(`reportui.fact.reason.${f.reason}`),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
