import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { bffPost, createProject, expectAccessible, randomPhone, signIn, snap } from './support';

/** The ceiling for the JavaScript a first visit of any route downloads, gzipped as it crosses the wire. */
const FIRST_LOAD_JS_LIMIT_KB = 200;

const NAMES = { organization: 'نشر آوا ACME', workspace: 'تحریریه Q4', project: 'کمپین Black Friday', content: 'معرفی گوشی Ava 5 برای بازار ایران', prompt: 'قالب معرفی محصول' };

type Route = { name: string; path: string; /** What the page's main shows as the server rendered it: its first read rendered on the server. */ serverText: string | string[] };

/** Gzipped JavaScript (bytes on the wire) a first visit of `path` downloads in a fresh context with the session's cookies. */
async function firstLoadScriptBytes(browser: Browser, cookies: Awaited<ReturnType<BrowserContext['cookies']>>, path: string): Promise<number> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') sizes.push(response.request().sizes().then((s) => s.responseBodySize));
  });
  // Not 'networkidle': a content page keeps its live event stream open.
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return total;
}

/**
 * The page as the server rendered it, without the application's JavaScript: its chunks are refused,
 * so React never runs in the browser and whatever `main` shows came with the HTML (React's inline
 * scripts still place the streamed parts).
 */
async function withoutAppJavaScript(browser: Browser, cookies: Awaited<ReturnType<BrowserContext['cookies']>>, path: string, texts: string[]): Promise<void> {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  const page = await context.newPage();
  const response = await page.goto(path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  for (const text of texts) await expect(page.getByRole('main'), `${path}: rendered on the server`).toContainText(text);
  await context.close();
}

test('every page: its data rendered on the server, screenshots at 1440 and 390 px, axe-clean, breadcrumbs below home, first-load JavaScript within the limit', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, randomPhone());
  const { organizationId, workspaceId, projectId } = await createProject(page, NAMES);
  await bffPost(page, `workspaces/${workspaceId}/prompts`, { name: NAMES.prompt, category: 'marketing', template: 'دربارهٔ {{product}} یک متن کوتاه بنویس.' });
  const content = await bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: NAMES.content, prompt: 'یک متن کوتاه دربارهٔ گوشی Ava 5 بنویس.' });
  await bffPost(page, `contents/${content.id}/generate`, {});
  await expect.poll(async () => ((await (await page.request.get(`/bff/api/contents/${content.id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('REVIEW');

  const org = `/organizations/${organizationId}`;
  const routes: Route[] = [
    { name: 'home', path: '/', serverText: NAMES.workspace },
    { name: 'reviews', path: '/reviews', serverText: NAMES.content },
    { name: 'project', path: `/projects/${projectId}`, serverText: NAMES.content },
    // With the project read on the server too, the actions of the caller's role (it comes from the project's organization) are in the HTML.
    { name: 'content', path: `/contents/${content.id}`, serverText: [NAMES.content, 'تولید متن'] },
    { name: 'prompts', path: `/workspaces/${workspaceId}/prompts`, serverText: NAMES.prompt },
    { name: 'usage', path: `${org}/usage`, serverText: NAMES.organization },
    { name: 'analytics', path: `${org}/analytics`, serverText: NAMES.organization },
    { name: 'members', path: `${org}/members`, serverText: NAMES.organization },
    { name: 'settings', path: `${org}/settings`, serverText: NAMES.organization },
    { name: 'content-policy', path: `${org}/settings/content-policy`, serverText: NAMES.organization },
    { name: 'ai-provider', path: `${org}/settings/ai-provider`, serverText: NAMES.organization },
    { name: 'glossary', path: `${org}/settings/glossary`, serverText: NAMES.organization },
    { name: 'audit-log', path: `${org}/audit-log`, serverText: NAMES.organization },
    { name: 'webhooks', path: `${org}/webhooks`, serverText: NAMES.organization },
    { name: 'security', path: '/settings/security', serverText: 'ورود دومرحله‌ای' },
  ];

  const cookies = await context.cookies();
  const sizes: string[] = [];
  const over: string[] = [];
  for (const route of routes) {
    await test.step(route.name, async () => {
      await withoutAppJavaScript(browser, cookies, route.path, [route.serverText].flat());
      const bytes = await firstLoadScriptBytes(browser, cookies, route.path);
      sizes.push(`${route.name.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(7)} kB`);
      if (bytes / 1024 > FIRST_LOAD_JS_LIMIT_KB) over.push(`${route.name}: ${(bytes / 1024).toFixed(1)} kB`);

      await page.goto(route.path);
      if (route.path !== '/') await expect(page.getByRole('navigation', { name: 'مسیر صفحه' })).toBeVisible();
      await snap(page, `page-${route.name}`);
      await expectAccessible(page);
    });
  }
  console.log(`Gzipped first-load JavaScript per route (limit ${FIRST_LOAD_JS_LIMIT_KB} kB):\n${sizes.join('\n')}`);
  expect(over, `routes over ${FIRST_LOAD_JS_LIMIT_KB} kB of gzipped first-load JavaScript`).toEqual([]);

  await test.step('not found: another organization’s id', async () => {
    await page.goto('/contents/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('پیدا نشد');
    await snap(page, 'page-not-found');
    await expectAccessible(page);
  });

  await test.step('forbidden: a VIEWER on an ADMIN page', async () => {
    const viewerPhone = randomPhone();
    await bffPost(page, `organizations/${organizationId}/members`, { phone: viewerPhone, role: 'VIEWER' });
    const viewerContext = await browser.newContext();
    const viewer = await viewerContext.newPage();
    await signIn(viewer, viewerPhone);
    await viewer.goto(`${org}/webhooks`);
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('نقش شما اجازهٔ دیدن این صفحه را نمی‌دهد');
    await expect(viewer.getByRole('main')).toContainText('از یکی از مدیران سازمان بخواهید');
    await snap(viewer, 'page-forbidden');
    await expectAccessible(viewer);
    await viewerContext.close();
  });

  await test.step('sign-in, signed out', async () => {
    const signedOutContext = await browser.newContext();
    const signedOut = await signedOutContext.newPage();
    await signedOut.goto('/sign-in');
    await snap(signedOut, 'page-sign-in');
    await expectAccessible(signedOut);
    await signedOutContext.close();
  });
  await context.close();
});
