/**
 * Issue 5 end to end: a chart's PNG export is a real PNG at twice the export size; "export all"
 * zips a PNG and a CSV per chart; the data table's CSV and XLSX exports re-import with every row
 * accepted and no change to the data (an identical re-import is a no-op).
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, openApp, test } from './fixtures';

/** Export size in CSS pixels (src/export/chart-image.ts EXPORT_SIZE). */
const EXPORT_SIZE = { width: 1200, height: 675 };

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return d;
}

const total = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  const m = /共 (\d+) 条/.exec(text);
  expect(m, `row count text: ${text}`).not.toBeNull();
  return Number(m![1]);
};

const shown = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('row-count').textContent()) ?? '';
  return Number(/显示 (\d+)/.exec(text)?.[1]);
};

/** Opens the bulletin view and waits until its charts have drawn. */
async function openBulletin(page: Page): Promise<void> {
  await page.goto('/?view=bulletin');
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0);
  await expect(page.locator('.bulletin-title-block h1')).toBeVisible();
  await expect(page.locator('.bulletin-chart canvas').first()).toBeVisible();
}

test.describe('export', () => {
  test('a chart exports a PNG at 2× the export size and an SVG, named after the chart', async ({ page }) => {
    await openBulletin(page);
    const figure = page.locator('.bulletin-chart').first();
    const title = (await figure.locator('.chart-frame__title').textContent()) ?? '';
    expect(title).not.toBe('');
    const menuButton = figure.getByRole('button', { name: `导出“${title}”` });

    const png = await download(page, async () => {
      await menuButton.click();
      await page.getByRole('menuitem', { name: '图片 PNG（2倍，用于文档）' }).click();
    });
    expect(png.suggestedFilename()).toMatch(new RegExp(`^\\d{4}年\\d{2}月_${title}\\.png$`));
    expect(pngSize(await readFile(await png.path()))).toEqual({
      width: EXPORT_SIZE.width * 2,
      height: EXPORT_SIZE.height * 2,
    });

    const png4 = await download(page, async () => {
      await menuButton.click();
      await page.getByRole('menuitem', { name: '图片 PNG（4倍，用于打印）' }).click();
    });
    expect(pngSize(await readFile(await png4.path()))).toEqual({
      width: EXPORT_SIZE.width * 4,
      height: EXPORT_SIZE.height * 4,
    });

    const svg = await download(page, async () => {
      await menuButton.click();
      await page.getByRole('menuitem', { name: '矢量图 SVG' }).click();
    });
    const svgText = await readFile(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"[^>]*\?>\s*<svg[\s\S]*<\/svg>\s*$/);
    // Well-formed XML: Chromium's strict XML parser accepts it, and it loads as an image (an
    // <img> shows nothing for an SVG that is not well-formed, as Word and WPS refuse it). Checked in
    // a blank page, as a user opening the file would: parsing it inside the app's page would apply
    // the app's Content-Security-Policy to the SVG's own style attributes.
    const blank = await page.context().newPage();
    const loaded = await blank.evaluate(async (text) => {
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
      const parseError = parsed.querySelector('parsererror')?.textContent ?? null;
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      try {
        const img = new Image();
        const ok = await new Promise<boolean>((resolve) => {
          img.onload = () => resolve(true);
          img.onerror = () => resolve(false);
          img.src = url;
        });
        return { parseError, ok, width: img.naturalWidth, height: img.naturalHeight };
      } finally {
        URL.revokeObjectURL(url);
      }
    }, svgText);
    await blank.close();
    expect(loaded).toEqual({
      parseError: null,
      ok: true,
      width: EXPORT_SIZE.width,
      height: EXPORT_SIZE.height,
    });
    // The title and the footer are drawn inside the image.
    expect(svgText).toContain(title);
    expect(svgText).toContain('数据来源：各乡镇（街道）安全生产工作月报告');
  });

  test('"export all charts" zips a PNG and a CSV per chart', async ({ page }) => {
    await openBulletin(page);
    const titles = await page.locator('.bulletin-chart .chart-frame__title').allTextContents();
    expect(titles).toHaveLength(3);
    const zip = await download(page, () =>
      page.getByRole('button', { name: '导出本页全部图表（ZIP）' }).click(),
    );
    expect(zip.suggestedFilename()).toMatch(/^\d{4}年\d{2}月_通报全部图表\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await zip.path())));
    const names = Object.keys(files);
    for (const title of titles) {
      expect(
        names.some((n) => n.endsWith(`_${title}.png`)),
        `${title}.png in ${names.join(', ')}`,
      ).toBe(true);
      expect(
        names.some((n) => n.endsWith(`_${title}.csv`)),
        `${title}.csv in ${names.join(', ')}`,
      ).toBe(true);
    }
    const png = names.find((n) => n.endsWith('.png'))!;
    expect(pngSize(Buffer.from(files[png]!))).toEqual({ width: 2400, height: 1350 });
  });

  for (const kind of ['csv', 'xlsx'] as const) {
    test(`the data table's ${kind.toUpperCase()} export re-imports with every row accepted and no change`, async ({
      page,
    }) => {
      // One month of the sample: enough rows to mean something, few enough to read the report.
      await openApp(page, '?view=data&from=2026-09&to=2026-10');
      const before = await total(page);
      const rows = await shown(page);
      expect(rows).toBeGreaterThan(0);

      const button = kind === 'csv' ? '导出 CSV（模板格式）' : '导出 Excel（模板格式）';
      const file = await download(page, () => page.getByRole('button', { name: button }).click());
      const name = file.suggestedFilename();
      expect(name).toBe(`2026年09月-2026年10月_乡镇月报数据.${kind}`);
      const bytes = await readFile(await file.path());
      if (kind === 'csv') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      else expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      await page.getByTestId('file-input').setInputFiles({
        name,
        mimeType:
          kind === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bytes,
      });
      // The file holds exactly `rows` data rows; all `rows` were accepted (a rejected row is never
      // compared) and each is identical to what is stored, so nothing changes. Every import keeps
      // its report, and its counts say every row was accepted.
      await expect(page.getByTestId('import-outcomes')).toContainText(
        `${name}：文件中的 ${rows} 条记录与已有数据完全相同，未做更改。`,
      );
      const report = page.getByRole('article', { name: `导入报告：${name}` });
      await expect(report).toHaveCount(1);
      await expect(report.getByTestId('count-accepted').locator('dd')).toHaveText(String(rows));
      await expect(report.getByTestId('count-rejected').locator('dd')).toHaveText('0');
      expect(await total(page)).toBe(before);
    });
  }
});
