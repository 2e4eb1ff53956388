import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { PORTS } from '../playwright.config';

export function randomPhone(): string {
  return `0912${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

export function persian(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCharCode(0x06f0 + Number(digit)));
}

async function codeFor(phone: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { code } = (await (await fetch(`http://127.0.0.1:${PORTS.control}/codes/${encodeURIComponent(phone)}`)).json()) as { code: string | null };
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No code reached the fake Kavenegar for ${phone}`);
}

/** Signs in through the page, typing the phone in Persian digits and the code the fake Kavenegar received. */
export async function signIn(page: Page, phone: string): Promise<void> {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('شماره موبایل').fill(persian(phone));
  await page.getByRole('button', { name: 'دریافت کد' }).click();
  await expect(page.getByText(/اعتبار کد/)).toBeVisible();
  await page.getByLabel('کد ۶ رقمی').fill(persian(await codeFor(phone)));
  await page.getByRole('button', { name: 'ورود', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/**
 * A write through the dashboard's BFF as the page's signed-in user (the request shares the
 * browser context's cookies), for setting up what a test reads rather than clicking it together.
 */
export async function bffPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  const response = await page.request.post(`/bff/api/${path}`, { data: body, headers: { 'x-contexor-csrf': '1' } });
  expect(response.ok(), `POST ${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** An organization (the user its ADMIN), a workspace in it and a project in that. */
export async function createProject(page: Page, names: { organization: string; workspace: string; project: string }): Promise<{ organizationId: string; workspaceId: string; projectId: string }> {
  const organization = await bffPost<{ id: string }>(page, 'organizations', { name: names.organization });
  const workspace = await bffPost<{ id: string }>(page, `organizations/${organization.id}/workspaces`, { name: names.workspace });
  const project = await bffPost<{ id: string }>(page, `workspaces/${workspace.id}/projects`, { name: names.project });
  return { organizationId: organization.id, workspaceId: workspace.id, projectId: project.id };
}

/** Moves focus with Tab alone until `target` has it: fails when the page does not let the keyboard reach it. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${limit} presses`);
}

/** Signs in with the keyboard alone: Tab to each field, type, Enter to submit. */
export async function signInWithKeyboard(page: Page, phone: string): Promise<void> {
  await page.goto('/sign-in');
  await tabTo(page, page.getByLabel('شماره موبایل'));
  await page.keyboard.type(persian(phone));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/اعتبار کد/)).toBeVisible();
  await tabTo(page, page.getByLabel('کد ۶ رقمی'));
  await page.keyboard.type(persian(await codeFor(phone)));
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/sign-in/);
}

/** Saves the page at phone and laptop widths into test-output/screenshots (git ignores it). */
export async function snap(page: Page, name: string): Promise<void> {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    // Charts follow their container's size a moment after it changes.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-output/screenshots/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** No serious or critical axe-core violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * The codes an authenticator app with `secret` shows, one per call, each from a later 30 s step
 * than the one before: the API takes a step's code once, and only the current step ±1, so a call
 * that has run out of steps waits for the next one.
 */
export function authenticatorCodes(secret: string): () => Promise<string> {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  let last = -Infinity;
  return async () => {
    for (;;) {
      const now = Math.floor(Date.now() / 30_000);
      const step = Math.max(last + 1, now);
      if (step <= now + 1) {
        last = step;
        return totp.generate({ timestamp: step * 30_000 });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
}
