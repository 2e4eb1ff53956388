import { describe, expect, it } from 'vitest';
import { webhookProblems } from './webhook-input';

describe('webhookProblems', () => {
  it('takes a trimmed http or https address with at least one event', () => {
    expect(webhookProblems({ url: ' https://hooks.example.ir/اعلان ', events: ['content.approved'] })).toEqual({});
    expect(webhookProblems({ url: 'http://127.0.0.1:9/hook', events: ['content.approved'] })).toEqual({});
  });

  it('refuses another scheme, a non-address and no event, each in Persian', () => {
    expect(webhookProblems({ url: 'ftp://example.ir', events: [] })).toEqual({ url: 'یک نشانی http یا https وارد کنید.', events: 'دست‌کم یک رویداد را انتخاب کنید.' });
    expect(webhookProblems({ url: 'hooks.example.ir', events: ['content.approved'] }).url).toBe('یک نشانی http یا https وارد کنید.');
    expect(webhookProblems({ url: 'https://', events: ['content.approved'] }).url).toBe('یک نشانی http یا https وارد کنید.');
  });
});
