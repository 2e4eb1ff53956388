import { expect, test, type Page } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

async function bffPatch(page: Page, path: string, body: unknown): Promise<void> {
  const response = await page.request.patch(`/bff/api/${path}`, { data: body, headers: { 'x-contexor-csrf': '1' } });
  expect(response.ok(), `PATCH ${path}: ${response.status()}`).toBe(true);
}

/** A content written and generated (the fake OpenAI answers) until it waits for review. */
async function inReview(page: Page, projectId: string, title: string): Promise<string> {
  const { id } = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title, prompt: 'یک متن کوتاه بنویس' });
  await bffPost(page, `contents/${id}/generate`, {});
  await expect.poll(async () => ((await (await page.request.get(`/bff/api/contents/${id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('REVIEW');
  return id;
}

test('an admin sees the contents waiting for review, longest waiting first, counted in the navigation, with overdue ones marked and filtered', async ({ page }) => {
  await signIn(page, randomPhone());
  const { projectId } = await createProject(page, { organization: 'نشر بازبینی', workspace: 'تحریریه', project: 'خبرنامه' });
  const late = await inReview(page, projectId, 'خبرنامهٔ دیرکرده');
  const onTime = await inReview(page, projectId, 'Autumn newsletter');
  // Due yesterday (overdue) and far ahead.
  await bffPatch(page, `contents/${late}`, { reviewDueAt: new Date(Date.now() - 86_400_000).toISOString() });
  await bffPatch(page, `contents/${onTime}`, { reviewDueAt: '2030-03-20T20:30:00Z' });

  await page.goto('/');
  const link = page.getByRole('link', { name: /^بررسی‌ها/ });
  await expect(link).toHaveAccessibleName(/^بررسی‌ها\s?۲ در انتظار$/);
  await expect(page.getByTestId('reviews-count')).toHaveText('۲');
  await link.click();
  await expect(page).toHaveURL(/\/reviews$/);
  await expect(page.getByRole('heading', { name: 'بررسی‌ها' })).toBeVisible();

  const rows = page.getByTestId('review-list').getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('link')).toHaveText('خبرنامهٔ دیرکرده');
  await expect(rows.nth(1).getByRole('link')).toHaveText('Autumn newsletter');
  await expect(rows.nth(0)).toHaveAttribute('data-overdue', 'true');
  await expect(rows.nth(0).getByText('موعد گذشته')).toBeVisible();
  await expect(rows.nth(1)).toHaveAttribute('data-overdue', 'false');
  // 2030-03-21 00:00 in Tehran: the first day of 1409, in Persian digits.
  await expect(rows.nth(1)).toContainText('موعد: ۱ فروردین ۱۴۰۹');
  await expect(rows.nth(0)).toContainText('نشر بازبینی');
  await expect(rows.nth(0)).toContainText('نسخه ۱');
  await expect(page.getByTestId('review-list')).not.toContainText(/[0-9]/);
  await snap(page, 'reviews-inbox');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'موعد گذشته' }).click();
  await expect(page).toHaveURL(/overdue=overdue/);
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('link')).toHaveText('خبرنامهٔ دیرکرده');
  await expect(page.getByRole('button', { name: 'موعد گذشته' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'در موعد یا بی‌موعد' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('link')).toHaveText('Autumn newsletter');
  // The filter lives in the URL: a reload shows the same, rendered by the server.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('link')).toHaveText('Autumn newsletter');

  // The content's page: its due date in Jalali, and a new one entered as Tehran time.
  await page.getByRole('button', { name: 'همه' }).click();
  await rows.nth(0).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/contents/${late}$`));
  const due = page.getByTestId('review-due-date');
  await expect(due.getByText('موعد گذشته')).toBeVisible();
  // A Jalali day typed in Persian digits, the time in Latin ones: both are read.
  await due.getByLabel('موعد بررسی', { exact: true }).fill('۱۴۰۸/۱۰/۲۶');
  await due.getByLabel('ساعت موعد', { exact: true }).fill('17:00');
  await expect(due).toContainText('۲۶ دی ۱۴۰۸، ۱۷:۰۰');
  await due.getByRole('button', { name: 'ثبت موعد' }).click();
  await expect(due.locator('time').first()).toHaveAttribute('datetime', '2030-01-15T13:30:00.000Z');
  await expect(due.getByText('موعد گذشته')).toHaveCount(0);
  await expectAccessible(page);

  // Decided (rejected: its generation was this admin's own, which the default policy does not let them approve), it leaves the inbox and the count.
  await bffPost(page, `contents/${late}/reject`, { reason: 'تاریخ‌ها را بنویس', version: 1 });
  await page.goto('/reviews');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('reviews-count')).toHaveText('۱');
});

test('someone who is ADMIN nowhere has no reviews link, and an empty inbox', async ({ page }) => {
  const adminPhone = randomPhone();
  const editorPhone = randomPhone();
  await signIn(page, adminPhone);
  const { organizationId } = await createProject(page, { organization: 'نشر دیگر', workspace: 'تحریریه', project: 'اطلاعیه‌ها' });
  await bffPost(page, `organizations/${organizationId}/members`, { phone: editorPhone, role: 'EDITOR' });
  await page.context().clearCookies();

  await signIn(page, editorPhone);
  await expect(page.getByRole('link', { name: /^بررسی‌ها/ })).toHaveCount(0);
  await page.goto('/reviews');
  await expect(page.getByText('محتوایی در انتظار بررسی شما نیست.')).toBeVisible();
  await expectAccessible(page);
});
