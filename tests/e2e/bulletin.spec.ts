/**
 * Issue 5 end to end: the monthly bulletin (通报) prints to an A4 PDF without any UI chrome, with
 * its title block, generated paragraphs, ranking table and charts, and downloads as a Word file
 * holding the same title and the ranking table.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { pdfPageCount, pdfPageTexts } from './pdf-text';

/** Opens the bulletin view and waits until its charts have drawn. */
async function openBulletin(page: Page, query = ''): Promise<void> {
  await page.goto(`/?view=bulletin${query}`);
  await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0);
  await expect(page.locator('.bulletin-title-block h1')).toBeVisible();
  const charts = page.locator('.bulletin-chart');
  await expect(charts).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(charts.nth(i).locator('canvas').first()).toBeVisible();
}

// The PDF text is NFKC-normalised (full-width brackets become ASCII), so compare like with like.
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

test.describe('bulletin', () => {
  test('shows the month chosen, with the title block computed from the data', async ({ page }) => {
    await openBulletin(page);
    await expect(page.getByRole('tab', { name: '通报' })).toHaveAttribute('aria-selected', 'true');
    const month = page.getByRole('combobox', { name: '通报月份' });
    await expect(month).toHaveValue('2026-10');
    await expect(page.locator('.bulletin-title-block h1')).toHaveText(
      '关于云川区2026年10月乡镇（街道）安全生产工作月报告情况的通报',
    );
    await expect(page.locator('.bulletin-meta')).toContainText('云川区安全生产委员会办公室');
    await expect(page.locator('.bulletin-meta')).toContainText(/数据截至\d{4}年\d{1,2}月\d{1,2}日/);
    // Let the charts' entry animations finish before the picture.
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/screenshots/bulletin.png', fullPage: true });

    await month.selectOption('2026-09');
    await expect(page.locator('.bulletin-title-block h1')).toContainText('2026年9月');
    await page.getByRole('textbox', { name: '发文单位' }).fill('云川区安委会办公室');
    await expect(page.locator('.bulletin-meta')).toContainText('云川区安委会办公室');
  });

  test('prints to an A4 PDF with the bulletin only, no app chrome', async ({ page }) => {
    await openBulletin(page);
    const title = (await page.locator('.bulletin-title-block h1').textContent()) ?? '';
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(pdfPageCount(pdf));
    // Three sections, a 18-row table and three charts: more than one page, and no runaway.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(6);
    // No blank page (a blank trailing page is the classic absolute-positioning print bug).
    for (const [i, text] of pages.entries()) expect(squash(text).length, `page ${i + 1}`).toBeGreaterThan(20);

    const all = squash(pages.join(''));
    expect(squash(pages[0] ?? '')).toContain(squash(title));
    for (const text of [
      '一、报送情况',
      '二、隐患排查整改情况',
      '各乡镇（街道）主要指标排名',
      '附图',
      '整改率排名',
    ]) {
      expect(all).toContain(squash(text));
    }
    // The table header is repeated on the page the ranking table continues on.
    const withHeader = pages.filter((p) => squash(p).includes(squash('排名乡镇（街道）报送情况'))).length;
    const withRows = pages.filter((p) => squash(p).includes(squash('按时报送'))).length;
    expect(withHeader).toBe(withRows);
    // None of the UI: app header and nav, the view's controls, the page's buttons, export menus.
    for (const chrome of [
      '乡镇安全生产月报看板',
      '通报月份',
      '发文单位',
      '打印/另存为PDF',
      '下载Word',
      '以表格显示',
      '导出',
    ]) {
      expect(all, chrome).not.toContain(squash(chrome));
    }
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: test.info().outputPath('bulletin-print.png'), fullPage: true });
  });

  test('downloads a Word file with the title, the ranking table and the charts', async ({ page }) => {
    await openBulletin(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2026年10月_安全生产工作月报告情况通报.docx');
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('关于云川区2026年10月乡镇（街道）安全生产工作月报告情况的通报');
    expect(xml).toContain('<w:tbl>');
    expect(text).toContain('北门街道');
    const images = Object.keys(files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(images).toHaveLength(3);
  });
});
