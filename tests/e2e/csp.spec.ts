/**
 * The Content-Security-Policy of the built app (scripts/content-security-policy.ts, written into
 * dist/index.html by vite.config.ts): strict enough to refuse inline script and eval, and nothing
 * the app does trips it — the ingest worker, XLSX reading, charts and their tooltips, PNG/SVG/XLSX
 * chart exports, the data table's XLSX export and the bulletin's DOCX. Any violation fails.
 */
import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { openView } from './views';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation of the page (before any of its scripts run). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations?.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}`,
      );
    });
  });
}

const violations = (page: Page): Promise<string[]> => page.evaluate(() => window.__cspViolations ?? []);

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return d;
}

/** A small township report as an Excel file, the way a clerk would save it. */
async function xlsxReport(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('2022年4月');
  sheet.addRow(['乡镇', '月份', '排查隐患（处）', '已整改（处）']);
  sheet.addRow(['东关街道', '2022-04', 6, 6]);
  sheet.addRow(['西关街道', '2022-04', 12, 10]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test.describe('content security policy', () => {
  test('the built page carries a strict policy: own scripts only, no inline script, no eval', async ({
    page,
  }) => {
    await page.goto('/?view=data');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  test('importing, charting and every export run without a single violation', async ({ page }) => {
    test.setTimeout(240_000);
    await recordViolations(page);

    // Import (worker; the XLSX reader chunk) and the data table's XLSX export (the writer chunk).
    await openView(page, 'data');
    await page.getByTestId('file-input').setInputFiles([
      { name: '云川区2022年4月.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxReport() },
      {
        name: '城关镇2022年4月.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('乡镇,月份,排查隐患（处）\r\n城关镇,2022-04,9\r\n', 'utf8'),
      },
    ]);
    await expect(page.getByRole('article', { name: '导入报告：云川区2022年4月.xlsx' })).toBeVisible();
    await expect(page.getByRole('article', { name: '导入报告：城关镇2022年4月.csv' })).toBeVisible();
    const xlsx = await download(page, () =>
      page.getByRole('button', { name: '导出 Excel（模板格式）' }).click(),
    );
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // Charts, and a tooltip (ECharts positions it with inline styles).
    await openView(page, 'hazards');
    const chart = page.locator('section.chart-frame [role="img"]').first();
    const box = await chart.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    // The bulletin: a chart's PNG, SVG and XLSX, and the Word file (the DOCX chunk).
    await openView(page, 'bulletin');
    const figure = page.locator('.bulletin-chart').first();
    const exports: [string, RegExp][] = [
      ['图片 PNG（2倍，用于文档）', /\.png$/],
      ['矢量图 SVG', /\.svg$/],
      ['数据 Excel（xlsx）', /\.xlsx$/],
    ];
    for (const [item, name] of exports) {
      const file = await download(page, async () => {
        await figure.getByRole('button', { name: /^导出“/ }).click();
        await page.getByRole('menuitem', { name: item }).click();
      });
      expect(file.suggestedFilename()).toMatch(name);
    }
    const docx = await download(page, () => page.getByRole('button', { name: '下载Word' }).click());
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);

    expect(await violations(page)).toEqual([]);
  });
});

test.describe('content security policy is enforced', () => {
  // The refusals below are the point of this test; Chrome reports each one as a console error.
  test.use({ allowedConsoleErrors: [/Content Security Policy/] });

  test('an injected inline script and eval are refused', async ({ page }) => {
    await recordViolations(page);
    await openView(page, 'overview');
    // Code evaluated by the test harness itself is exempt from CSP, so the probes are ones the page
    // would run later: an inline <script> element and a string timer (eval).
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      setTimeout('window.__evalRan = true', 0); // a string timer is eval
    });
    await expect.poll(() => violations(page)).toHaveLength(2);
    const outcome = await page.evaluate(() => {
      const w = window as Window & { __injected?: boolean; __evalRan?: boolean };
      return { inlineRan: w.__injected === true, evalRan: w.__evalRan === true };
    });
    expect(outcome).toEqual({ inlineRan: false, evalRan: false });
    expect((await violations(page)).map((v) => v.split(' ')[0]).sort()).toEqual([
      'script-src',
      'script-src-elem',
    ]);
  });
});
