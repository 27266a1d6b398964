// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_DATASET, type Dataset } from '../../domain/records';
import type { IngestIssue } from '../../ingest/types';
import { hazard, result, tm } from '../../store/test-support';
import type { ImportEntry } from '../../store/types';
import { DetailPanel } from './detail-panel';
import { issuesForSources } from './detail-model';

afterEach(cleanup);

const FILE = '2022年4月乡镇月报.csv';
const xiaozhao = tm(
  '小召乡',
  '2022-04',
  { hazards_found: 380, hazards_rectified: 357, accidents: 0, deaths: null, trainings_held: 2 },
  {
    source: { file: FILE, line: 7 },
    approx: ['hazards_found'],
    problems_text: '一是部分企业主体责任落实不到位；二是村级安全员业务能力不足。',
  },
);
const chengguan = tm('城关镇', '2022-04', { hazards_found: 12 }, { source: { file: FILE, line: 8 } });
const dataset: Dataset = {
  ...EMPTY_DATASET,
  townships: [{ name: '小召乡', type: 'xiang', code: null, aliases: ['小召'] }],
  townshipMonths: [xiaozhao, chengguan],
};

const issue = (line: number, severity: IngestIssue['severity'] = 'warning', file = FILE): IngestIssue => ({
  severity,
  code: 'ingest.approx_values',
  file,
  line,
  column: '排查隐患',
  field: 'hazards_found',
  value: '380余',
  params: { file, line, column: '排查隐患', value: '380余', count: 1 },
});
const entry = (issues: IngestIssue[], file = FILE): ImportEntry => ({
  id: 'imp-1',
  importedAt: '2022-04-28T08:00:00.000Z',
  result: { ...result(file, [xiaozhao, chengguan]), issues },
});

describe('issuesForSources', () => {
  it.each([
    ['same file and line', [entry([issue(7)])], 1],
    ['another line of the file', [entry([issue(8)])], 0],
    ['the same line of another file', [entry([issue(7, 'warning', '其他.csv')], '其他.csv')], 0],
    ['no imports', [], 0],
  ])('%s', (_name, imports, n) => {
    expect(issuesForSources(imports, [{ file: FILE, line: 7 }])).toHaveLength(n);
  });

  it('matches nothing for a source without a line', () => {
    expect(issuesForSources([entry([issue(7)])], [{ file: FILE, line: null }])).toEqual([]);
  });
});

describe('DetailPanel', () => {
  it('shows every field, 未填 for null distinct from 0, the source line and its import issue', () => {
    render(
      <DetailPanel
        dataset={dataset}
        imports={[entry([issue(7), issue(8, 'error')])]}
        township="小召"
        period="2022-04"
        onClose={vi.fn()}
      />,
    );
    const panel = screen.getByRole('dialog', { name: '小召乡 2022年4月 月报详情' });
    const row = (label: string) => {
      const found = within(panel)
        .getAllByRole('row')
        .find((r) => within(r).queryByRole('rowheader', { name: label }) !== null);
      if (!found) throw new Error(`no row ${label}`);
      return found;
    };
    expect(within(row('排查隐患')).getByRole('cell', { name: '380（约数）' })).toBeInTheDocument();
    expect(within(row('事故起数')).getAllByRole('cell')[0]).toHaveTextContent(/^0$/);
    expect(within(row('死亡人数')).getAllByRole('cell')[0]).toHaveTextContent('未填');
    expect(within(row('培训场次')).getAllByRole('cell')[0]).toHaveTextContent(/^2$/);

    expect(within(screen.getByTestId('detail-sources')).getByText(`${FILE} 第 7 行`)).toBeInTheDocument();
    const issues = within(screen.getByTestId('detail-issues')).getAllByRole('listitem');
    // Only line 7's issue; line 8 belongs to 城关镇.
    expect(issues).toHaveLength(1);
    expect(issues[0]).toHaveTextContent('警告');
    expect(issues[0]).toHaveTextContent('约数标记');

    const statements = within(screen.getByTestId('detail-problems')).getAllByRole('listitem');
    expect(statements.map((li) => li.textContent)).toEqual([
      '部分企业主体责任落实不到位',
      '村级安全员业务能力不足',
    ]);
  });

  it('says the township did not report when there is no record', () => {
    render(
      <DetailPanel dataset={dataset} imports={[]} township="城关镇" period="2022-05" onClose={vi.fn()} />,
    );
    expect(screen.getByText('该乡镇本月未报送（没有任何记录）。')).toBeInTheDocument();
    expect(screen.queryByTestId('detail-sources')).toBeNull();
  });

  it('closes with the × button and with Escape, and can filter to the township', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const onSelect = vi.fn();
    render(
      <DetailPanel
        dataset={dataset}
        imports={[]}
        township="城关镇"
        period="2022-04"
        onClose={onClose}
        onTownshipSelect={onSelect}
      />,
    );
    expect(screen.getByRole('button', { name: '关闭详情' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '关闭详情' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: '只看该乡镇' }));
    expect(onSelect).toHaveBeenCalledWith('城关镇');
  });

  it('gives focus back to the element that opened it when Escape closes it', async () => {
    const user = userEvent.setup();
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            open
          </button>
          <button type="button">elsewhere</button>
          {open ? (
            <DetailPanel
              dataset={dataset}
              imports={[]}
              township="城关镇"
              period="2022-04"
              onClose={() => setOpen(false)}
            />
          ) : null}
        </>
      );
    }
    render(<Host />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    expect(screen.getByRole('button', { name: '关闭详情' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('detail-panel')).toBeNull();
    expect(opener).toHaveFocus();
    // Closed by the × button: same.
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: '关闭详情' }));
    expect(opener).toHaveFocus();
  });
});

describe('DetailPanel: hazard figures and their source (docs/decisions/0005-ledger-and-report-totals.md)', () => {
  const LEDGER = '2022年4月隐患台账.csv';
  const item = (township: string, day: number, status: 'rectified' | 'in_progress') => ({
    ...hazard(township, `2022-04-${String(day).padStart(2, '0')}`, `隐患${day}`, status),
    source: { file: LEDGER, line: day + 2 },
  });
  const withLedger: Dataset = {
    ...dataset,
    // 城关镇 reports 12 found (rectified left blank); its ledger lists 3, 2 rectified.
    // 河口镇 sent no report; its ledger lists 2, 1 rectified.
    hazards: [
      item('城关镇', 3, 'rectified'),
      item('城关镇', 5, 'rectified'),
      item('城关镇', 9, 'in_progress'),
      item('河口镇', 4, 'rectified'),
      item('河口镇', 6, 'in_progress'),
    ],
  };
  const figureRow = (field: string) => {
    const row = within(screen.getByTestId('detail-figures'))
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-field') === field);
    if (!row) throw new Error(`no row ${field}`);
    return within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
  };

  it('shows the figure used, its source, the report and the ledger, and the cross-check', () => {
    render(
      <DetailPanel dataset={withLedger} imports={[]} township="城关镇" period="2022-04" onClose={vi.fn()} />,
    );
    // used, source, report, ledger
    expect(figureRow('hazards_found')).toEqual(['12', '月报', '12', '3']);
    expect(figureRow('hazards_rectified')).toEqual(['2', '隐患台账', '未填', '2']);
    const checks = within(screen.getByTestId('detail-ledger-checks')).getAllByRole('listitem');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toHaveTextContent('警告');
    expect(checks[0]).toHaveTextContent('城关镇 2022-04 月报中排查隐患 12 处，但隐患台账中该月共 3 条');
  });

  it('a township-month without a report shows the ledger counts as the figures, marked 隐患台账', () => {
    render(
      <DetailPanel dataset={withLedger} imports={[]} township="河口镇" period="2022-04" onClose={vi.fn()} />,
    );
    expect(figureRow('hazards_found')).toEqual(['2', '隐患台账', '未填', '2']);
    expect(figureRow('hazards_rectified')).toEqual(['1', '隐患台账', '未填', '1']);
    expect(screen.queryByTestId('detail-ledger-checks')).toBeNull();
  });
});
