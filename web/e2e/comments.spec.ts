import { expect, test, type Page } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

const BODY = 'بند اول دربارهٔ گوشی آوا ۵ است.\nمدل GPT-4.1 mini را برای متن‌های کوتاه پیشنهاد می‌کنیم 🙂 و تمام.';
const QUOTE = 'GPT-4.1 mini را برای متن‌های کوتاه';

async function bffPatch(page: Page, path: string, body: unknown): Promise<void> {
  const response = await page.request.patch(`/bff/api/${path}`, { data: body, headers: { 'x-contexor-csrf': '1' } });
  expect(response.ok(), `PATCH ${path}: ${response.status()}`).toBe(true);
}

/** Selects `quote` in the rendered body the way a mouse selection would end up: a DOM range over its text nodes. */
async function selectInBody(page: Page, quote: string): Promise<void> {
  await page.getByTestId('content-body').evaluate((root, quote) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const text = nodes.map((node) => node.data).join('');
    const start = text.indexOf(quote);
    const end = start + quote.length;
    const range = document.createRange();
    let seen = 0;
    for (const node of nodes) {
      if (start >= seen && start <= seen + node.length) range.setStart(node, start - seen);
      if (end >= seen && end <= seen + node.length) {
        range.setEnd(node, end - seen);
        break;
      }
      seen += node.length;
    }
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, quote);
}

test('a reviewer selects text, comments on it, sees it highlighted through an edit, and resolves it', async ({ page }) => {
  await signIn(page, randomPhone());
  const { projectId } = await createProject(page, { organization: 'نشر نظر', workspace: 'ویراستاری', project: 'بازبینی' });
  const content = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'متن با نظر', prompt: 'یک متن کوتاه بنویس.' });
  await bffPatch(page, `contents/${content.id}`, { body: BODY });

  await page.goto(`/contents/${content.id}`);
  const body = page.getByTestId('content-body');
  await expect(body).toHaveText(BODY);
  await expect(page.getByText('بخشی از متن را انتخاب کنید تا روی آن نظر بدهید.')).toBeVisible();

  await selectInBody(page, QUOTE);
  await expect(page.getByTestId('selected-quote')).toHaveText(QUOTE);
  await page.getByLabel('نظر شما').fill('لحن این بخش برای مخاطب عام فنی است.');
  await page.getByRole('button', { name: 'ثبت نظر' }).click();

  const highlight = body.locator('mark[data-comment-ids]');
  await expect(highlight).toHaveText(QUOTE);
  const list = page.getByTestId('comments');
  await expect(list.locator('blockquote')).toHaveText(QUOTE);
  // The quote starts with a Latin word but comes from a Persian paragraph: it reads right to left.
  await expect(list.locator('blockquote')).toHaveAttribute('dir', 'rtl');
  await expect(list).toContainText('لحن این بخش برای مخاطب عام فنی است.');
  // The highlight lies where the text does: the body reads as written, the mark within its line.
  await expect(body).toHaveText(BODY);
  const [markBox, bodyBox] = [await highlight.boundingBox(), await body.boundingBox()];
  expect(markBox && bodyBox && markBox.x >= bodyBox.x && markBox.x + markBox.width <= bodyBox.x + bodyBox.width + 1).toBe(true);
  await snap(page, 'content-comments');
  await expectAccessible(page);

  // A new version with a line before the quote: the highlight follows the quoted text.
  await bffPatch(page, `contents/${content.id}`, { body: `سطر تازه‌ای در آغاز.\n${BODY}` });
  await page.reload();
  await expect(body.locator('mark[data-comment-ids]')).toHaveText(QUOTE);
  await expect(list).toContainText('روی نسخه ۱');

  await list.getByRole('button', { name: 'حل شد' }).click();
  await expect(list.locator('li')).toHaveCount(0);
  await expect(body.locator('mark[data-comment-ids]')).toHaveCount(0);
  await page.getByRole('button', { name: 'نمایش نظرهای حل‌شده (۱)' }).click();
  await expect(list.locator('li')).toContainText('حل‌شده');
  await expect(body.locator('mark[data-comment-ids][data-resolved="true"]')).toHaveText(QUOTE);
  await expectAccessible(page);

  // Once the quoted text is gone, the comment says so and nothing is highlighted.
  await bffPatch(page, `contents/${content.id}`, { body: 'متن یکسره بازنویسی شد.' });
  await page.reload();
  await page.getByRole('button', { name: 'نمایش نظرهای حل‌شده (۱)' }).click();
  await expect(list).toContainText('این بخش از متن در نسخهٔ فعلی دیگر نیست.');
  await expect(body.locator('mark[data-comment-ids]')).toHaveCount(0);
});
