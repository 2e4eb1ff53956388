import { expect, test } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

// The estimate's arithmetic is the API's to test (it equals the reservation the generation then holds);
// here: that the button shows it in Persian, as a share of the project's limit, and warns before a
// generation the organization's per-generation ceiling would refuse, set on the policy page.
test('the generate button shows the worst case and the share of the project limit, and warns past the policy ceiling', async ({ page }) => {
  await signIn(page, randomPhone());
  const { organizationId, projectId } = await createProject(page, { organization: 'نشر برآورد', workspace: 'تحریریه', project: 'کمپین' });
  const { id } = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'معرفی محصول', prompt: 'یک متن کوتاه بنویس' });
  const limits = await page.request.put(`/bff/api/projects/${projectId}/usage/limits`, {
    data: { monthlyTokenLimit: 1_000_000, monthlyCostLimitUsd: null },
    headers: { 'x-contexor-csrf': '1' },
  });
  expect(limits.ok()).toBe(true);

  await page.goto(`/contents/${id}`);
  const estimate = page.getByTestId('generation-estimate');
  await expect(estimate).toContainText(/^هزینهٔ حداکثر این تولید: \$[۰-۹٬]+٫[۰-۹]+ \([۰-۹٬]+ توکن\)/);
  await expect(estimate).toContainText('از باقی‌ماندهٔ سقف پروژه');
  await expect(estimate).not.toContainText(/[0-9]/);
  await expectAccessible(page);

  await page.goto(`/organizations/${organizationId}/settings/content-policy`);
  await page.getByLabel('سقف هزینهٔ هر تولید (دلار)').fill('0.000001');
  await page.getByRole('button', { name: 'ذخیره', exact: true }).click();
  await expect(page.getByText(/^سقف کنونی:/)).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/contents/${id}`);
  await expect(page.getByTestId('generation-estimate')).toContainText(
    'هزینهٔ حداکثر این تولید از سقف هزینهٔ هر تولید در سیاست سازمان بیشتر است.',
  );
  await snap(page, 'generation-estimate-ceiling');
  await expectAccessible(page);
});
