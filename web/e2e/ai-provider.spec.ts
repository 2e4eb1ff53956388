import { expect, test } from '@playwright/test';
import { createProject, expectAccessible, randomPhone, signIn, snap } from './support';

// The page only stores the provider: generating through it is covered by the API's e2e tests with two
// fake OpenAI servers. The base URL here is never called (the dashboard's API allows private targets).
test('an admin sets the organization’s own AI provider, sees only the key’s last 4, and returns to the default', async ({ page }) => {
  await signIn(page, randomPhone());
  const { organizationId } = await createProject(page, { organization: 'نشر ارائه‌دهنده', workspace: 'تحریریه', project: 'کلید' });

  await page.goto(`/organizations/${organizationId}/settings/ai-provider`);
  await expect(page.getByRole('heading', { name: 'ارائه‌دهنده هوش مصنوعی' })).toBeVisible();
  await expect(page.getByText('اکنون از ارائه‌دهنده پیش‌فرض Contexor استفاده می‌شود.')).toBeVisible();
  await expectAccessible(page);

  // Refused in the browser first: no key, a base URL that is not http(s), a model without prices.
  await page.getByLabel('نشانی پایه (Base URL)').fill('relay.example.ir');
  await page.getByRole('button', { name: 'ذخیره ارائه‌دهنده' }).click();
  await expect(page.getByText('یک نشانی http یا https وارد کنید.')).toBeVisible();
  await expect(page.getByText('کلید API را وارد کنید (دست‌کم ۸ نویسه).')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('نشانی پایه (Base URL)').fill('http://127.0.0.1:9/v1');
  await page.getByLabel('کلید API').fill('sk-relay-secret-7Q4z');
  await page.getByRole('textbox', { name: 'شناسه مدل' }).fill('gpt-4.1-mini');
  await page.getByRole('textbox', { name: 'ورودی', exact: true }).fill('0.4');
  await page.getByRole('textbox', { name: 'ورودی کش‌شده' }).fill('0.1');
  await page.getByRole('textbox', { name: 'خروجی' }).fill('1.6');
  await page.getByRole('button', { name: 'ذخیره ارائه‌دهنده' }).click();

  await expect(page.getByText('اکنون از ارائه‌دهنده اختصاصی سازمان استفاده می‌شود؛ کلید:')).toBeVisible();
  await expect(page.getByText('•••• 7Q4z').first()).toBeVisible();
  // The key is never shown again, nor kept in the form.
  await expect(page.getByLabel('کلید API')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('sk-relay-secret');
  const stored = await page.request.get(`/bff/api/organizations/${organizationId}/ai-provider`);
  expect(await stored.json()).toMatchObject({ baseUrl: 'http://127.0.0.1:9/v1', apiKeyLast4: '7Q4z' });
  expect(await stored.text()).not.toContain('sk-relay-secret');
  await snap(page, 'ai-provider');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'بازگشت به ارائه‌دهنده پیش‌فرض' }).click();
  await page.getByRole('button', { name: 'بله، کلید و تنظیمات حذف شود' }).click();
  await expect(page.getByText('اکنون از ارائه‌دهنده پیش‌فرض Contexor استفاده می‌شود.')).toBeVisible();
  expect((await page.request.get(`/bff/api/organizations/${organizationId}/ai-provider`)).status()).toBe(404);
});
