/**
 * The review screen of one Word/text monthly report (issue 11): the report's text with every
 * phrase a value was read from marked, beside a form of the values read (township, month, report
 * date, every count; blank is 未填, never 0; approximate counts flagged). The clerk corrects and
 * confirms; the controller validates the values again (import-controller.ts `confirmReport`).
 * Other figures and the problem statements are listed so nothing read is hidden.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { townshipMonthField } from '../../domain/fields';
import type { Township } from '../../domain/records';
import { issueMessage } from '../../ingest/issue-message';
import type { ReportValues } from '../../ingest/report/report-attachment';
import { REPORT_COUNT_FIELDS } from '../../ingest/report/count-rules';
import type { FileIngestResult } from '../../ingest/types';
import { useLang, useT } from '../../components/i18n-provider';
import { ReportText } from '../../components/report-text';
import { OtherFactsTable } from '../../components/report-facts';
import { reportValues } from './import-controller';

export interface ReportReviewProps {
  readonly result: FileIngestResult;
  readonly townships: readonly Township[];
  readonly onConfirm: (values: ReportValues) => void;
  readonly onClose: () => void;
}

const TEXT_INPUTS = ['township', 'period', 'report_date'] as const;
const LONG_TEXT = ['problems_text', 'next_steps_text'] as const;

const asText = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

/** Form text → value: blank is null (not reported); a number field must parse. */
function parseValues(
  form: ReadonlyMap<string, string>,
): { ok: true; values: ReportValues } | { ok: false; field: string; value: string } {
  const out: Record<string, string | number | null> = {};
  for (const f of [...TEXT_INPUTS, ...LONG_TEXT]) {
    const v = (form.get(f) ?? '').trim();
    out[f] = v === '' ? null : v;
  }
  for (const f of REPORT_COUNT_FIELDS) {
    const raw = (form.get(f) ?? '').trim();
    if (raw === '') {
      out[f] = null;
      continue;
    }
    // Full-width digits as a Chinese IME types them.
    const folded = raw.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const n = Number(folded);
    if (!/^\d+(\.\d+)?$/u.test(folded) || !Number.isFinite(n)) return { ok: false, field: f, value: raw };
    out[f] = n;
  }
  return { ok: true, values: out };
}

/** The review screen. */
export function ReportReview({ result, townships, onConfirm, onClose }: ReportReviewProps) {
  const t = useT();
  const lang = useLang();
  const titleId = useId();
  const listId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const report = result.report;
  const current = reportValues(result);
  const [form, setForm] = useState<ReadonlyMap<string, string>>(
    () => new Map(Object.entries(current).map(([k, v]) => [k, asText(v)])),
  );
  const [invalid, setInvalid] = useState<{ field: string; value: string } | null>(null);
  useEffect(() => headingRef.current?.focus(), []);
  if (!report) return null;

  const label = (name: string) => {
    const f = townshipMonthField(name);
    return f ? (lang === 'en' ? f.en : f.zh) : name;
  };
  const evidenceOf = (field: string) => report.evidence.find((e) => e.field === field) ?? null;
  const approx = new Set(report.approx);
  const corrected = new Map(report.corrections.map((c) => [c.field, c]));
  const marks = report.evidence.map((e) => ({
    line: e.line,
    phrase: e.phrase,
    title: `${label(e.field)} = ${String(e.value)}`,
  }));
  const set = (field: string, v: string) => setForm((m) => new Map(m).set(field, v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseValues(form);
    if (!parsed.ok) {
      setInvalid({ field: parsed.field, value: parsed.value });
      return;
    }
    setInvalid(null);
    onConfirm(parsed.values);
  };
  const errors = result.issues.filter((i) => i.severity === 'error' || i.severity === 'warning');

  const fieldRow = (name: string, input: (id: string, describedBy: string) => ReactNode) => {
    const id = `${titleId}-${name}`;
    const ev = evidenceOf(name);
    const c = corrected.get(name);
    return (
      <div className="report-review__field" key={name} data-field={name}>
        <label htmlFor={id}>
          {label(name)}
          {approx.has(name) ? (
            <span className="badge-warning" title={t('reportui.review.approxLabel', { label: label(name) })}>
              {t('reportui.review.approx')}
            </span>
          ) : null}
        </label>
        {input(id, `${id}-ev`)}
        <small id={`${id}-ev`} className="muted report-review__evidence">
          {c
            ? t('reportui.review.corrected', { from: asText(c.from) || t('reportui.review.notFilled') })
            : ev
              ? t('reportui.review.evidence', { line: ev.line, phrase: ev.phrase })
              : // The sections' text is the section itself, listed below; a count without evidence was not stated.
                (LONG_TEXT as readonly string[]).includes(name)
                ? ''
                : t('reportui.review.noEvidence')}
        </small>
      </div>
    );
  };

  return (
    <section className="report-review" aria-labelledby={titleId} data-testid="report-review">
      <div className="report-review__head">
        <h3 id={titleId} ref={headingRef} tabIndex={-1}>
          {t('reportui.review.title', { file: result.file })}
        </h3>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('reportui.review.cancel')}
        </button>
      </div>
      {errors.length > 0 ? (
        <div className="notice notice--info">
          <h4>{t('reportui.review.issues')}</h4>
          <ul data-testid="report-review-issues">
            {errors.map((i, n) => (
              <li key={n}>
                <span className={i.severity === 'error' ? 'badge-error' : 'badge-warning'}>
                  {t(
                    i.severity === 'error' ? 'views.detail.severity.error' : 'views.detail.severity.warning',
                  )}
                </span>{' '}
                {issueMessage(lang, i)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="report-review__body">
        <div className="report-review__text">
          <h4>{t('reportui.review.text')}</h4>
          <p className="muted">{t('reportui.review.textHint')}</p>
          <ReportText
            blocks={report.blocks}
            marks={marks}
            label={t('reportui.review.text')}
            idPrefix={`${titleId}-text`}
            lineLabel={(line) => t('reportui.review.line', { line })}
          />
        </div>
        <form className="report-review__form" onSubmit={submit} noValidate>
          <h4>{t('reportui.review.form')}</h4>
          <datalist id={listId}>
            {townships.map((tw) => (
              <option key={tw.name} value={tw.name} />
            ))}
          </datalist>
          {fieldRow('township', (id, d) => (
            <input
              id={id}
              aria-describedby={d}
              list={listId}
              value={form.get('township') ?? ''}
              onChange={(e) => set('township', e.target.value)}
            />
          ))}
          {fieldRow('period', (id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="month"
              value={form.get('period') ?? ''}
              onChange={(e) => set('period', e.target.value)}
            />
          ))}
          {fieldRow('report_date', (id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="date"
              value={form.get('report_date') ?? ''}
              onChange={(e) => set('report_date', e.target.value)}
            />
          ))}
          <p className="muted">{t('reportui.review.blankHint')}</p>
          <div className="report-review__counts">
            {REPORT_COUNT_FIELDS.map((name) =>
              fieldRow(name, (id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="decimal"
                  className="num"
                  placeholder={t('reportui.review.notFilled')}
                  value={form.get(name) ?? ''}
                  aria-invalid={invalid?.field === name ? true : undefined}
                  onChange={(e) => set(name, e.target.value)}
                />
              )),
            )}
          </div>
          {LONG_TEXT.map((name) =>
            fieldRow(name, (id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                rows={4}
                placeholder={t('reportui.review.notFilled')}
                value={form.get(name) ?? ''}
                onChange={(e) => set(name, e.target.value)}
              />
            )),
          )}
          {invalid ? (
            <p className="text-error" role="alert">
              {label(invalid.field)}: {t('reportui.review.invalidNumber', { value: invalid.value })}
            </p>
          ) : null}
          <div className="report-review__actions">
            <button type="submit" className="btn btn--primary">
              {t('reportui.review.confirm')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('reportui.review.cancel')}
            </button>
          </div>
        </form>
      </div>
      <div className="report-review__extra">
        <h4>{t('reportui.review.problems', { n: report.problems.length })}</h4>
        <ol>
          {report.problems.map((p) => (
            <li key={p.seq}>
              {p.line !== null ? (
                <span className="muted">{t('reportui.review.line', { line: p.line })} </span>
              ) : null}
              {p.text}
            </li>
          ))}
        </ol>
        <h4>{t('reportui.review.otherFacts')}</h4>
        {report.otherFacts.length === 0 ? (
          <p className="muted">{t('reportui.review.noOtherFacts')}</p>
        ) : (
          <OtherFactsTable facts={report.otherFacts} />
        )}
      </div>
    </section>
  );
}
