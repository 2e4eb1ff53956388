import { expect, test, type Page } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

/** A content written and generated (the fake OpenAI answers) until it waits for review; its current version. */
async function inReview(page: Page, projectId: string, title: string): Promise<{ id: string; version: number }> {
  const { id } = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title, prompt: 'یک متن کوتاه بنویس' });
  await bffPost(page, `contents/${id}/generate`, {});
  let version = 0;
  await expect
    .poll(async () => {
      const content = (await (await page.request.get(`/bff/api/contents/${id}`)).json()) as { status: string; currentVersion: number };
      version = content.currentVersion;
      return content.status;
    }, { timeout: 30_000 })
    .toBe('REVIEW');
  return { id, version };
}

test('an admin reads the editorial analytics: totals in Persian, rejections by category, a chart and table per project and model', async ({ page }) => {
  await signIn(page, randomPhone());
  const { organizationId, projectId } = await createProject(page, { organization: 'نشر تحلیل', workspace: 'تحریریه', project: 'خبرنامه' });
  // The admin generated both texts: approving their own needs the policy to allow it.
  const policy = await page.request.put(`/bff/api/organizations/${organizationId}/content-policy`, { data: { blockPromptsWithPii: false, allowSelfApproval: true }, headers: { 'x-contexor-csrf': '1' } });
  expect(policy.ok()).toBe(true);
  const approved = await inReview(page, projectId, 'خبرنامهٔ پاییز');
  const rejected = await inReview(page, projectId, 'Autumn newsletter');
  await bffPost(page, `contents/${approved.id}/approve`, { version: approved.version });
  await bffPost(page, `contents/${rejected.id}/reject`, { reason: 'لحن رسمی نیست', category: 'TONE' });

  await page.goto('/');
  await page.getByRole('link', { name: 'تحلیل ویرایشی' }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${organizationId}/analytics$`));
  await expect(page.getByRole('heading', { name: 'تحلیل ویرایشی' })).toBeVisible();
  const totals = page.getByTestId('editorial-totals');
  await expect(totals).toContainText('ساخته‌شده۲');
  await expect(totals).toContainText('تأییدشده۱');
  await expect(totals).toContainText('ردشده۱');
  await expect(totals).toContainText('نرخ تأیید۵۰٪');
  await expect(totals).toContainText('$۰٫');
  await expect(totals).not.toContainText(/[0-9]/);
  await expect(page.getByTestId('editorial-rejections')).toContainText('لحن: ۱');
  await expect(page.getByTestId('editorial-rejections')).toContainText('حقوقی: ۰');
  await expect(page.getByTestId('editorial-window')).toContainText(/گزارش از .+ تا .+/);

  await page.getByRole('button', { name: 'پروژه', exact: true }).click();
  await expect(page).toHaveURL(/groupBy=project/);
  const rows = page.getByTestId('editorial-groups').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText('خبرنامه');
  await expect(page.getByTestId('editorial-chart').locator('rect[data-testid="decision-bar-approved"]')).toHaveCount(1);
  await snap(page, 'editorial-analytics');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'مدل', exact: true }).click();
  await expect(page).toHaveURL(/groupBy=model/);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText('gpt-4.1-mini');
  await page.getByRole('button', { name: '۳۰ روز گذشته' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(totals).toContainText('تأییدشده۱');
});

test('an EDITOR is told the analytics are for admins', async ({ browser }) => {
  const admin = await browser.newPage();
  await signIn(admin, randomPhone());
  const { organizationId } = await createProject(admin, { organization: 'نشر نقش‌ها', workspace: 'تحریریه', project: 'خبرنامه' });
  const phone = randomPhone();
  await bffPost(admin, `organizations/${organizationId}/members`, { phone, role: 'EDITOR' });
  const editor = await browser.newPage();
  await signIn(editor, phone);
  await editor.goto(`/organizations/${organizationId}/analytics`);
  await expect(editor.getByText('تحلیل ویرایشی فقط برای مدیران سازمان است.')).toBeVisible();
  await admin.close();
  await editor.close();
});
