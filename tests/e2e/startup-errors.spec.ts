import { expect, test } from './fixtures';

test.describe('startup without sample data', () => {
  // The browser logs the 404 we provoke; nothing else may be logged.
  test.use({ allowedConsoleErrors: [/Failed to load resource: .*404/] });

  test('shows a clear error and still offers the import', async ({ page }) => {
    await page.route('**/sample/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('/?view=data');
    await expect(page.getByRole('alert')).toHaveText(
      '示例数据加载失败：./sample/manifest.json 返回 HTTP 404。您仍可在下方导入报表文件。',
    );
    await expect(page.getByRole('button', { name: '选择文件' })).toBeVisible();
    await expect(page.getByText('暂无数据')).toBeVisible();
  });
});
