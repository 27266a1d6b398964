/**
 * 报送: the township × month submission matrix (on time, late after the due day, undated,
 * suspicious, missing) and the number of missing reports per township.
 */
import { useId, useMemo, useState } from 'react';
import type { Cube } from '../../analysis/cube';
import type { Filters } from '../../analysis/metrics';
import { submissionMatrix } from '../../analysis/submissions';
import { DEFAULT_DUE_DAY } from '../../domain/view-defaults';
import { rangeLabel } from '../../charts/chart-common';
import { formatPeriod } from '../../i18n/format';
import { buildSubmissionMatrixSpec } from '../../charts/submission-chart';
import { DashboardChart } from '../../components/dashboard-chart';
import { MATRIX_PAGE_SIZE, matrixHeight, pageWindow } from '../../charts/township-window';
import { PageControls } from '../../components/township-window-controls';
import { townshipOrCell } from '../../components/cross-filter';
import {
  ChartGrid,
  Panel,
  SelectField,
  ShowAllLine,
  ViewToolbar,
  WideCell,
} from '../../components/dashboard-layout';
import { useLang, useT } from '../../components/i18n-provider';
import type { Period } from '../../domain/month';
import { MISSING_ROWS_SHOWN, missingRows, shownMissingRows } from './missing-rows';
import { TableScroll } from '../../components/table-scroll';
import { useTownshipPage, type TownshipWindowProps } from '../../components/use-township-page';

const DUE_DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1));

export interface SubmissionsViewProps extends TownshipWindowProps {
  readonly cube: Cube;
  readonly filters: Filters;
  /** The selected cell's township: paged charts turn to its page (use-township-page.ts). */
  readonly selectedTownship?: string | null;
  /** Day of the month a report is due; null = 25. */
  readonly dueDay: number | null;
  readonly onDueDayChange: (day: number) => void;
  readonly onTownshipSelect: (township: string) => void;
  readonly onCellSelect: (township: string, period: Period) => void;
}

/** The submissions view. */
export function SubmissionsView({
  cube,
  filters,
  dueDay,
  onDueDayChange,
  onTownshipSelect,
  onCellSelect,
  selectedTownship,
  pageIndex: askedPage,
  onPageChange,
}: SubmissionsViewProps) {
  const t = useT();
  const lang = useLang();
  const due = dueDay ?? DEFAULT_DUE_DAY;
  const matrix = useMemo(() => submissionMatrix(cube, filters, due), [cube, filters, due]);
  const [pageIndex, setPageIndex] = useTownshipPage(
    matrix.townships,
    MATRIX_PAGE_SIZE,
    selectedTownship ?? null,
    askedPage,
    onPageChange,
  );
  const page = pageWindow(matrix.townships.length, MATRIX_PAGE_SIZE, pageIndex);
  const spec = useMemo(
    () =>
      buildSubmissionMatrixSpec(
        cube,
        { filters, lang, dueDay: due, page: { index: page.index, size: MATRIX_PAGE_SIZE } },
        matrix,
      ),
    [cube, filters, lang, due, matrix, page.index],
  );
  const missing = useMemo(() => missingRows(matrix), [matrix]);
  const [allShown, setAllShown] = useState(false);
  const listed = shownMissingRows(missing, allShown);
  const tableId = useId();
  const total = missing.reduce((s, r) => s + r.count, 0);
  const sep = lang === 'en' ? ', ' : '、';

  // A cell selects its township-month, a row label its township.
  const onSelect = townshipOrCell(onTownshipSelect, onCellSelect);

  return (
    <div className="dash-view">
      <ViewToolbar>
        <SelectField
          label={t('views.picker.dueDay')}
          value={String(due)}
          options={DUE_DAYS.map((d) => ({ value: d, label: t('views.picker.dueDayN', { n: d }) }))}
          onChange={(v) => onDueDayChange(Number.parseInt(v, 10))}
        />
        <span className="view-hint">{t('views.submissions.hint')}</span>
      </ViewToolbar>
      <ChartGrid>
        <WideCell>
          <DashboardChart
            spec={spec}
            onSelect={onSelect}
            height={matrixHeight(page.end - page.start)}
            controls={
              page.pages > 1 ? (
                <PageControls page={page} onPageChange={setPageIndex} townships={matrix.townships} />
              ) : null
            }
          />
        </WideCell>
        <WideCell>
          <Panel
            title={t('views.submissions.missingTitle')}
            summary={t('views.submissions.missingSummary', {
              range: rangeLabel(matrix.periods, lang),
              total,
              townships: missing.filter((r) => r.count > 0).length,
            })}
            testId="missing-counts"
          >
            <TableScroll label={t('views.submissions.missingTitle')} className="table-scroll--tall">
              <table className="data-table" id={tableId}>
                <caption className="visually-hidden">{t('views.submissions.missingTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('views.submissions.col.township')}</th>
                    <th scope="col">{t('views.submissions.col.missing')}</th>
                    <th scope="col">{t('views.submissions.col.months')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.shown.map((r) => (
                    <tr key={r.township}>
                      <td>{r.township}</td>
                      <td className="num">{r.count}</td>
                      <td>{r.periods.map((p) => formatPeriod(lang, p)).join(sep)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {listed.leftOut > 0 ? (
              <ShowAllLine
                expanded={allShown}
                onToggle={() => setAllShown((v) => !v)}
                controls={tableId}
                hiddenNote={t('views.submissions.missingHidden', {
                  shown: MISSING_ROWS_SHOWN,
                  n: listed.leftOut,
                })}
                showAll={t('views.submissions.missingAll', { n: missing.length })}
                showFewer={t('views.submissions.missingFewer', { shown: MISSING_ROWS_SHOWN })}
              />
            ) : null}
          </Panel>
        </WideCell>
      </ChartGrid>
    </div>
  );
}
