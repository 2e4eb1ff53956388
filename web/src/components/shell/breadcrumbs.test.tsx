import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Breadcrumbs } from './breadcrumbs';
import { apiAnswers, CONTENT_1, ORG_A, PROJECT_1, renderWithClient, stubApi, WS_A1 } from './test-api';

let pathname = '/';
vi.mock('next/navigation', () => ({ usePathname: () => pathname }));
vi.mock('next/link', async () => ({ default: (await import('./test-api')).PlainLink }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Breadcrumbs', () => {
  it('draws a content page’s trail from the content and its project, names in their own direction, the content the current page', async () => {
    pathname = `/contents/${CONTENT_1}`;
    const answers = apiAnswers();
    const api = stubApi(answers);
    // The content page rendered its content and its project on the server; the shell reads what it does not have.
    renderWithClient(<Breadcrumbs />, { [`contents/${CONTENT_1}`]: answers[`contents/${CONTENT_1}`], [`projects/${PROJECT_1}`]: answers[`projects/${PROJECT_1}`] });

    const trail = screen.getByRole('navigation', { name: 'مسیر صفحه' });
    const current = await within(trail).findByText('معرفی گوشی Ava 5');
    await within(trail).findByText('کمپین Black Friday');
    await within(trail).findByText('تحریریه Q4');
    const items = within(trail).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['خانه', 'نشر آوا ACME', 'تحریریه Q4', 'کمپین Black Friday', 'معرفی گوشی Ava 5']);
    expect(trail.querySelector('ol')).not.toBeNull();

    expect(current.tagName).toBe('BDI');
    expect(current.getAttribute('dir')).toBe('auto');
    expect(current.closest('[aria-current="page"]')).not.toBeNull();
    expect(within(trail).getByRole('link', { name: 'کمپین Black Friday' }).getAttribute('href')).toBe(`/projects/${PROJECT_1}`);
    expect(within(trail).getByRole('link', { name: 'تحریریه Q4' }).getAttribute('href')).toBe(`/?org=${ORG_A}&workspace=${WS_A1}`);
    expect(within(trail).getByRole('link', { name: 'نشر آوا ACME' }).getAttribute('href')).toBe(`/?org=${ORG_A}`);
    expect(within(trail).getAllByRole('link')).toHaveLength(4);
    expect(api.paths()).toEqual(expect.arrayContaining(['me', `organizations/${ORG_A}/workspaces`]));
    // Never the page's own reads: asking (or only creating their cache entries) before the page's server data is hydrated would leave the page loading.
    expect(api.paths()).not.toContain(`contents/${CONTENT_1}`);
    expect(api.paths()).not.toContain(`projects/${PROJECT_1}`);
  });

  it('names the prompts page’s workspace from its organization’s list', async () => {
    pathname = `/workspaces/${WS_A1}/prompts`;
    stubApi(apiAnswers());
    renderWithClient(<Breadcrumbs />);
    const trail = screen.getByRole('navigation', { name: 'مسیر صفحه' });
    await within(trail).findByText('تحریریه Q4');
    expect(within(trail).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['خانه', 'نشر آوا ACME', 'تحریریه Q4', 'پرامپت‌ها']);
    expect(within(trail).getByText('پرامپت‌ها').getAttribute('aria-current')).toBe('page');
  });

  it('waits for the page’s own read of its content rather than asking for it', async () => {
    pathname = `/contents/${CONTENT_1}`;
    const api = stubApi(apiAnswers());
    renderWithClient(<Breadcrumbs />);
    const trail = screen.getByRole('navigation', { name: 'مسیر صفحه' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.paths()).not.toContain(`contents/${CONTENT_1}`);
    expect(within(trail).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['خانه', '']);
  });

  it('is not drawn on the home page', () => {
    pathname = '/';
    stubApi(apiAnswers());
    renderWithClient(<Breadcrumbs />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
