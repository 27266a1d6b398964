/**
 * The statistical classifier in the 问题 view (docs/decisions/0008-classifier-in-the-app.md): the
 * model loads (in a worker, from the app's own origin), the 待确认 queue lists the statements it is
 * unsure about, one click confirms one of the top two categories, the queue shrinks, the model's
 * learnt count grows, and both survive a reload. axe finds nothing with the queue open, and the
 * view has no sideways scroll at 390 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A township clerk's itemised problem list for October 2026, without categories: everyday wording
// the model is unsure about (grid staff, night patrols, self-built houses, gas alarms…). The
// sample's own statements are all classified with ≥ 65 % confidence, so the queue needs these.
const ITEMISED_FILE = '2026年10月问题清单.csv';
const ITEMISED_CSV =
  [
    '乡镇,月份,问题描述,问题类别',
    '东关街道,2026-10,部分村居网格员对辖区情况掌握不清,',
    '东关街道,2026-10,夜间巡查力量薄弱,',
    '西关街道,2026-10,农村自建房安全排查进度偏慢,',
    '西关街道,2026-10,部分餐饮场所燃气报警装置未安装,',
    '城南街道,2026-10,少数经营户对检查人员提出的意见不以为然,',
    '城南街道,2026-10,检查记录填写不规范，隐患描述笼统,',
  ].join('\r\n') + '\r\n';

const LOAD_TIMEOUT = 45_000;

async function importItemised(page: Page): Promise<void> {
  await page.goto('/?view=data');
  // The sample must be in before the import: a first import into an empty database would stand
  // instead of the sample (which loads only into an empty database).
  await expect(page.getByTestId('row-count')).toHaveText(/共 [1-9]\d* 条/, { timeout: LOAD_TIMEOUT });
  await expect(page.getByRole('status').filter({ hasText: /正在加载/ })).toHaveCount(0);
  await page.getByTestId('file-input').setInputFiles({
    name: ITEMISED_FILE,
    mimeType: 'text/csv',
    buffer: Buffer.from(ITEMISED_CSV, 'utf8'),
  });
  await expect(page.getByRole('article', { name: `导入报告：${ITEMISED_FILE}` })).toBeVisible({
    timeout: LOAD_TIMEOUT,
  });
}

async function openProblems(page: Page): Promise<void> {
  await page.goto('/?view=problems');
  // Loading the sample and the model on a busy machine can take a while: wait longer than usual.
  await expect(page.getByRole('tab', { name: '问题' })).toHaveAttribute('aria-selected', 'true', {
    timeout: LOAD_TIMEOUT,
  });
  await expect(page.getByTestId('chronic-list').locator('.problems-chronic__item').first()).toBeVisible({
    timeout: LOAD_TIMEOUT,
  });
  // The model has answered: no loading/updating notice, statements carry a confidence.
  await expect(page.getByTestId('model-status')).toHaveCount(0, { timeout: LOAD_TIMEOUT });
  await expect(page.getByTestId('confirm-queue')).toBeVisible();
}

/** The queue's size from its heading "待确认（N条）". */
async function queueSize(page: Page): Promise<number> {
  const heading = await page.getByTestId('confirm-queue').getByRole('heading').textContent();
  const m = /待确认（(\d+)条）/.exec(heading ?? '');
  expect(m, `heading ${heading}`).not.toBeNull();
  return Number.parseInt(m![1]!, 10);
}

async function learntCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('model-learnt').textContent()) ?? '';
  const m = /(\d+)条人工确认/.exec(text);
  expect(m, text).not.toBeNull();
  return Number.parseInt(m![1]!, 10);
}

test.describe('问题 view: model confidence and the 待确认 queue', () => {
  test('one-click confirmation shrinks the queue, teaches the model and survives a reload', async ({
    page,
  }) => {
    test.slow();
    await importItemised(page);
    await openProblems(page);
    const before = await queueSize(page);
    expect(before).toBeGreaterThan(0);
    expect(await learntCount(page)).toBe(0);
    const queue = page.getByTestId('confirm-queue');
    const first = queue.getByTestId('problem-statement').first();
    // Each queued statement shows its confidence, alternatives and the 待确认 badge.
    await expect(first.getByTestId('statement-confidence')).toContainText(/置信度 \d+%/);
    await expect(first.getByTestId('statement-unconfirmed')).toHaveText('待确认');
    const text = await first.locator('.problem-statement__text').textContent();
    await page.screenshot({ path: 'test-results/problems-queue.png', fullPage: false });

    await first.getByTestId('confirm-category').first().click();
    // The confirmed statement leaves the queue at once (manual choice); the model learns from it.
    await expect(queue.locator('.problem-statement__text', { hasText: text ?? '' })).toHaveCount(0);
    await expect.poll(() => learntCount(page)).toBe(1);
    await expect(page.getByTestId('model-status')).toHaveCount(0);
    const after = await queueSize(page);
    expect(after).toBeLessThan(before);

    await page.reload();
    await openProblems(page);
    expect(await learntCount(page)).toBe(1);
    expect(await queueSize(page)).toBe(after);
    await expect(queue.locator('.problem-statement__text', { hasText: text ?? '' })).toHaveCount(0);
  });

  test('reset asks first, then the model forgets and the manual choice stays', async ({ page }) => {
    test.slow();
    await importItemised(page);
    await openProblems(page);
    const queue = page.getByTestId('confirm-queue');
    await queue.getByTestId('confirm-category').first().click();
    await expect.poll(() => learntCount(page)).toBe(1);
    await page.getByRole('button', { name: '重置模型学习' }).click();
    await page.getByRole('button', { name: '取消' }).click();
    expect(await learntCount(page)).toBe(1);
    await page.getByRole('button', { name: '重置模型学习' }).click();
    await page.getByRole('button', { name: '确定重置' }).click();
    await expect.poll(() => learntCount(page)).toBe(0);
  });

  test('axe finds no violation with the queue open', async ({ page }) => {
    test.slow();
    await importItemised(page);
    await openProblems(page);
    await expect(page.getByTestId('queue-toggle')).toHaveAttribute('aria-expanded', 'true');
    const result = await new AxeBuilder({ page }).include('[data-testid="problems-view"]').analyze();
    expect(
      result.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });

  test('no sideways scroll at 390 px with the queue open', async ({ page }) => {
    test.slow();
    await importItemised(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await openProblems(page);
    await page.getByTestId('confirm-queue').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/problems-queue-390.png', fullPage: false });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
