/**
 * The printable monthly bulletin (通报): the BulletinModel laid out for A4 portrait, with the
 * charts passed in, and two actions: print / save as PDF (the browser's print dialog) and
 * download as Word. Print CSS hides the actions and keeps headings with what follows them.
 */
import { useState } from 'react';
import type { ChartSpec } from '../../charts/chart-spec';
import type { ChartExportMeta } from '../../components/chart-export-scope';
import { ChartFrame } from '../../components/chart-frame';
import { TableScroll } from '../../components/table-scroll';
import { screenOption } from '../../components/screen-option';
import { useT } from '../../components/i18n-provider';
import { decorateForExport } from '../../export/chart-image';
import type { BulletinImage } from '../../export/bulletin/bulletin-docx';
import { rankingCellText, type BulletinModel } from '../../export/bulletin/bulletin-model';
import { downloadBytes, renderChartPng } from '../../export/download';
import { exportFileName } from '../../export/file-names';
import './bulletin-page.css';

export interface BulletinPageProps {
  readonly model: BulletinModel;
  /** Charts shown under the ranking table and embedded in the Word file, in this order. */
  readonly charts?: readonly ChartSpec[];
  /** Today as `YYYY-MM-DD` (制图日期 of the embedded charts), passed in by the app. */
  readonly generatedAt: string;
  /** 数据来源 printed in each embedded chart's footer. */
  readonly source?: string;
  /**
   * Export metadata per chart id (e.g. the trend's month range as its subtitle); charts without an
   * entry are labelled with the bulletin month.
   */
  readonly chartMeta?: ReadonlyMap<string, ChartExportMeta>;
  /** Replaces the Word download (tests, or an app-level exporter). */
  readonly onDownloadWord?: (model: BulletinModel, images: readonly BulletinImage[]) => Promise<void>;
}

const IMAGE = { width: 1200, height: 675, pixelRatio: 2 } as const;

const metaProp = (meta: ChartExportMeta | undefined) => (meta ? { exportMeta: meta } : {});

/** Default Word download: render charts to PNG, build the .docx, save it under a safe name. */
async function saveWord(
  model: BulletinModel,
  images: readonly BulletinImage[],
  chartsHeading: string,
  title: string,
) {
  // The Word writer (docx) is large and only needed here: load it on first use.
  const { bulletinToDocx, DOCX_MIME } = await import('../../export/bulletin/bulletin-docx');
  const bytes = await bulletinToDocx(model, images, { chartsHeading });
  downloadBytes(bytes, exportFileName({ period: model.month, title, ext: 'docx' }), DOCX_MIME);
}

/** The bulletin page; export it into the app's navigation. */
export function BulletinPage({
  model,
  charts = [],
  generatedAt,
  source,
  chartMeta,
  onDownloadWord,
}: BulletinPageProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const visibleCharts = charts.filter((c) => !c.empty);

  const handleWord = async () => {
    setBusy(true);
    setError(null);
    try {
      const images: BulletinImage[] = visibleCharts.map((spec) => ({
        title: spec.title,
        png: renderChartPng(
          decorateForExport(spec.option, {
            title: spec.title,
            subtitle: chartMeta?.get(spec.id)?.subtitle ?? model.monthLabel,
            generatedAt,
            lang: model.lang,
            ...(source === undefined ? {} : { source }),
          }),
          IMAGE,
        ),
        width: IMAGE.width * IMAGE.pixelRatio,
        height: IMAGE.height * IMAGE.pixelRatio,
      }));
      if (onDownloadWord) await onDownloadWord(model, images);
      else await saveWord(model, images, t('export.bulletin.chartsHeading'), t('export.bulletin.fileTitle'));
    } catch (e) {
      setError(t('export.bulletin.wordFailed', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const { columns, rows } = model.ranking.table;
  return (
    <article className="bulletin" lang={model.lang === 'en' ? 'en' : 'zh-CN'}>
      <div className="bulletin-actions" role="toolbar" aria-label={t('export.bulletin.pageLabel')}>
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('export.bulletin.print')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => void handleWord()} disabled={busy}>
          {busy ? t('export.bulletin.preparing') : t('export.bulletin.downloadWord')}
        </button>
        {error && (
          <p role="alert" className="bulletin-error">
            {error}
          </p>
        )}
      </div>

      <header className="bulletin-title-block">
        <h1>{model.title}</h1>
        <p className="bulletin-meta">
          <span>{model.issuingOffice}</span> <span>{model.cutoffLine}</span>
        </p>
      </header>

      {model.sections.map((s) => (
        <section key={s.id} className="bulletin-section" aria-labelledby={`bulletin-${s.id}`}>
          <h2 id={`bulletin-${s.id}`}>{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}

      <section className="bulletin-section" aria-labelledby="bulletin-ranking">
        <h2 id="bulletin-ranking">{model.ranking.heading}</h2>
        {/* On a phone the A4 table is wider than the screen: it scrolls in its own box. */}
        <TableScroll label={model.ranking.heading}>
          <table className="bulletin-table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c, j) => (
                    <td key={c.key} className={typeof r[j] === 'number' ? 'num' : undefined}>
                      {rankingCellText(c.key, r[j] ?? null)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="bulletin-note">{model.ranking.note}</p>
      </section>

      {visibleCharts.length > 0 && (
        <section className="bulletin-section bulletin-charts" aria-labelledby="bulletin-charts">
          <h2 id="bulletin-charts">{t('export.bulletin.chartsHeading')}</h2>
          {visibleCharts.map((spec) => (
            <figure key={spec.id} className="bulletin-chart">
              <ChartFrame
                spec={spec}
                height={340}
                // The heading above already names the chart; exports keep the in-image title.
                displayOption={screenOption(spec.option, spec.title)}
                {...metaProp(chartMeta?.get(spec.id))}
              />
            </figure>
          ))}
        </section>
      )}
    </article>
  );
}
