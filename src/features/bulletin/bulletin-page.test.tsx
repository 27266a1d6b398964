// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../components/i18n-provider';
import type { BulletinFacts } from '../../export/bulletin/bulletin-facts';
import { buildBulletinModel } from '../../export/bulletin/bulletin-model';
import { BulletinPage } from './bulletin-page';

const fig = (f: number | null, r: number | null) => ({
  hazardsFound: f,
  hazardsRectified: r,
  trainingsHeld: 1,
  trainingPersonTimes: 20,
});
const facts: BulletinFacts = {
  district: '城东区',
  month: '2024-03',
  cutoffDate: '2024-04-02',
  issuingOffice: '城东区安全生产委员会办公室',
  dueDate: '2024-03-25',
  townships: [
    {
      township: '小召乡',
      status: 'on_time',
      reportDate: '2024-03-20',
      current: fig(10, 9),
      previous: null,
      lastYear: null,
    },
    {
      township: '<img src=x onerror=alert(1)>',
      status: 'missing',
      reportDate: null,
      current: null,
      previous: null,
      lastYear: null,
    },
  ],
  recurringProblems: [],
};
const model = buildBulletinModel(facts);

afterEach(cleanup);

describe('BulletinPage', () => {
  it('shows the title, numbered sections and the ranking table with a header row', () => {
    render(
      <I18nProvider lang="zh-CN">
        <BulletinPage model={model} generatedAt="2024-04-02" />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(model.title);
    expect(screen.getByRole('heading', { name: '一、报送情况' })).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('整改率（%）');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('小召乡');
    expect(rows[1]).toHaveTextContent('90.0');
    // Township names are data: rendered as text, never as markup.
    expect(rows[2]).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('prints with the browser dialog and builds the Word file through the handler', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const onDownloadWord = vi.fn(async () => {});
    render(
      <I18nProvider lang="zh-CN">
        <BulletinPage model={model} generatedAt="2024-04-02" onDownloadWord={onDownloadWord} />
      </I18nProvider>,
    );
    await user.click(screen.getByRole('button', { name: '打印/另存为PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: '下载Word' }));
    expect(onDownloadWord).toHaveBeenCalledWith(model, []);
  });

  it('reports a failed Word export instead of failing silently', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider lang="zh-CN">
        <BulletinPage
          model={model}
          generatedAt="2024-04-02"
          onDownloadWord={async () => {
            throw new Error('磁盘已满');
          }}
        />
      </I18nProvider>,
    );
    await user.click(screen.getByRole('button', { name: '下载Word' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Word文件生成失败：磁盘已满');
  });
});
