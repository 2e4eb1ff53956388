import { expect, test } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

// The API runs on the real clock here: usage made today counts in `used` but not in the burn rate
// (no whole day has passed in this new organization), so the forecast is deterministic: the projection
// is what was used, and a limit runs out only if it is already reached. The method itself is covered
// by the API's e2e tests against hand-computed fixtures.
test('an admin reads the forecast beside the limit bars: the projection in Persian, and when the limit runs out', async ({ page }) => {
  await signIn(page, randomPhone());
  const { organizationId, projectId } = await createProject(page, { organization: 'نشر پیش‌بینی', workspace: 'تحریریه', project: 'بودجه' });
  const { id } = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'یادداشت', prompt: 'یک متن کوتاه بنویس' });
  await bffPost(page, `contents/${id}/generate`, {});
  await expect
    .poll(async () => ((await (await page.request.get(`/bff/api/contents/${id}`)).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe('REVIEW');

  await page.goto(`/organizations/${organizationId}/usage`);
  const forecast = page.getByTestId('usage-forecast');
  await expect(forecast.getByRole('heading', { name: 'پیش‌بینی تا پایان دوره' })).toBeVisible();
  await expect(page.getByTestId('forecast-projected')).toContainText(/^[۰-۹٬]+ توکن — \$[۰-۹٬]+٫[۰-۹]+$/);
  await expect(page.getByTestId('forecast-burn')).toHaveText('۰ توکن — $۰٫۰۰ در روز');
  await expect(page.getByTestId('forecast-runs-out')).toHaveText('در این دوره تمام نمی‌شود');
  await expect(forecast).not.toContainText(/[0-9]/);
  await expectAccessible(page);

  // A token limit below what was used: it has run out, and the projection is marked on its bar.
  const limits = await page.request.put(`/bff/api/organizations/${organizationId}/usage/limits`, {
    data: { monthlyTokenLimit: 1, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null },
    headers: { 'x-contexor-csrf': '1' },
  });
  expect(limits.ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId('forecast-runs-out')).toHaveText('سقف توکن تمام شده است');
  await expect(page.getByTestId('limit-projected')).toHaveCount(1);
  await snap(page, 'usage-forecast');
  await expectAccessible(page);
});
