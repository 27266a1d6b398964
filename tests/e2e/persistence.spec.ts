/**
 * Issue 6 end to end: data survives a reload, re-imports never count twice, a corrected
 * resubmission shows its diff and can be undone from history, other tabs follow, and a backup
 * restores the same numbers into a fresh profile. Every test starts from an empty IndexedDB (each
 * Playwright test gets a fresh browser context), so the bundled sample loads first, as on a first
 * run; the test files use April 2022, outside the sample's months, so their rows are new.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { encodeGb18030 } from './gb18030';

const HEADER = '乡镇,月份,排查隐患（处）,已整改（处）,培训（场次）,培训（人次）,备注';

/** A township office's April report as exported from WPS: GB18030, CRLF, a title row. */
const reportCsv = (rows: readonly string[]) =>
  encodeGb18030(['云川区2022年4月安全生产月报', HEADER, ...rows].join('\r\n') + '\r\n');

const APRIL = {
  name: '云川区2022年4月汇总.csv',
  mimeType: 'text/csv',
  buffer: reportCsv(['东关街道,2022-04,6,6,2,85,', '西关街道,2022-04,12,10,3,150,整改中']),
};

/** 东关街道 corrects its April figures: 9 hazards found (was 6), 7 rectified (was 6). */
const DONGGUAN_CORRECTED = {
  name: '东关街道2022年4月月报（更正）.csv',
  mimeType: 'text/csv',
  buffer: reportCsv(['东关街道,2022-04,9,7,2,85,更正']),
};

const total = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  const m = /共 (\d+) 条/.exec(text);
  expect(m, `row count text: ${text}`).not.toBeNull();
  return Number(m![1]);
};

/** The data table narrowed to one township-month through the URL. */
const openRow = (page: Page, township: string, month: string) =>
  openApp(page, `?view=data&townships=${encodeURIComponent(township)}&from=${month}&to=${month}`);

/** The text of one column of the first table row, by (part of) its header. */
async function cell(page: Page, header: string): Promise<string> {
  const table = page.locator('table.data-table--records');
  const headers = await table.locator('thead tr').last().locator('th').allTextContents();
  const index = headers.findIndex((h) => h.includes(header));
  expect(index, `column ${header} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
  return ((await table.locator('tbody tr').first().locator('td, th').nth(index).textContent()) ?? '').trim();
}

async function importFile(page: Page, file: typeof APRIL): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
}

const outcomes = (page: Page) => page.getByTestId('import-outcomes');

/** A fresh profile (empty IndexedDB) with the project's settings; its pages also fail on errors. */
async function freshContext(browser: Browser): Promise<BrowserContext> {
  const use = test.info().project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
}

/** Collects console and page errors of pages the fixture does not watch. */
function watch(page: Page, errors: string[]): Page {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return page;
}

test.describe('persistence', () => {
  test('imported data survives a reload, with the same count and values', async ({ page }) => {
    await openApp(page, '?view=data');
    const before = await total(page);
    await importFile(page, APRIL);
    await expect(outcomes(page)).toContainText('已保存：新增 2 条');
    await expect(page.getByTestId('row-count')).toHaveText(`显示 ${before + 2} / 共 ${before + 2} 条`);

    await page.reload();
    await expect(page.getByTestId('row-count')).toHaveText(`显示 ${before + 2} / 共 ${before + 2} 条`);
    // The sample is not loaded a second time on reload.
    await page.getByRole('tab', { name: '导入记录' }).click();
    await expect(page.locator('.history-panel tbody tr')).toHaveCount(2);

    await openRow(page, '西关街道', '2022-04');
    await expect(page.getByTestId('row-count')).toHaveText(`显示 1 / 共 ${before + 2} 条`);
    expect(await cell(page, '排查隐患')).toBe('12');
    expect(await cell(page, '已整改')).toBe('10');
  });

  test('re-importing the same file changes nothing and says when it was imported', async ({ page }) => {
    await openApp(page, '?view=data');
    await importFile(page, APRIL);
    await expect(outcomes(page)).toContainText('已保存：新增 2 条');
    const after = await total(page);

    await importFile(page, APRIL);
    await expect(outcomes(page)).toContainText(
      /云川区2022年4月汇总\.csv：该文件已于 \d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2} 导入，本次未做任何更改。/,
    );
    expect(await total(page)).toBe(after);
    await page.getByRole('tab', { name: '导入记录' }).click();
    // Sample + one import: the duplicate wrote no batch.
    await expect(page.locator('.history-panel tbody tr')).toHaveCount(2);
  });

  test('a resubmission with long text keeps the diff readable: labels on one line, text wraps, table scrolls', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 760, height: 900 });
    const long = (n: string) =>
      `${n}一是部分企业主体责任落实不到位，安全管理制度不健全，隐患排查流于形式；二是九小场所电气线路私拉乱接现象仍然存在，群租房电动自行车飞线充电屡禁不止；三是汛期地质灾害隐患点巡查频次不足，应急演练覆盖面不够。`;
    await openApp(page, '?view=data');
    await importFile(page, { ...APRIL, buffer: reportCsv([`东关街道,2022-04,6,6,2,85,${long('原')}`]) });
    await expect(outcomes(page)).toContainText('已保存：新增 1 条');
    await importFile(page, {
      ...DONGGUAN_CORRECTED,
      buffer: reportCsv([`东关街道,2022-04,9,7,2,85,${long('更正：')}`]),
    });
    const review = page.getByRole('region', { name: `导入前确认：${DONGGUAN_CORRECTED.name}` });
    const row = review.getByRole('row', { name: /备注/ });
    await expect(row).toBeVisible();
    const label = await row.getByRole('rowheader').boundingBox();
    const cells = await row
      .getByRole('cell')
      .evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width));
    // The label column keeps its width (it used to shrink to one character per line) and each
    // value column keeps a readable width (min 8em / 14em of a 14px font).
    expect(label!.width).toBeGreaterThanOrEqual(100);
    for (const w of cells) expect(w).toBeGreaterThanOrEqual(180);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('plan-review-long-text.png'), fullPage: false });
  });

  test('a corrected resubmission shows the diff, replaces on request, and history restores the old value', async ({
    page,
  }) => {
    await openApp(page, '?view=data');
    await importFile(page, APRIL);
    await expect(outcomes(page)).toContainText('已保存：新增 2 条');
    const count = await total(page);

    await importFile(page, DONGGUAN_CORRECTED);
    const review = page.getByRole('region', { name: `导入前确认：${DONGGUAN_CORRECTED.name}` });
    await expect(review).toBeVisible();
    await expect(review.getByRole('status').filter({ hasText: '新增' })).toHaveText(
      '新增 0 条，与已有数据相同 0 条，内容不同 1 条。',
    );
    const conflict = review.getByRole('group', { name: '东关街道 2022-04 已有数据，本次内容不同：' });
    const found = conflict.getByRole('row', { name: /排查隐患/ });
    await expect(found.getByRole('cell')).toHaveText(['6', '9']);
    await expect(conflict.getByRole('row', { name: /已整改/ }).getByRole('cell')).toHaveText(['6', '7']);
    // Keep is the default: nothing changes silently.
    await expect(conflict.getByRole('radio', { name: '保留原值' })).toBeChecked();
    await conflict.getByRole('radio', { name: /用新值替换/ }).check();
    await review.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/plan-review.png' });
    await review.getByRole('button', { name: '确认导入' }).click();
    await expect(outcomes(page)).toContainText('替换 1 条');
    expect(await total(page)).toBe(count);

    await openRow(page, '东关街道', '2022-04');
    expect(await cell(page, '排查隐患')).toBe('9');
    expect(await cell(page, '已整改')).toBe('7');

    await page.getByRole('tab', { name: '导入记录' }).click();
    const revision = page.getByRole('listitem').filter({ hasText: /^东关街道 2022-04：于 .+ 被替换/ });
    await expect(revision).toHaveCount(1);
    await revision.getByRole('button', { name: '恢复此版本' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已恢复' })).toBeVisible();

    await page.getByRole('tab', { name: '数据' }).click();
    await expect(page.getByTestId('row-count')).toHaveText(`显示 1 / 共 ${count} 条`);
    expect(await cell(page, '排查隐患')).toBe('6');
    expect(await cell(page, '已整改')).toBe('6');
  });

  test('an import in one tab shows in the other without a reload', async ({ context }) => {
    const errors: string[] = [];
    const first = watch(await context.newPage(), errors);
    const second = watch(await context.newPage(), errors);
    await openApp(first, '?view=data');
    await openApp(second, '?view=data');
    const before = await total(second);
    expect(await total(first)).toBe(before);

    await importFile(first, APRIL);
    await expect(outcomes(first)).toContainText('已保存：新增 2 条');
    await expect(second.getByTestId('row-count')).toHaveText(`显示 ${before + 2} / 共 ${before + 2} 条`);
    // The other tab's history follows too.
    await second.getByRole('tab', { name: '导入记录' }).click();
    await expect(second.locator('.history-panel tbody tr').filter({ hasText: APRIL.name })).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('a backup restored into a fresh profile gives the same numbers', async ({ page, browser }) => {
    // Two browser profiles, several imports and a restore: more than the default 60 s on a busy CI.
    test.slow();
    await openApp(page, '?view=data');
    await importFile(page, APRIL);
    await expect(outcomes(page)).toContainText('已保存：新增 2 条');
    await importFile(page, DONGGUAN_CORRECTED);
    const review = page.getByRole('region', { name: `导入前确认：${DONGGUAN_CORRECTED.name}` });
    await review.getByRole('radio', { name: /用新值替换/ }).check();
    await review.getByRole('button', { name: '确认导入' }).click();
    await expect(outcomes(page)).toContainText('替换 1 条');
    const count = await total(page);

    await page.getByRole('tab', { name: '导入记录' }).click();
    await expect(page.locator('.history-panel tbody tr')).toHaveCount(3);
    await page.screenshot({ path: 'docs/screenshots/history.png', fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出全部数据（备份）' }).click(),
    ]);
    const backup = await readFile(await download.path());
    expect(JSON.parse(backup.toString('utf8'))).toMatchObject({ format: expect.any(String) });

    const other = await freshContext(browser);
    const errors: string[] = [];
    try {
      const fresh = watch(await other.newPage(), errors);
      // A first run elsewhere: only the sample.
      await openApp(fresh, '?view=data');
      expect(await total(fresh)).toBe(count - 2);
      await fresh.getByRole('tab', { name: '导入记录' }).click();
      await fresh.getByLabel('从备份恢复…').setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'application/json',
        buffer: backup,
      });
      await expect(fresh.getByRole('status').filter({ hasText: '备份已恢复' })).toContainText('恢复 2 条');
      await expect(fresh.locator('.history-panel tbody tr')).toHaveCount(3);

      await openRow(fresh, '东关街道', '2022-04');
      await expect(fresh.getByTestId('row-count')).toHaveText(`显示 1 / 共 ${count} 条`);
      expect(await cell(fresh, '排查隐患')).toBe('9');
      await openRow(fresh, '西关街道', '2022-04');
      expect(await cell(fresh, '排查隐患')).toBe('12');
      // The replaced value travelled with the backup and can still be restored.
      await fresh.getByRole('tab', { name: '导入记录' }).click();
      await expect(fresh.getByRole('button', { name: '恢复此版本' })).toHaveCount(1);
    } finally {
      await other.close();
    }
    expect(errors).toEqual([]);
  });
  test('a newer version opening the database in another tab asks this one to reload', async ({ page }) => {
    await openApp(page, '?view=data');
    await expect(page.getByTestId('storage-banner')).toHaveCount(0);
    // What a newer app version does on open: upgrade the schema (version + 1).
    const upgraded = await page.evaluate(async () => {
      const info = (await indexedDB.databases()).find((d) => d.name === 'township-safety-dashboard');
      const version = (info?.version ?? 0) + 1;
      return new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('township-safety-dashboard', version);
        req.onsuccess = () => {
          req.result.close();
          resolve(version);
        };
        req.onerror = () => reject(new Error(String(req.error)));
      });
    });
    expect(upgraded).toBeGreaterThan(1);
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toContainText('系统已在其他窗口更新，请刷新本页面。');
    await expect(banner.getByRole('button', { name: '刷新页面' })).toBeVisible();
  });

  test('without IndexedDB (private mode) the app runs in memory and says so', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await openApp(page, '?view=data');
    await expect(page.getByTestId('storage-banner')).toContainText('数据只保存在本窗口，关闭后将丢失');
    const before = await total(page);
    expect(before).toBeGreaterThan(0);
    await importFile(page, APRIL);
    await expect(page.getByTestId('row-count')).toHaveText(`显示 ${before + 2} / 共 ${before + 2} 条`);
    await page.getByRole('tab', { name: '导入记录' }).click();
    await expect(page.getByText('浏览器存储不可用，本页面的功能需要存储。')).toBeVisible();
  });
  test('a week of imports, a reload, a resubmission and a backup restore: same table, nothing twice', async ({
    page,
    browser,
  }) => {
    // Two profiles, a week of imports, a reload and two restores: allow for a busy CI machine.
    test.slow();
    // Monday to Friday, one township office's April report a day.
    const week = [
      ['东关街道', 6, 6, 2, 85],
      ['西关街道', 12, 10, 3, 150],
      ['城南街道', 8, 8, 1, 40],
      ['北门街道', 5, 4, 0, 0],
      ['小召乡', 3, 3, 1, 26],
    ].map(([name, ...nums], i) => ({
      name: `${name}2022年4月月报-${i + 1}.csv`,
      mimeType: 'text/csv',
      buffer: reportCsv([`${name},2022-04,${nums.join(',')},`]),
    }));
    const aprilRows = async (p: Page) => {
      await openApp(p, '?view=data&from=2022-04&to=2022-04');
      return p.locator('table.data-table--records tbody tr').allTextContents();
    };

    await openApp(page, '?view=data');
    const sample = await total(page);
    for (const f of week) {
      await importFile(page, f);
      await expect(outcomes(page)).toContainText(`${f.name}：已保存：新增 1 条`);
    }
    await page.reload();
    await expect(page.getByTestId('row-count')).toHaveText(`显示 ${sample + 5} / 共 ${sample + 5} 条`);

    // The whole week again (someone re-sends Monday's mail): every file is recognised, nothing added.
    await page.getByTestId('file-input').setInputFiles(week);
    await expect(outcomes(page).getByText(/该文件已于 .+ 导入/)).toHaveCount(week.length);
    expect(await total(page)).toBe(sample + 5);

    // 北门街道 corrects Thursday's report.
    await importFile(page, {
      name: '北门街道2022年4月月报（更正）.csv',
      mimeType: 'text/csv',
      buffer: reportCsv(['北门街道,2022-04,7,4,0,0,更正']),
    });
    const review = page.getByRole('region', { name: /导入前确认：北门街道/ });
    await review.getByRole('radio', { name: /用新值替换/ }).check();
    await review.getByRole('button', { name: '确认导入' }).click();
    await expect(outcomes(page)).toContainText('替换 1 条');

    const rows = await aprilRows(page);
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.includes('北门街道'))).toHaveLength(1);
    expect(await total(page)).toBe(sample + 5);

    await page.getByRole('tab', { name: '导入记录' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出全部数据（备份）' }).click(),
    ]);
    const backup = await readFile(await download.path());

    const other = await freshContext(browser);
    const errors: string[] = [];
    try {
      const fresh = watch(await other.newPage(), errors);
      await fresh.goto('/?view=history');
      await expect(fresh.getByRole('heading', { name: '导入记录', level: 2 })).toBeVisible();
      // First run in this profile: the sample is in before the backup goes on top.
      await expect(fresh.locator('.history-panel tbody tr')).toHaveCount(1);
      for (let i = 0; i < 2; i++) {
        // Restoring twice must not add anything the second time.
        await fresh.getByLabel('从备份恢复…').setInputFiles({
          name: 'backup.json',
          mimeType: 'application/json',
          buffer: backup,
        });
        await expect(fresh.getByRole('status').filter({ hasText: '备份已恢复' })).toContainText(
          i === 0 ? '恢复 5 条' : '恢复 0 条',
        );
      }
      expect(await aprilRows(fresh)).toEqual(rows);
      await expect(fresh.getByTestId('row-count')).toHaveText(`显示 5 / 共 ${sample + 5} 条`);
    } finally {
      await other.close();
    }
    expect(errors).toEqual([]);
  });
});
