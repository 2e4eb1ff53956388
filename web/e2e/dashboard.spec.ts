import { expect, test } from '@playwright/test';
import { authenticatorCodes, bffPost, createProject, expectAccessible, persian, randomPhone, signIn, signInWithKeyboard, snap, tabTo } from './support';

test.describe.configure({ mode: 'serial' });

let contentUrl = '';
let organizationId = '';

test('an editor-admin signs in, builds an organization, generates, reviews and approves a content', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await snap(page, 'sign-in');
  await expectAccessible(page);

  await signInWithKeyboard(page, randomPhone());
  const cookies = await context.cookies();
  expect(cookies.filter((cookie) => cookie.name.startsWith('cx_')).every((cookie) => cookie.httpOnly && cookie.sameSite === 'Lax')).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain('cx_');

  await expect(page.getByText('هنوز عضو هیچ سازمانی نیستید')).toBeVisible();
  await page.getByLabel('نام سازمان').fill('نشر آوا');
  await page.getByRole('button', { name: 'ساختن سازمان' }).click();
  await page.getByLabel('نام فضای کار').fill('بازاریابی');
  await page.getByRole('button', { name: 'ساختن فضای کار' }).click();
  await page.getByRole('link', { name: 'بازاریابی' }).click();
  await page.getByLabel('نام پروژه').fill('کمپین پاییز');
  await page.getByRole('button', { name: 'ساختن پروژه' }).click();
  organizationId = new URL(page.url()).searchParams.get('org') ?? '';
  await snap(page, 'home');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'کمپین پاییز' }).click();
  await expect(page.getByRole('heading', { name: 'کمپین پاییز' })).toBeVisible();
  await snap(page, 'project');
  await expectAccessible(page);
  await page.getByLabel('عنوان', { exact: true }).fill('معرفی گوشی آوا ۵');
  await page.getByLabel('پرامپت', { exact: true }).fill('یک متن کوتاه و صمیمی برای معرفی گوشی آوا ۵ بنویس.');
  await page.getByRole('button', { name: 'ساختن' }).click();
  await expect(page).toHaveURL(/\/contents\//);
  contentUrl = new URL(page.url()).pathname;

  await page.getByRole('button', { name: 'تولید متن' }).click();
  const live = page.getByTestId('live-text');
  await expect(live).toContainText('گوشی آوا');
  await expect(page.getByText('در انتظار بازبینی')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('mark[data-pii="IR_PHONE"]')).toHaveText('۰۹۱۲ ۳۴۵ ۶۷۸۹');
  await expect(page.locator('mark[data-pii="IR_PHONE"]')).toHaveAttribute('data-pii-label', 'موبایل');
  // The number inside the Persian sentence reads left to right, its groups in order, on one line.
  const groups = await page.locator('mark[data-pii="IR_PHONE"]').evaluate((mark) => {
    const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const box = (node: Text, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      return range.getBoundingClientRect();
    };
    const [head, tail] = [nodes[0]!, nodes[nodes.length - 1]!];
    const [first, last] = [box(head, 0, 4), box(tail, tail.length - 4, tail.length)];
    return { firstLeft: first.left, lastLeft: last.left, sameLine: Math.abs(first.top - last.top) < 2 };
  });
  expect(groups.firstLeft).toBeLessThan(groups.lastLeft);
  expect(groups.sameLine).toBe(true);
  await expect(page.getByText('۱ مورد داده شخصی در متن پیدا شد: موبایل.')).toBeVisible();
  await snap(page, 'content-review');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'ویرایش متن' }).click();
  // A draft with personal data is flagged while it is edited, and can be masked before it is saved.
  await page.getByLabel('متن').fill('کد ملی خریدار ۰۰۷۹۴۲۵۱۹۴ است.');
  const warning = page.getByTestId('pii-warning');
  await expect(warning).toContainText('این پیش‌نویس ۱ مورد داده شخصی دارد');
  await expect(warning.locator('li mark')).toHaveText('۰۰۷۹۴۲۵۱۹۴');
  await snap(page, 'content-pii-warning');
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'پوشاندن داده‌های شخصی' }).click();
  await expect(page.getByLabel('متن')).toHaveValue('کد ملی خریدار [کد ملی] است.');
  await expect(warning).toBeHidden();
  await page.getByLabel('متن').fill('گوشی آوا ۵ با باتری سه‌روزه آمد.');
  await page.getByRole('button', { name: 'ذخیره نسخه تازه' }).click();
  await expect(page.getByTestId('content-body')).toHaveText('گوشی آوا ۵ با باتری سه‌روزه آمد.');
  // The diff against the last approved version (none yet: the previous one) is on the page, side by side.
  await expect(page.getByTestId('diff').locator('ins')).toContainText(['سه‌روزه']);
  await snap(page, 'content-diff');
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'دریافت Markdown' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.md$/);

  // Approval with the keyboard alone: Tab to the button, Enter opens the dialog with focus inside,
  // Escape closes it and gives focus back, and the note and the confirmation are reachable by Tab.
  // The dialog names the version under review and shows what changed since the first version.
  const approve = page.getByRole('button', { name: 'تأیید', exact: true });
  await tabTo(page, approve);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^تأیید نسخه/ });
  await expect(dialog).toHaveAccessibleName('تأیید نسخه ۲');
  await expect(dialog).toContainText('تغییرات از نسخه ۱ (نخستین نسخه) تا نسخه‌ای که تأیید می‌کنید');
  await expect(dialog.getByTestId('diff').locator('ins')).toContainText(['سه‌روزه']);
  expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(approve).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByLabel('یادداشت (اختیاری)'));
  await page.keyboard.type('برای انتشار آماده است');
  await snap(page, 'approve-dialog');
  await expectAccessible(page);
  // This ADMIN wrote version 2 (and asked for the generation): the organization's default policy refuses it.
  await tabTo(page, dialog.getByRole('button', { name: 'تأیید نسخه ۲' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('مدیر دیگری باید آن را تأیید کند');
  await expectAccessible(page);
  const contentId = contentUrl.split('/').pop() ?? '';
  const policy = await page.request.put(`/bff/api/organizations/${organizationId}/content-policy`, { data: { blockPromptsWithPii: false, allowSelfApproval: true }, headers: { 'x-contexor-csrf': '1' } });
  expect(policy.ok()).toBe(true);
  // A version saved meanwhile (as from another tab): approving version 2 is now stale; the dialog says
  // so in Persian, and the page reloads the content, so the dialog then offers the new version.
  const edited = await page.request.patch(`/bff/api/contents/${contentId}`, { data: { body: 'گوشی آوا ۵ با باتری سه‌روزه و شارژ سریع آمد.' }, headers: { 'x-contexor-csrf': '1' } });
  expect(edited.ok()).toBe(true);
  await dialog.getByRole('button', { name: 'تأیید نسخه ۲' }).click();
  await expect(dialog.getByTestId('stale-version')).toContainText('نسخهٔ تازه‌تری (نسخه ۳) ذخیره شده است');
  await expect(dialog).toHaveAccessibleName('تأیید نسخه ۳');
  await expect(dialog.getByTestId('diff').locator('ins')).toContainText(['شارژ', 'سریع']);
  await snap(page, 'approve-dialog-stale');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  // Restore: version 2's text comes back as version 4, under review again.
  await page.getByRole('button', { name: 'بازگرداندن نسخه ۲' }).click();
  await expect(page.getByText('بازگردانی از نسخه ۲')).toBeVisible();
  await expect(page.getByTestId('content-body')).toHaveText('گوشی آوا ۵ با باتری سه‌روزه آمد.');
  await approve.click();
  await expect(dialog).toHaveAccessibleName('تأیید نسخه ۴');
  await dialog.getByRole('button', { name: 'تأیید نسخه ۴' }).click();
  await expect(page.getByText('تأییدشده')).toBeVisible();

  await page.goto(`/organizations/${organizationId}/usage`);
  const report = (await page.evaluate(async (id) => (await fetch(`/bff/api/organizations/${id}/usage`)).json(), organizationId)) as { totals: { requests: number; totalTokens: number } };
  expect(report.totals.requests).toBe(1);
  expect(report.totals.totalTokens).toBeGreaterThan(0);
  const totals = page.getByTestId('usage-totals');
  await expect(totals).toContainText(persian(report.totals.totalTokens.toLocaleString('en-US').replace(/,/g, '٬')));
  await expect(totals).toContainText('$۰٫');
  await expect(totals).toContainText('توکن‌های ورودی از حافظهٔ نهان');
  await expect(totals).toContainText('توکن‌های استدلال');
  await expect(page.getByTestId('usage-chart').locator('rect[data-testid="usage-bar"]')).toHaveCount(1);
  await snap(page, 'usage');
  // Per member, the group reads as the member (here the phone, no name set), not as an id.
  await page.getByRole('button', { name: 'کاربر', exact: true }).click();
  await expect(page).toHaveURL(/groupBy=user/);
  await expect(page.getByTestId('usage-groups')).toContainText('+۹۸۹۱۲');
  await expect(page.getByTestId('usage-groups')).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}/);
  await page.getByRole('button', { name: '۳۰ روز گذشته' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('button', { name: '۳۰ روز گذشته' })).toHaveAttribute('aria-pressed', 'true');
  // The preset's window shows in the Jalali date fields, in Persian digits.
  await expect(page.getByLabel('از تاریخ', { exact: true })).toHaveValue(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  await expect(page.getByLabel('تا تاریخ', { exact: true })).toHaveValue(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
  await expect(totals).toContainText(persian(report.totals.totalTokens.toLocaleString('en-US').replace(/,/g, '٬')));
  await expect(page.getByLabel('تقویم دوره')).toHaveValue(/jalali|gregorian/);
  await expectAccessible(page);
  await context.close();
});

test('a VIEWER sees the content but no generate, edit or approve controls', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const viewerPhone = randomPhone();
  // The admin of the first test is another browser; add the viewer through a fresh admin here.
  await signIn(adminPage, randomPhone());
  const { organizationId: viewerOrganization, workspaceId, projectId } = await createProject(adminPage, { organization: 'سازمان بازبین', workspace: 'فضا', project: 'پروژه' });
  await bffPost(adminPage, `organizations/${viewerOrganization}/members`, { phone: viewerPhone, role: 'VIEWER' });
  const content = await bffPost<{ id: string }>(adminPage, `projects/${projectId}/contents`, { title: 'متن بازبینی', prompt: 'بنویس' });
  await bffPost(adminPage, `workspaces/${workspaceId}/prompts`, { name: 'قالب خواندنی', category: 'عمومی', template: 'درباره {{موضوع}} بنویس' });
  const created = { content: content.id, workspace: workspaceId };
  await admin.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, viewerPhone);
  await page.goto(`/contents/${created.content}`);
  await expect(page.getByRole('heading', { name: 'متن بازبینی' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'تولید متن' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'ویرایش متن' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'تأیید' })).toHaveCount(0);
  await snap(page, 'content-viewer');
  await expectAccessible(page);
  await page.goto(`/workspaces/${created.workspace}/prompts`);
  await expect(page.getByText('قالب خواندنی')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ذخیره قالب' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /ویرایش/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'حذف' })).toHaveCount(0);
  await context.close();
});

test('an admin keeps prompt templates, creates a content from one, and manages members, webhooks and the audit log', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, randomPhone());
  await page.getByLabel('نام سازمان').fill('آژانس نوروز');
  await page.getByRole('button', { name: 'ساختن سازمان' }).click();
  await page.getByLabel('نام فضای کار').fill('محتوا');
  await page.getByRole('button', { name: 'ساختن فضای کار' }).click();
  await page.getByRole('main').getByRole('link', { name: 'محتوا', exact: true }).click();
  await page.getByLabel('نام پروژه').fill('نوروز');
  await page.getByRole('button', { name: 'ساختن پروژه' }).click();
  const org = new URL(page.url()).searchParams.get('org');

  await page.getByRole('link', { name: 'نوروز' }).click();
  // The project page's own link (the side navigation has one for the open workspace too).
  await page.getByRole('main').getByRole('link', { name: 'پرامپت‌ها' }).click();
  await page.getByLabel('نام', { exact: true }).fill('معرفی محصول');
  await page.getByRole('textbox', { name: 'دسته' }).fill('تبلیغات');
  await page.getByRole('textbox', { name: /^قالب/ }).fill('یک متن برای {{نام_محصول}} با لحن {{ لحن }} بنویس.');
  await expect(page.getByText('متغیرهای پیدا شده')).toContainText('نام_محصول');
  await expect(page.getByText('متغیرهای پیدا شده')).toContainText('لحن');
  await page.getByRole('button', { name: 'ذخیره قالب' }).click();
  await expect(page.getByRole('button', { name: 'تبلیغات' })).toBeVisible();
  // Edit the template in place, then add and delete another one (the deletion is confirmed first).
  await page.getByRole('button', { name: 'ویرایش قالب معرفی محصول' }).click();
  await expect(page.getByRole('heading', { name: 'ویرایش «معرفی محصول»' })).toBeVisible();
  await page.getByRole('textbox', { name: /^قالب/ }).fill('یک متن کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.');
  await page.getByRole('button', { name: 'ذخیره تغییرات' }).click();
  await expect(page.getByText('یک متن کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'قالب تازه' })).toBeVisible();
  await page.getByLabel('نام', { exact: true }).fill('پیش‌نویس قدیمی');
  await page.getByRole('textbox', { name: /^قالب/ }).fill('متنی بی‌متغیر');
  await page.getByRole('button', { name: 'ذخیره قالب' }).click();
  const old = page.getByRole('listitem').filter({ hasText: 'پیش‌نویس قدیمی' });
  await expect(old).toBeVisible();
  await old.getByRole('button', { name: 'حذف' }).click();
  await page.getByRole('dialog', { name: 'حذف قالب' }).getByRole('button', { name: 'حذف' }).click();
  await expect(old).toHaveCount(0);
  await snap(page, 'prompts');
  await expectAccessible(page);

  await page.goBack();
  await page.getByLabel('عنوان', { exact: true }).fill('متن نوروزی');
  await page.getByLabel('ساختن محتوا با این قالب').selectOption({ label: 'معرفی محصول' });
  await page.getByLabel('نام_محصول').fill('گوشی آوا');
  await page.getByLabel('لحن').fill('صمیمی');
  await page.getByRole('button', { name: 'ساختن' }).click();
  await expect(page.getByText('یک متن کوتاه برای گوشی آوا با لحن صمیمی بنویس.')).toBeVisible();

  await page.goto(`/organizations/${org}/members`);
  await page.getByLabel('شماره موبایل').fill('۰۹۳۵۱۲۳۴۵۶۷');
  await page.getByLabel('نقش', { exact: true }).selectOption('VIEWER');
  await page.getByRole('button', { name: 'افزودن عضو' }).click();
  await expect(page.getByText(persian('+989351234567'))).toBeVisible();
  const adminRow = page.getByRole('listitem').filter({ hasNotText: persian('+989351234567') });
  await adminRow.getByRole('button', { name: 'حذف' }).click();
  await page.getByRole('dialog', { name: 'حذف عضو' }).getByRole('button', { name: 'حذف' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'آخرین مدیر' })).toBeVisible();
  await snap(page, 'members');
  await expectAccessible(page);

  await page.goto(`/organizations/${org}/webhooks`);
  await page.getByLabel('نشانی').fill('http://127.0.0.1:9/hook');
  await page.getByRole('button', { name: 'ثبت وب‌هوک' }).click();
  await expect(page.getByText('فقط همین یک بار')).toBeVisible();
  await expect(page.locator('code')).toContainText('whsec_');
  await snap(page, 'webhooks');
  await expectAccessible(page);

  await page.goto(`/organizations/${org}/audit-log`);
  await expect(page.getByText('webhook.created')).toBeVisible();
  await snap(page, 'audit-log');
  await expectAccessible(page);
  await context.close();
});

test('the contents of a project are searched in Persian or English and either digit script, filtered and paged, all kept in the URL', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, randomPhone());
  const { projectId } = await createProject(page, { organization: 'سازمان جست‌وجو', workspace: 'فضا', project: 'بایگانی' });
  for (let i = 1; i <= 22; i++) await bffPost(page, `projects/${projectId}/contents`, { title: `یادداشت شماره ${i}`, prompt: 'یک متن کوتاه بنویس' });
  await bffPost(page, `projects/${projectId}/contents`, { title: 'گزارش فروش ۱۴۰۵', prompt: 'گزارش فصلی فروش را خلاصه کن' });
  await bffPost(page, `projects/${projectId}/contents`, { title: 'Quarterly sales report', prompt: 'Summarise the quarter' });
  await page.goto(`/projects/${projectId}`);
  const rows = page.getByTestId('contents-list').locator('li');
  await expect(rows).toHaveCount(20);
  await expect(page.getByText('صفحه ۱ از ۲')).toBeVisible();
  await page.getByRole('button', { name: 'بعدی' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(4);

  // Latin digits find the title written with Persian ones; the query and page reset land in the URL.
  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').fill('فروش 1405');
  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('گزارش فروش ۱۴۰۵');
  await page.reload();
  await expect(rows).toHaveCount(1);
  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').fill('quarterly');
  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Quarterly sales report');

  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').fill('');
  await page.getByLabel('جست‌وجو در عنوان، پرامپت و متن').press('Enter');
  await page.getByRole('button', { name: 'تأییدشده' }).click();
  await expect(page).toHaveURL(/status=APPROVED/);
  await expect(page.getByText('محتوایی با این شرایط نیست؛ جست‌وجو یا فیلترها را تغییر دهید.')).toBeVisible();
  await page.getByRole('button', { name: 'پیش‌نویس' }).click();
  await expect(page).toHaveURL(/status=DRAFT/);
  await page.getByLabel('فقط محتواهای من').check();
  await expect(page).toHaveURL(/createdBy=[0-9a-f-]{36}/);
  await expect(page.getByText('صفحه ۱ از ۲')).toBeVisible();
  await page.getByRole('button', { name: 'تأییدشده' }).click();
  await page.getByRole('button', { name: 'پاک کردن جست‌وجو و فیلترها' }).click();
  await expect(page).not.toHaveURL(/status=|createdBy=/);
  await expect(rows).toHaveCount(20);
  await context.close();
});

test('an unknown content, or another organization’s, shows the Persian not-found page, not a crash', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, randomPhone());
  for (const path of ['/contents/00000000-0000-4000-8000-000000000000', contentUrl]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('پیدا نشد');
    await expect(page.getByRole('main')).toContainText('به سازمانی تعلق دارد که عضو آن نیستید');
    await expect(page.getByRole('main').getByRole('link', { name: 'بازگشت به خانه' })).toBeVisible();
  }
  await expectAccessible(page);
  await context.close();
  expect(contentUrl).toMatch(/^\/contents\//);
});

test('an admin sets up an authenticator app, requires it of the organization’s admins, and confirms sensitive actions with its codes', async ({ browser }) => {
  // Each code is taken once per 30 s step: the fourth one may wait for the next step.
  test.setTimeout(150_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, randomPhone());
  const organization = await bffPost<{ id: string }>(page, 'organizations', { name: 'استودیو امن' });

  await page.getByRole('link', { name: 'امنیت حساب' }).click();
  await expect(page.getByRole('heading', { name: 'امنیت حساب' })).toBeVisible();
  await page.getByRole('button', { name: 'راه‌اندازی برنامه احراز هویت' }).click();
  await expect(page.getByRole('img', { name: 'کد QR برای افزودن کانتکسور به برنامه احراز هویت' })).toBeVisible();
  const secret = ((await page.getByTestId('two-factor-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const nextCode = authenticatorCodes(secret);
  await snap(page, 'two-factor-enrol');
  await expectAccessible(page);
  await page.getByLabel('کد ۶ رقمی برنامه').fill(persian(await nextCode()));
  await page.getByRole('button', { name: 'فعال کردن' }).click();
  await expect(page.getByText(/^فعال از /)).toBeVisible();
  await expect(page.getByTestId('two-factor-secret')).toHaveCount(0);

  // Requiring it is itself a sensitive action: the step-up dialog asks for a code, then the change goes on by itself.
  await page.goto('/?org=' + organization.id);
  await page.getByRole('link', { name: 'تنظیمات', exact: true }).click();
  const toggle = page.getByRole('switch', { name: 'الزام ورود دومرحله‌ای برای مدیران' });
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  const dialog = page.getByRole('dialog', { name: 'تأیید دومرحله‌ای' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByLabel('کد برنامه احراز هویت').fill('000000');
  await dialog.getByRole('button', { name: 'تأیید و ادامه' }).click();
  await expect(dialog.getByRole('alert')).toContainText('درست نیست');
  await dialog.getByLabel('کد برنامه احراز هویت').fill(await nextCode());
  await dialog.getByRole('button', { name: 'تأیید و ادامه' }).click();
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeChecked();
  await page.reload();
  await expect(toggle).toBeChecked();
  await snap(page, 'organization-settings');
  await expectAccessible(page);

  // While the organization requires it, it cannot be turned off, and the page says which organization.
  await page.goto('/settings/security');
  await expect(page.getByRole('main').getByText('استودیو امن')).toBeVisible();
  await page.getByLabel('کد ۶ رقمی برنامه').fill('123456');
  await page.getByRole('button', { name: 'غیرفعال کردن' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'استودیو امن' })).toBeVisible();

  // A step-up lasts 10 minutes and a refreshed access token carries none: dropping the cookie is those minutes passing.
  await context.clearCookies({ name: 'cx_access' });
  await page.goto(`/organizations/${organization.id}/members`);
  await page.getByLabel('شماره موبایل').fill('۰۹۱۹۷۶۵۴۳۲۱');
  await page.getByRole('button', { name: 'افزودن عضو' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('کد برنامه احراز هویت').fill(await nextCode());
  await dialog.getByRole('button', { name: 'تأیید و ادامه' }).click();
  await expect(dialog).toBeHidden();
  const invited = page.getByRole('listitem').filter({ hasText: persian('+989197654321') });
  await expect(invited).toContainText('دعوت‌شده');
  await snap(page, 'members-invited');
  await expectAccessible(page);
  await context.close();
});

test('an editor hears of the admin’s decisions on their contents through the bell; a click reads one and opens its content', async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  const editorPhone = randomPhone();
  await signIn(adminPage, randomPhone());
  const { organizationId: org, projectId } = await createProject(adminPage, { organization: 'نشریه مهر', workspace: 'تحریریه', project: 'خبرنامه' });
  await bffPost(adminPage, `organizations/${org}/members`, { phone: editorPhone, role: 'EDITOR' });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, editorPhone);
  // Two contents the editor writes and generates (the fake OpenAI answers), both then waiting for review.
  const toApprove = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'خبرنامهٔ <b>پاییز</b>', prompt: 'یک خبرنامه کوتاه بنویس' });
  const toReject = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: 'اطلاعیه تعطیلات', prompt: 'یک اطلاعیه کوتاه بنویس' });
  for (const { id } of [toApprove, toReject]) {
    await bffPost(page, `contents/${id}/generate`, {});
    await expect.poll(async () => ((await (await page.request.get(`/bff/api/contents/${id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('REVIEW');
  }

  await page.goto(`/projects/${projectId}`);
  const bell = page.getByRole('button', { name: /^اعلان‌ها/ });
  const count = page.getByTestId('notification-count');
  await expect(bell).toHaveAttribute('aria-expanded', 'false');
  await expect(bell).toHaveAccessibleName('اعلان‌ها');
  await expect(count).toHaveCount(0);

  await bffPost(adminPage, `contents/${toApprove.id}/approve`, { version: 1, comment: 'برای انتشار آماده است' });
  await bffPost(adminPage, `contents/${toReject.id}/reject`, { reason: 'تاریخ‌ها را بنویس' });
  await admin.close();

  // Coming back to the tab reads the count at once (otherwise the poll does, within 45 s); the
  // browser's visibilitychange bubbles from the document to the window, where react-query listens.
  await expect(async () => {
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await expect(count).toHaveText('۲', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(bell).toHaveAccessibleName('اعلان‌ها، ۲ خوانده‌نشده');

  // The panel with the keyboard: Enter opens it with focus inside, Escape closes it and gives focus back.
  await bell.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'اعلان‌ها' });
  await expect(panel).toBeFocused();
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  const items = panel.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('محتوای «اطلاعیه تعطیلات» رد شد: تاریخ‌ها را بنویس');
  await expect(items.nth(1)).toContainText('محتوای «خبرنامهٔ <b>پاییز</b>» تأیید شد');
  await expect(items.nth(1)).toContainText('برای انتشار آماده است');
  await expect(items.nth(1).locator('b')).toHaveCount(0);
  await expect(items.nth(1)).toContainText('نشریه مهر');
  await expect(panel.locator('li[data-unread="true"]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await expect(bell).toHaveAttribute('aria-expanded', 'false');

  await bell.click();
  await expect(items).toHaveCount(2);
  await snap(page, 'notifications');
  await expectAccessible(page);
  await items.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/contents/${toApprove.id}$`));
  await expect(page.getByRole('heading', { name: 'خبرنامهٔ <b>پاییز</b>' })).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(count).toHaveText('۱');
  await expect(bell).toHaveAccessibleName('اعلان‌ها، ۱ خوانده‌نشده');

  // Read on the server, not only in this page: after a reload the count is still one, and the one left unread is the rejection.
  await page.reload();
  await expect(count).toHaveText('۱');
  await bell.click();
  await expect(panel.locator('li[data-unread="true"]')).toHaveCount(1);
  await expect(panel.locator('li[data-unread="true"]')).toContainText('اطلاعیه تعطیلات');
  await context.close();
});

test('the committed OpenAPI document and the client generated from it match the running API', async () => {
  const { PORTS } = await import('../playwright.config');
  const { readFileSync } = await import('node:fs');
  const live = (await (await fetch(`http://127.0.0.1:${PORTS.api}/docs-json`)).json()) as unknown;
  const committed = JSON.parse(readFileSync('openapi.json', 'utf8')) as unknown;
  // If this fails, the API changed: run `npm run api:generate` in web/ against it and commit openapi.json and src/api.
  expect(live).toEqual(committed);
});
