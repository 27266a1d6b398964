import { readFile } from 'node:fs/promises';
import { expect, openApp, test } from './fixtures';
import { encodeGb18030 } from './gb18030';

const FILE_NAME = '云川区2022年4月汇总.csv';

// What a township clerk exports from Excel/WPS on Windows: GB18030, a title row, a header with
// units, an unknown column, one impossible month and a totals (合计) row. Lines are 1-based:
// 1 title, 2 header, 3–5 good rows, 6 bad month, 7 totals.
const CSV =
  [
    '云川区各乡镇2022年4月安全生产月报汇总表,,,,,,,',
    '乡镇,月份,排查隐患（处）,已整改（处）,培训（场次）,培训（人次）,联系人,备注',
    '东关街道,2022-04,6,6,2,85,张三,',
    '西关街道,2022-04,12,10,3,150,李四,整改中',
    '城南街道,2022-04,8,8,1,40,王五,',
    '北门街道,2022-13,5,4,0,,赵六,',
    '合计,,31,28,6,275,,',
  ].join('\r\n') + '\r\n';

test.describe('import', () => {
  test('imports a GB18030 CSV and shows a report whose counts add up', async ({ page }) => {
    await openApp(page);
    const countText = page.getByTestId('row-count');
    const totalBefore = Number(/共 (\d+) 条/.exec((await countText.textContent()) ?? '')?.[1]);

    await page.getByTestId('file-input').setInputFiles({
      name: FILE_NAME,
      mimeType: 'text/csv',
      buffer: encodeGb18030(CSV),
    });

    const report = page.getByRole('article', { name: `导入报告：${FILE_NAME}` });
    await expect(report).toBeVisible();
    await expect(report.getByTestId('encoding')).toHaveText('GB18030（自动识别）');
    await expect(report.getByTestId('count-total').locator('dd')).toHaveText('7');
    await expect(report.getByTestId('count-accepted').locator('dd')).toHaveText('3');
    await expect(report.getByTestId('count-rejected').locator('dd')).toHaveText('1');
    await expect(report.getByTestId('count-ignored').locator('dd')).toHaveText('3');
    await expect(report.getByText('7 = 3 + 1 + 3')).toBeVisible();

    // The unknown column is listed and highlighted, not silently dropped.
    const unknown = report.locator('tr.row--unknown');
    await expect(unknown).toHaveCount(1);
    await expect(unknown).toContainText('联系人');

    // Two issues: a warning about the unknown column, and the bad row's error (line 6, 月份, 2022-13).
    const issueRows = report.getByTestId('issues').locator('tbody tr');
    await expect(issueRows).toHaveCount(2);
    await expect(issueRows.filter({ hasText: '联系人' }).locator('td').first()).toHaveText('警告');
    await expect(issueRows.filter({ hasText: '2022-13' }).locator('td')).toHaveText([
      '错误',
      '6',
      '月份',
      '2022-13',
      /\S/,
    ]);

    // Ignored lines with their reasons (collapsed by default).
    await report.getByText('忽略的行（3）').click();
    const ignored = report.getByTestId('ignored').locator('tbody tr');
    await expect(ignored.locator('td:nth-child(1)')).toHaveText(['1', '2', '7']);
    await expect(ignored.locator('td:nth-child(2)')).toHaveText(['标题行', '表头', '合计行']);

    // The three accepted rows are in the table.
    await expect(countText).toHaveText(`显示 ${totalBefore + 3} / 共 ${totalBefore + 3} 条`);
    const filterBar = page.getByTestId('filter-bar');
    await filterBar.getByLabel('起始月份').selectOption('2022-04');
    await filterBar.getByLabel('截止月份').selectOption('2022-04');
    await expect(countText).toHaveText(`显示 3 / 共 ${totalBefore + 3} 条`);

    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/import-report.png', fullPage: true });

    // Download the rejected rows: UTF-8 with BOM, line, reason and the original cells.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: '下载被拒绝的行（CSV）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('云川区2022年4月汇总-被拒绝的行.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^行号,拒绝原因,第1列/);
    expect(lines[1]).toMatch(/^6,.+,北门街道,2022-13,5,4,0,,赵六,$/);
  });

  test('downloads the Chinese template as UTF-8 with BOM', async ({ page }) => {
    await openApp(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载填报模板' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = bytes.toString('utf8').slice(1).split('\r\n')[0] ?? '';
    expect(header.split(',')[0]).toBe('乡镇（街道）');
    expect(header).toContain('排查隐患（处）');
  });

  test('accepts several files dropped at once', async ({ page }) => {
    await openApp(page);
    const files = [
      { name: '东关街道2022年3月.csv', text: '乡镇,月份,排查隐患（处）\r\n东关街道,2022-03,4\r\n' },
      { name: '西关街道2022年3月.csv', text: '乡镇,月份,排查隐患（处）\r\n西关街道,2022-03,约7\r\n' },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      return dt;
    }, files);
    await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
    for (const f of files) {
      const report = page.getByRole('article', { name: `导入报告：${f.name}` });
      await expect(report.getByTestId('count-accepted').locator('dd')).toHaveText('1');
      await expect(report.getByTestId('encoding')).toHaveText('UTF-8（自动识别）');
    }
    // The approximate value is marked in the table.
    // The global filters live in the URL; the imported rows are stored, so a filtered link shows them.
    await openApp(page, `?view=data&townships=${encodeURIComponent('西关街道')}&from=2022-03&to=2022-03`);
    await expect(page.getByTitle('约数')).toHaveText('7*');
  });
});
