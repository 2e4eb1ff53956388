import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SideNav } from './side-nav';
import { apiAnswers, CONTENT_1, ORG_A, ORG_B, PROJECT_1, renderWithClient, stubApi, WS_A1, WS_A2, WS_B1 } from './test-api';

let pathname = '/';
vi.mock('next/navigation', () => ({ usePathname: () => pathname, useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));
vi.mock('next/link', async () => ({ default: (await import('./test-api')).PlainLink }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const nav = () => screen.getByRole('navigation', { name: 'پیمایش سازمان‌ها' });

describe('SideNav', () => {
  it('opens the branch of the current project: its organization’s pages and workspaces, the workspace’s prompts and projects, the project marked as the page', async () => {
    pathname = `/projects/${PROJECT_1}`;
    const answers = apiAnswers();
    const api = stubApi(answers);
    renderWithClient(<SideNav />, { [`projects/${PROJECT_1}`]: answers[`projects/${PROJECT_1}`] });

    const project = await within(nav()).findByRole('link', { name: 'کمپین Black Friday' });
    expect(project.getAttribute('aria-current')).toBe('page');
    expect(project.getAttribute('href')).toBe(`/projects/${PROJECT_1}`);
    expect(within(nav()).getByRole('link', { name: 'خبرنامه' }).getAttribute('aria-current')).toBeNull();

    const organization = within(nav()).getByRole('button', { name: /نشر آوا ACME/ });
    expect(organization.getAttribute('aria-expanded')).toBe('true');
    expect(organization.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
    // An ADMIN sees every page of the organization.
    const pages = ['مصرف', 'اعضا', 'تحلیل ویرایشی', 'وب‌هوک‌ها', 'گزارش رویدادها', 'تنظیمات'];
    for (const name of pages) expect(within(nav()).getByRole('link', { name }).getAttribute('href')).toMatch(new RegExp(`^/organizations/${ORG_A}/`));
    expect(within(nav()).getByRole('link', { name: 'پرامپت‌ها' }).getAttribute('href')).toBe(`/workspaces/${WS_A1}/prompts`);

    expect(within(nav()).getByRole('button', { name: 'تحریریه Q4' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(nav()).getByRole('button', { name: 'بازاریابی' }).getAttribute('aria-expanded')).toBe('false');
    expect(within(nav()).getByRole('button', { name: /Studio Mehr/ }).getAttribute('aria-expanded')).toBe('false');
    // Projects are read for the opened workspace only; the closed organization's workspaces not at all.
    expect(api.paths()).toContain(`workspaces/${WS_A1}/projects`);
    expect(api.paths()).not.toContain(`workspaces/${WS_A2}/projects`);
    expect(api.paths()).not.toContain(`organizations/${ORG_B}/workspaces`);
    // The project is the page's own read: the shell found it in the cache.
    expect(api.paths()).not.toContain(`projects/${PROJECT_1}`);
  });

  it('shows how many contents wait for review, in Persian digits, with a name that says so', async () => {
    pathname = '/reviews';
    stubApi(apiAnswers());
    renderWithClient(<SideNav />);

    const reviews = await within(nav()).findByRole('link', { name: /^بررسی‌ها\s?۳ در انتظار$/ });
    expect(within(reviews).getByTestId('reviews-count').textContent).toBe('۳');
    expect(reviews.getAttribute('aria-current')).toBe('page');
    expect(within(nav()).getByRole('link', { name: 'خانه' }).getAttribute('aria-current')).toBeNull();
  });

  it('opens a closed organization and then a workspace with their buttons, reading the projects only then; a VIEWER gets no ADMIN pages', async () => {
    pathname = '/';
    const api = stubApi(apiAnswers());
    renderWithClient(<SideNav />);
    expect(within(nav()).getByRole('link', { name: 'خانه' }).getAttribute('aria-current')).toBe('page');

    const studio = await within(nav()).findByRole('button', { name: /Studio Mehr/ });
    expect(studio.textContent).toContain('بیننده');
    fireEvent.click(studio);
    expect(studio.getAttribute('aria-expanded')).toBe('true');
    const group = document.getElementById(studio.getAttribute('aria-controls') ?? '')!;
    expect(within(group).getByRole('link', { name: 'مصرف' }).getAttribute('href')).toBe(`/organizations/${ORG_B}/usage`);
    expect(within(group).queryByRole('link', { name: 'تنظیمات' })).toBeNull();

    const newsroom = await within(group).findByRole('button', { name: 'Newsroom' });
    expect(api.paths()).not.toContain(`workspaces/${WS_B1}/projects`);
    fireEvent.click(newsroom);
    await waitFor(() => expect(api.paths()).toContain(`workspaces/${WS_B1}/projects`));
    expect(await within(group).findByText('هنوز پروژه‌ای نیست؛ از خانه بسازید.')).toBeTruthy();

    fireEvent.click(studio);
    expect(studio.getAttribute('aria-expanded')).toBe('false');
    expect(within(nav()).queryByRole('button', { name: 'Newsroom' })).toBeNull();
  });

  it('on a content page opens its project’s branch without calling the project the page', async () => {
    pathname = `/contents/${CONTENT_1}`;
    const answers = apiAnswers();
    stubApi(answers);
    // The content page rendered its content and its project on the server.
    renderWithClient(<SideNav />, { [`contents/${CONTENT_1}`]: answers[`contents/${CONTENT_1}`], [`projects/${PROJECT_1}`]: answers[`projects/${PROJECT_1}`] });
    const project = await within(nav()).findByRole('link', { name: 'کمپین Black Friday' });
    expect(project.getAttribute('aria-current')).toBeNull();
    expect(within(nav()).queryAllByRole('link').filter((link) => link.getAttribute('aria-current') === 'page')).toHaveLength(0);
  });

  it('marks an organization page as current', async () => {
    pathname = `/organizations/${ORG_A}/members`;
    stubApi(apiAnswers());
    renderWithClient(<SideNav />);
    const members = await within(nav()).findByRole('link', { name: 'اعضا' });
    expect(members.getAttribute('aria-current')).toBe('page');
    expect(within(nav()).getByRole('link', { name: 'مصرف' }).getAttribute('aria-current')).toBeNull();
  });
});
