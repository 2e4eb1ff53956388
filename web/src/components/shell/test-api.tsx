// For the shell's tests only: an API answered from a table of paths, and a fresh query cache.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { AnchorHTMLAttributes, ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import { reads } from '@/lib/queries';

export const ORG_A = '11111111-1111-4111-8111-111111111111';
export const ORG_B = '22222222-2222-4222-8222-222222222222';
export const WS_A1 = 'aaaaaaaa-0000-4000-8000-0000000000a1';
export const WS_A2 = 'aaaaaaaa-0000-4000-8000-0000000000a2';
export const WS_B1 = 'bbbbbbbb-0000-4000-8000-0000000000b1';
export const PROJECT_1 = 'cccccccc-0000-4000-8000-000000000001';
export const PROJECT_2 = 'cccccccc-0000-4000-8000-000000000002';
export const CONTENT_1 = 'dddddddd-0000-4000-8000-000000000001';

export const me = {
  id: 'u1',
  phone: '+989123456789',
  name: null as string | null,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [
    { organizationId: ORG_A, organizationName: 'نشر آوا ACME', role: 'ADMIN' },
    { organizationId: ORG_B, organizationName: 'Studio Mehr', role: 'VIEWER' },
  ],
};

/** Answers of the API by path (under /bff/api/); anything else is a 404. */
export function apiAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    me,
    [`organizations/${ORG_A}/workspaces`]: [
      { id: WS_A1, organizationId: ORG_A, name: 'تحریریه Q4', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: WS_A2, organizationId: ORG_A, name: 'بازاریابی', createdAt: '2026-01-01T00:00:00.000Z' },
    ],
    [`organizations/${ORG_B}/workspaces`]: [{ id: WS_B1, organizationId: ORG_B, name: 'Newsroom', createdAt: '2026-01-01T00:00:00.000Z' }],
    [`workspaces/${WS_A1}/projects`]: [
      { id: PROJECT_1, organizationId: ORG_A, workspaceId: WS_A1, name: 'کمپین Black Friday', description: null, createdBy: 'u1', createdAt: '', updatedAt: '' },
      { id: PROJECT_2, organizationId: ORG_A, workspaceId: WS_A1, name: 'خبرنامه', description: null, createdBy: 'u1', createdAt: '', updatedAt: '' },
    ],
    [`workspaces/${WS_B1}/projects`]: [],
    [`projects/${PROJECT_1}`]: { id: PROJECT_1, organizationId: ORG_A, workspaceId: WS_A1, name: 'کمپین Black Friday', description: null, createdBy: 'u1', createdAt: '', updatedAt: '' },
    [`contents/${CONTENT_1}`]: { id: CONTENT_1, projectId: PROJECT_1, workspaceId: WS_A1, title: 'معرفی گوشی Ava 5', status: 'REVIEW' },
    'me/reviews?page=1&limit=1': { items: [], total: 3, page: 1, limit: 1 },
    'me/notifications?limit=1': { items: [], unread: 2 },
    ...overrides,
  };
}

/** Stubs fetch with `answers`; returns the mock to see which paths were read. */
export function stubApi(answers: Record<string, unknown>) {
  const fetchMock = vi.fn<typeof fetch>(async (input) => {
    const path = String(input).replace(/^\/bff\/api\//, '');
    if (path in answers) return new Response(JSON.stringify(answers[path]), { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify({ code: 'NOT_FOUND' }), { status: 404, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, paths: () => fetchMock.mock.calls.map(([input]) => String(input).replace(/^\/bff\/api\//, '')) };
}

/** Renders `ui` with a fresh cache; `pageData` (API path → answer) is put in it as the page around the shell would (its reads, rendered on the server). */
export function renderWithClient(ui: ReactElement, pageData: Record<string, unknown> = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const [path, data] of Object.entries(pageData)) client.setQueryData(keyOfPath(path), data);
  const view = render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
  return { client, ...view, rerender: (next: ReactElement) => view.rerender(<QueryClientProvider client={client}>{next}</QueryClientProvider>) };
}

/** next/link as a plain anchor (no router in jsdom); clicks call onClick and go nowhere. */
export function PlainLink({ href, prefetch: _prefetch, children, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; prefetch?: boolean; children: ReactNode }) {
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        event.preventDefault();
      }}
    >
      {children}
    </a>
  );
}

function keyOfPath(path: string): readonly unknown[] {
  const [kind, id = ''] = path.split('/');
  if (kind === 'contents') return reads.content(id).queryKey;
  if (kind === 'projects') return reads.project(id).queryKey;
  throw new Error(`No page read for ${path}`);
}
