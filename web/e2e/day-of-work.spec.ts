import { expect, test, type Browser, type Page } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, signInWithKeyboard, tabTo } from './support';

const FIRST = 'گوشی Ava 5 با باتری دوروزه آمد.\nبرای سفارش به فروشگاه سر بزنید.';
const SECOND = 'گوشی Ava 5 با باتری سه‌روزه و شارژ سریع آمد.\nبرای سفارش به فروشگاه سر بزنید.';
const SENTENCE = 'برای سفارش به فروشگاه سر بزنید.';

async function bffPatch(page: Page, path: string, body: unknown): Promise<void> {
  const response = await page.request.patch(`/bff/api/${path}`, { data: body, headers: { 'x-contexor-csrf': '1' } });
  expect(response.ok(), `PATCH ${path}: ${response.status()}`).toBe(true);
}

/**
 * Yesterday's work, set up through the API by a colleague: their organization, where they made the
 * walker an ADMIN, generated a content (version 1), edited it twice (versions 2 and 3) and left it in
 * REVIEW. The walker wrote none of it, so the default policy lets them approve it, and they sign in
 * for the first time in the walk itself.
 */
async function contentWaitingForReview(browser: Browser, walkerPhone: string): Promise<{ organizationId: string; contentId: string; title: string }> {
  const title = `خبرنامهٔ Ava 5 شمارهٔ ${Math.floor(Math.random() * 1000)}`;
  const context = await browser.newContext();
  const author = await context.newPage();
  await signIn(author, randomPhone());
  const { organizationId, projectId } = await createProject(author, { organization: 'نشر روزانه ACME', workspace: 'تحریریه', project: 'خبرنامه‌ها' });
  await bffPost(author, `organizations/${organizationId}/members`, { phone: walkerPhone, role: 'ADMIN' });
  const { id } = await bffPost<{ id: string }>(author, `projects/${projectId}/contents`, { title, prompt: 'یک خبر کوتاه دربارهٔ Ava 5 بنویس.' });
  await bffPost(author, `contents/${id}/generate`, {});
  await expect.poll(async () => ((await (await author.request.get(`/bff/api/contents/${id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('REVIEW');
  await bffPatch(author, `contents/${id}`, { body: FIRST });
  await bffPatch(author, `contents/${id}`, { body: SECOND });
  await context.close();
  return { organizationId, contentId: id, title };
}

/** Saves what the page shows at its current width (the walk runs at one width at a time). */
async function shot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `test-output/screenshots/day-${name}-${width}.png`, fullPage: true });
}

/** Follows a link of the side navigation with the keyboard; at phone width the navigation is in a drawer opened first. */
async function navigateTo(page: Page, name: RegExp | string, narrow: boolean): Promise<void> {
  if (narrow) {
    const menu = page.getByRole('button', { name: 'منو' });
    await tabTo(page, menu);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await tabTo(page, drawer.getByRole('link', { name }).first());
  } else {
    await tabTo(page, page.getByRole('navigation', { name: 'پیمایش سازمان‌ها' }).getByRole('link', { name }).first());
  }
  await page.keyboard.press('Enter');
}

for (const width of [1440, 390]) {
  test(`a day's work with the keyboard alone at ${width} px: inbox, diff, a comment on a sentence, approval, then the usage window in Jalali`, async ({ browser }) => {
    test.setTimeout(180_000);
    const narrow = width < 768;
    const walkerPhone = randomPhone();
    const { organizationId, contentId, title } = await contentWaitingForReview(browser, walkerPhone);

    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInWithKeyboard(page, walkerPhone);
    await expectAccessible(page);
    await shot(page, 'home');

    // From the inbox, the content waiting for review.
    await navigateTo(page, /^بررسی‌ها/, narrow);
    await expect(page).toHaveURL(/\/reviews$/);
    const row = page.getByTestId('review-list').getByRole('link', { name: title });
    await expect(row).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'inbox');
    await tabTo(page, row);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/contents/${contentId}$`));
    await expect(page.getByRole('navigation', { name: 'مسیر صفحه' })).toContainText(title);

    // Its diff against the version it is compared with (no version approved yet: the one before).
    const diff = page.getByTestId('diff');
    await expect(diff.locator('ins')).toContainText(['سه‌روزه']);
    await expect(diff.locator('del')).toContainText(['دوروزه']);
    await expectAccessible(page);
    await shot(page, 'content-diff');

    // A comment on one sentence, picked from the body's sentences with the keyboard.
    const picker = page.getByLabel('نظر روی یک جمله');
    await tabTo(page, picker);
    const chosen = () => picker.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    for (let i = 0; i < 10 && !(await chosen()).startsWith(SENTENCE.slice(0, 12)); i++) await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('selected-quote')).toHaveText(SENTENCE);
    await tabTo(page, page.getByLabel('نظر شما'));
    await page.keyboard.type('نشانی فروشگاه را هم بنویسید.');
    await tabTo(page, page.getByRole('button', { name: 'ثبت نظر' }));
    await page.keyboard.press('Enter');
    const comments = page.getByTestId('comments');
    await expect(comments).toContainText('نشانی فروشگاه را هم بنویسید.');
    await expect(comments.locator('blockquote')).toHaveText(SENTENCE);
    await expect(page.getByTestId('content-body').locator('mark[data-comment-ids]')).toHaveText(SENTENCE);
    await shot(page, 'content-comment');

    // The shortcuts are listed under ?; A opens the approval dialog, which approves the version read.
    // Focus is on the comment's button, outside any text field, so single keys are shortcuts.
    await page.keyboard.press('Shift+Slash');
    const help = page.getByRole('dialog', { name: /میان‌بر/ });
    await expect(help).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.keyboard.press('KeyA');
    const dialog = page.getByRole('dialog', { name: /^تأیید نسخه/ });
    await expect(dialog).toHaveAccessibleName('تأیید نسخه ۳');
    await expectAccessible(page);
    await tabTo(page, dialog.getByRole('button', { name: 'تأیید نسخه ۳' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText('تأییدشده').first()).toBeVisible();
    await shot(page, 'content-approved');

    // The usage page, its window changed with the Jalali picker: typed in Persian digits, then picked on the calendar.
    await navigateTo(page, 'مصرف', narrow);
    await expect(page).toHaveURL(new RegExp(`/organizations/${organizationId}/usage`));
    await expectAccessible(page);
    const from = page.getByLabel('از تاریخ', { exact: true });
    await tabTo(page, from);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('۱۴۰۵/۰۹/۰۱');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/from=2026-11-22/);
    await tabTo(page, page.getByRole('button', { name: 'تا تاریخ: انتخاب از تقویم' }));
    await page.keyboard.press('Enter');
    const calendar = page.getByRole('dialog', { name: 'تقویم تا تاریخ' });
    await expect(calendar).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'usage-calendar');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    await expect(page).toHaveURL(/to=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId('usage-totals')).toBeVisible();
    await expectAccessible(page);
    await shot(page, 'usage');
    await context.close();
  });
}
