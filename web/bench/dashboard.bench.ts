import { test, type Page } from '@playwright/test';
import { bffPost, createProject, randomPhone, signIn } from '../e2e/support';

const LOADS = 20;
/** Loads before measuring: the first ones still warm up the Next.js and API processes (a cold load takes 200-550 ms to its first byte). */
const WARM_UP = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** Gzipped JavaScript a first visit of `path` downloads (what crossed the wire, per response). */
async function scriptBytes(page: Page, path: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  const listener = (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() === 'script') sizes.push(response.request().sizes().then((s) => s.responseBodySize));
  };
  page.on('response', listener);
  // Not 'networkidle': a content page keeps its live event stream open.
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  page.off('response', listener);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

test('dashboard: JavaScript per route and the time to show a list of 100 contents', async ({ browser }) => {
  const setup = await browser.newContext();
  const page = await setup.newPage();
  await signIn(page, randomPhone());
  const { organizationId, projectId } = await createProject(page, { organization: 'بنچمارک', workspace: 'فضا', project: 'پروژه بزرگ' });
  let contentId = '';
  for (let i = 0; i < 100; i += 10) {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, k) => bffPost<{ id: string }>(page, `projects/${projectId}/contents`, { title: `محتوای شماره ${i + k + 1}`, prompt: 'یک متن کوتاه درباره پاییز بنویس' })),
    );
    contentId = created[0]!.id;
  }
  const ids = { org: organizationId, project: projectId, content: contentId };
  const cookies = await setup.cookies();
  await setup.close();

  const routes = ['/sign-in', '/', `/projects/${ids.project}`, `/contents/${ids.content}`, `/organizations/${ids.org}/usage`];
  const rows: string[] = [];
  for (const route of routes) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const fresh = await context.newPage();
    const bytes = await scriptBytes(fresh, route);
    rows.push(`${route.replace(/[0-9a-f-]{36}/g, ':id').padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(8)} kB ${bytes / 1024 <= 200 ? '(within 200 kB)' : '(OVER 200 kB)'}`);
    await context.close();
  }

  const context = await browser.newContext();
  await context.addCookies(cookies);
  const list = await context.newPage();
  // From the first moment of each page: note when the 100th row is in the document and not hidden (a
  // MutationObserver sees rows as the HTML parser inserts them, or as the client renders them).
  await list.addInitScript(() => {
    const record = window as unknown as { __rowsAt?: number };
    new MutationObserver((_, observer) => {
      // Rows streamed into a hidden element wait there to be revealed: they count once visible.
      const rows = document.querySelectorAll('[data-testid="contents-list"] li');
      if (rows.length >= 100 && !rows[99]?.closest('[hidden]')) {
        record.__rowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const timings: number[] = [];
  const parts: { rowsAt: number; paint: number; ttfb: number; html: number }[] = [];
  for (let i = 0; i < WARM_UP + LOADS; i++) {
    await list.goto(`/projects/${ids.project}?limit=100`, { waitUntil: 'commit' });
    await list.getByTestId('contents-list').locator('li').nth(99).waitFor();
    // Shown = in the document and painted: the later of the rows' arrival and the first contentful paint.
    const shown = await list.evaluate(async () => {
      const rowsAt = (window as unknown as { __rowsAt?: number }).__rowsAt ?? performance.now();
      const paint = await new Promise<number>((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0];
        if (entry) return resolve(entry.startTime);
        new PerformanceObserver((entries) => resolve(entries.getEntries()[0]?.startTime ?? performance.now())).observe({ type: 'paint', buffered: true });
      });
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { shown: Math.max(rowsAt, paint), rowsAt, paint, ttfb: nav.responseStart, html: nav.responseEnd };
    });
    if (i >= WARM_UP) {
      timings.push(Math.round(shown.shown));
      parts.push(shown);
    }
    // Loads are independent visits: the page's own follow-up reads finish before the next one starts.
    await list.waitForLoadState('networkidle');
  }
  timings.sort((a, b) => a - b);
  await context.close();
  const median = (key: 'rowsAt' | 'paint' | 'ttfb' | 'html') => Math.round(percentile(parts.map((p) => p[key]).sort((a, b) => a - b), 0.5));

  console.log(`\nGzipped JavaScript loaded by a first visit (limit 200 kB, issue 19):\n${rows.join('\n')}`);
  console.log(`\nContents list of 100 items shown, ${LOADS} loads (from the start of navigation until the 100th row is in the document and painted, page clock; after ${WARM_UP} warm-up loads): p50 ${percentile(timings, 0.5)} ms, p95 ${percentile(timings, 0.95)} ms (budget p95 300 ms)`);
  console.log(`  medians: first byte of the HTML ${median('ttfb')} ms, last byte ${median('html')} ms, 100th row in the document ${median('rowsAt')} ms, first contentful paint ${median('paint')} ms`);
});
