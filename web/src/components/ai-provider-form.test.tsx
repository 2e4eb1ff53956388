import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AiProviderForm, parsePrice } from './ai-provider-form';

const PROVIDER = {
  baseUrl: 'https://relay.example.ir/v1',
  apiKeyLast4: 'abcd',
  models: [
    {
      id: 'gpt-4.1-mini',
      inputUsdPerMTok: '0.400000',
      cachedInputUsdPerMTok: '0.100000',
      outputUsdPerMTok: '1.600000',
    },
  ],
  updatedAt: '2026-12-07T01:00:00.000Z',
};

const props = { canEdit: true, saving: false, removing: false, error: null, onRemove: vi.fn() };
const type = (name: string, value: string, index = 0) =>
  fireEvent.change(screen.getAllByLabelText(name)[index]!, { target: { value } });

describe('AiProviderForm', () => {
  afterEach(cleanup);

  it('sends the base URL, the key and the models, prices typed in Persian digits as decimal strings', () => {
    const onSave = vi.fn();
    render(<AiProviderForm provider={null} {...props} onSave={onSave} />);

    expect(screen.getByText('اکنون از ارائه‌دهنده پیش‌فرض Contexor استفاده می‌شود.')).toBeTruthy();
    type('نشانی پایه (Base URL)', ' https://relay.example.ir/v1 ');
    type('کلید API', 'sk-relay-0123456789');
    type('شناسه مدل', 'gpt-4.1-mini');
    type('ورودی', '۰٫۴');
    type('ورودی کش‌شده', '0.1');
    type('خروجی', '1.6');
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره ارائه‌دهنده' }));

    expect(onSave).toHaveBeenCalledWith({
      baseUrl: 'https://relay.example.ir/v1',
      apiKey: 'sk-relay-0123456789',
      models: [{ id: 'gpt-4.1-mini', inputUsdPerMTok: '0.4', cachedInputUsdPerMTok: '0.1', outputUsdPerMTok: '1.6' }],
    });
  });

  it('shows a saved key only as •••• and its last 4 characters, and asks for it again before saving', () => {
    const onSave = vi.fn();
    render(<AiProviderForm provider={PROVIDER} {...props} onSave={onSave} />);

    expect(screen.getByText('•••• abcd')).toBeTruthy();
    expect((screen.getByLabelText('کلید API') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('کلید API') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره ارائه‌دهنده' }));

    expect(screen.getByText('کلید API را وارد کنید (دست‌کم ۸ نویسه).')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('refuses a duplicate model, a bad price, a non-http URL and an empty model list', () => {
    const onSave = vi.fn();
    render(<AiProviderForm provider={PROVIDER} {...props} onSave={onSave} />);
    type('کلید API', 'sk-relay-0123456789');
    type('نشانی پایه (Base URL)', 'ftp://relay.example.ir');
    fireEvent.click(screen.getByRole('button', { name: 'افزودن مدل' }));
    type('شناسه مدل', 'GPT-4.1-mini', 1);
    type('ورودی', '-1', 1);
    fireEvent.click(screen.getByRole('button', { name: 'ذخیره ارائه‌دهنده' }));

    expect(screen.getByText('یک نشانی http یا https وارد کنید.')).toBeTruthy();
    expect(screen.getByText('این مدل تکراری است.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'حذف مدل «GPT-4.1-mini»' }));
    fireEvent.click(screen.getByRole('button', { name: 'حذف مدل «gpt-4.1-mini»' }));
    expect(screen.getByText('دست‌کم یک مدل لازم است.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('returns to the deployment’s provider only after a confirmation', () => {
    const onRemove = vi.fn();
    render(<AiProviderForm provider={PROVIDER} {...props} onRemove={onRemove} onSave={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'بازگشت به ارائه‌دهنده پیش‌فرض' }));
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'بله، کلید و تنظیمات حذف شود' }));
    expect(onRemove).toHaveBeenCalledTimes(1);
  });

  it('reads prices as the API accepts them: 0 … 10 000 with at most 6 decimals', () => {
    expect(parsePrice('۱۲٫۵')).toBe('12.5');
    expect(parsePrice('0')).toBe('0');
    expect(parsePrice('10000')).toBe('10000');
    expect(parsePrice('10000.01')).toBeUndefined();
    expect(parsePrice('0.0000001')).toBeUndefined();
    expect(parsePrice('')).toBeUndefined();
  });
});
