/**
 * The monthly report behind a township-month record, when it came from a Word/text report
 * (issue 11): its sections, the evidence for every value (phrase and paragraph), the other figures,
 * the clerk's corrections and the report text with the evidence marked. A problem statement's
 * paragraph (`focusLine`, from the 问题 view's link) is highlighted and scrolled into view.
 */
import { useId } from 'react';
import { townshipMonthField } from '../../domain/fields';
import type { ReportAttachment } from '../../ingest/report/report-attachment';
import { useLang, useT } from '../../components/i18n-provider';
import { OtherFactsTable } from '../../components/report-facts';
import { ReportText } from '../../components/report-text';

const show = (v: string | number | null): string => (v === null ? '—' : String(v));

export function ReportSource({
  report,
  focusLine,
}: {
  readonly report: ReportAttachment;
  readonly focusLine: number | null;
}) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const label = (name: string) => {
    const f = townshipMonthField(name);
    return f ? (lang === 'en' ? f.en : f.zh) : name;
  };
  const marks = report.evidence.map((e) => ({
    line: e.line,
    phrase: e.phrase,
    title: `${label(e.field)} = ${String(e.value)}`,
  }));
  return (
    <section className="detail-panel__section" data-testid="detail-report">
      <h3>{t('reportui.detail.report')}</h3>
      <ul className="detail-panel__sections">
        {report.sections
          .filter((s) => s.lines.length > 0)
          .map((s, i) => (
            <li key={i}>
              {t(`reportui.section.${s.kind}`)}
              {s.heading ? `：${s.heading}` : ''}{' '}
              <span className="muted">{t('reportui.review.line', { line: s.line ?? s.lines[0] ?? '' })}</span>
            </li>
          ))}
      </ul>
      <h4>{t('reportui.detail.evidence')}</h4>
      <ul className="detail-panel__evidence" data-testid="detail-evidence">
        {report.evidence.map((e, i) => (
          <li key={i}>
            {label(e.field)} = {show(e.value)}{' '}
            <span className="muted">{t('reportui.review.evidence', { line: e.line, phrase: e.phrase })}</span>
          </li>
        ))}
      </ul>
      {report.corrections.length > 0 ? (
        <>
          <h4>{t('reportui.detail.corrections')}</h4>
          <ul data-testid="detail-corrections">
            {report.corrections.map((c) => (
              <li key={c.field}>
                {t('reportui.detail.correction', {
                  label: label(c.field),
                  from: show(c.from),
                  to: show(c.to),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.otherFacts.length > 0 ? (
        <>
          <h4>{t('reportui.detail.otherFacts')}</h4>
          <OtherFactsTable facts={report.otherFacts} />
        </>
      ) : null}
      <details open={focusLine !== null} className="detail-panel__report-text">
        <summary>{t('reportui.detail.showText', { n: report.blocks.length })}</summary>
        <ReportText
          blocks={report.blocks}
          marks={marks}
          label={t('reportui.detail.report')}
          idPrefix={`${id}-report`}
          focusLine={focusLine}
          lineLabel={(line) => t('reportui.review.line', { line })}
        />
      </details>
    </section>
  );
}
