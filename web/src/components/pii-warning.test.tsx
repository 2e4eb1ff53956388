import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePiiScan } from '@/lib/use-pii-scan';
import { PiiWarning } from './pii-warning';

const DRAFT = 'کد ملی مشتری ۰۰۷۹۴۲۵۱۹۴ است و با موبایل ۰۹۱۲۳۴۵۶۷۸۹ تماس بگیرید.';
const REDACTED = 'کد ملی مشتری [کد ملی] است و با موبایل [شماره همراه] تماس بگیرید.';
const ID_AT = DRAFT.indexOf('۰۰۷۹');
const PHONE_AT = DRAFT.indexOf('۰۹۱۲');
const FINDINGS = [
  { type: 'IR_NATIONAL_ID', start: ID_AT, end: ID_AT + 10 },
  { type: 'IR_PHONE', start: PHONE_AT, end: PHONE_AT + 11 },
];

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function withQueries(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('PiiWarning', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      const text = (JSON.parse(String(init?.body ?? '{}')) as { text?: string }).text ?? '';
      if (url === '/bff/api/pii/redact') return json(200, { text: text === DRAFT ? REDACTED : text, findings: FINDINGS });
      if (url === '/bff/api/pii/scan') return json(200, text === DRAFT ? { found: true, findings: FINDINGS } : { found: false, findings: [] });
      return json(404, { code: 'NOT_FOUND' });
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists each finding with its Persian name and the text around it, the finding highlighted', () => {
    render(withQueries(<PiiWarning text={DRAFT} findings={FINDINGS} draft={DRAFT} onRedact={() => undefined} />));

    const warning = screen.getByTestId('pii-warning');
    expect(warning.getAttribute('role')).toBe('status');
    expect(within(warning).getByText('این پیش‌نویس ۲ مورد داده شخصی دارد؛ پیش از ذخیره بررسی کنید:')).toBeTruthy();
    const items = [...warning.querySelectorAll('li')];
    expect(items.map((item) => item.dataset.piiFinding)).toEqual(['IR_NATIONAL_ID', 'IR_PHONE']);
    expect(items.map((item) => item.querySelector('span')?.textContent)).toEqual(['کد ملی', 'موبایل']);
    expect(items.map((item) => item.querySelector('mark')?.textContent)).toEqual(['۰۰۷۹۴۲۵۱۹۴', '۰۹۱۲۳۴۵۶۷۸۹']);
    expect(items[0]?.querySelector('bdi')?.textContent).toBe('کد ملی مشتری ۰۰۷۹۴۲۵۱۹۴ است و با موبایل …');
    expect(items[0]?.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
  });

  it('says the findings are those of the version just saved', () => {
    render(withQueries(<PiiWarning saved text={DRAFT} findings={FINDINGS.slice(1)} draft={DRAFT} onRedact={() => undefined} />));

    expect(screen.getByText('نسخه تازه ذخیره شد، اما ۱ مورد داده شخصی دارد:')).toBeTruthy();
  });

  it('replaces the draft with its redacted text from POST /pii/redact', async () => {
    const onRedact = vi.fn();
    render(withQueries(<PiiWarning text={DRAFT} findings={FINDINGS} draft={DRAFT} onRedact={onRedact} />));

    fireEvent.click(screen.getByRole('button', { name: 'پوشاندن داده‌های شخصی' }));

    await waitFor(() => expect(onRedact).toHaveBeenCalledWith(REDACTED));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/bff/api/pii/redact');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json', 'x-contexor-csrf': '1' });
    expect(JSON.parse(String(init?.body))).toEqual({ text: DRAFT });
  });

  it('shows nothing without findings', () => {
    const { container } = render(withQueries(<PiiWarning text="سلام" findings={[]} draft="سلام" onRedact={() => undefined} />));

    expect(container.innerHTML).toBe('');
  });
});

describe('usePiiScan', () => {
  const fetchMock = vi.fn<typeof fetch>();

  function Scanned({ text, enabled = true }: { text: string; enabled?: boolean }) {
    const scanned = usePiiScan(text, { enabled, delayMs: 30 });
    return <output data-testid="scanned">{scanned ? `${scanned.findings.length}:${scanned.text}` : 'none'}</output>;
  }

  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (_input, init) => {
      const { text } = JSON.parse(String(init?.body)) as { text: string };
      return json(200, text === DRAFT ? { found: true, findings: FINDINGS } : { found: false, findings: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('scans the text it starts with at once, then once typing pauses, through the BFF, not on every keystroke', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const view = render(
      <QueryClientProvider client={client}>
        <Scanned text="کد" />
      </QueryClientProvider>,
    );
    for (const typed of ['کد ملی', 'کد ملی مشتری', DRAFT])
      view.rerender(
        <QueryClientProvider client={client}>
          <Scanned text={typed} />
        </QueryClientProvider>,
      );

    await waitFor(() => expect(screen.getByTestId('scanned').textContent).toBe(`2:${DRAFT}`));
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/bff/api/pii/scan', '/bff/api/pii/scan']);
    expect(fetchMock.mock.calls.map(([, init]) => JSON.parse(String(init?.body)))).toEqual([{ text: 'کد' }, { text: DRAFT }]);
  });

  it('scans nothing while disabled or blank', async () => {
    render(withQueries(<Scanned text={DRAFT} enabled={false} />));
    render(withQueries(<Scanned text="   " />));

    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('scanned').map((node) => node.textContent)).toEqual(['none', 'none']);
  });
});
