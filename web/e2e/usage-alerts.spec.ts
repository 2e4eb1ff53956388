import { expect, test } from '@playwright/test';
import { bffPost, createProject, expectAccessible, persian, randomPhone, signIn, snap } from './support';

// A limit set to the generation's worst case (the estimate), then a generation that spends most of
// it: the fake OpenAI counts about four characters a token, near what the estimate counts for
// English, and its reply fills the 20-token cap, so the call lands at 80 % of the limit or past
// 100 % (then both thresholds). Exactly once, SMS and webhook are the API's e2e tests; here the
// ADMIN reads it in the bell, in Persian.
const PROMPT = Array.from({ length: 40 }, () => 'Write a short, friendly product note.').join(' ');

test('crossing 80 % of the organization’s token limit reaches the admin’s bell in Persian, with a link to usage', async ({ page }) => {
  await signIn(page, randomPhone());
  const { organizationId, projectId } = await createProject(page, { organization: 'نشر هشدار', workspace: 'تحریریه', project: 'سقف' });
  const { id } = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'یادداشت محصول', prompt: PROMPT, maxTokens: 20 });
  const estimate = (await (await page.request.get(`/bff/api/contents/${id}/estimate`)).json()) as { promptTokens: number; maxCompletionTokens: number };
  const limit = estimate.promptTokens + estimate.maxCompletionTokens;
  const limits = await page.request.put(`/bff/api/organizations/${organizationId}/usage/limits`, {
    data: { monthlyTokenLimit: limit, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null },
    headers: { 'x-contexor-csrf': '1' },
  });
  expect(limits.ok()).toBe(true);

  await bffPost(page, `contents/${id}/generate`, {});
  await expect
    .poll(async () => ((await (await page.request.get(`/bff/api/contents/${id}`)).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe('REVIEW');
  const used = ((await (await page.request.get(`/bff/api/organizations/${organizationId}/usage/limits`)).json()) as { used: { tokens: number } }).used.tokens;
  expect(used / limit).toBeGreaterThanOrEqual(0.8);
  const thresholds = used >= limit ? ['۱۰۰', '۸۰'] : ['۸۰'];

  await page.goto(`/projects/${projectId}`);
  const bell = page.getByRole('button', { name: /^اعلان‌ها/ });
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('notification-count')).toHaveText(persian(String(thresholds.length)), { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'اعلان‌ها' });
  const items = panel.getByRole('listitem');
  await expect(items).toHaveCount(thresholds.length);
  // Both thresholds of one settle carry the same time: their order in the panel is not fixed.
  for (const percent of thresholds)
    await expect(items.filter({ hasText: `مصرف توکن ماهانهٔ سازمان به ${percent}٪ سقف رسید` })).toHaveCount(1);
  await expect(panel).not.toContainText(/[0-9]/);
  await snap(page, 'usage-alert');
  await expectAccessible(page);
  await items.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${organizationId}/usage`));
});
