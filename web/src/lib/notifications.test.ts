import { describe, expect, it } from 'vitest';
import { describeNotification, plainText } from './notifications';
import type { AppNotification } from './types';

const ORG = '11111111-1111-4111-8111-111111111111';
const CONTENT = '22222222-2222-4222-8222-222222222222';
const ME = '33333333-3333-4333-8333-333333333333';

const notification = (type: string, data: Record<string, unknown>): AppNotification => ({ id: 'n-1', type, organizationId: ORG, data, createdAt: '2026-11-24T10:00:00.000Z', readAt: null });
const content = (extra: Record<string, unknown>) => ({ contentId: CONTENT, projectId: 'p', workspaceId: 'w', title: 'معرفی گوشی آوا ۵', status: 'APPROVED', version: 3, model: 'gpt-4o-mini', personalDataFound: false, createdBy: ME, ...extra });
const threshold = (limit: string, threshold: number, extra: Record<string, unknown> = {}) => ({
  organizationId: ORG,
  scope: 'organization:tokens',
  limit,
  userId: null,
  threshold,
  limitValue: 100000,
  used: 80000,
  period: { start: '2026-11-21T20:30:00.000Z', end: '2026-12-21T20:30:00.000Z' },
  crossedAt: '2026-11-24T10:00:00.000Z',
  ...extra,
});

describe('describeNotification', () => {
  it('says an approval with the title as the user’s own text, the comment beneath, and links to the content', () => {
    const message = describeNotification(notification('content.approved', content({ approvedBy: 'a', comment: 'برای انتشار آماده است' })));
    expect(plainText(message.sentence)).toBe('محتوای «معرفی گوشی آوا ۵» تأیید شد');
    expect(message.sentence).toContainEqual({ userText: 'معرفی گوشی آوا ۵' });
    expect(message.detail).toEqual({ userText: 'برای انتشار آماده است' });
    expect(message.href).toBe(`/contents/${CONTENT}`);
  });

  it('says a rejection with its reason, or without one', () => {
    const withReason = describeNotification(notification('content.rejected', content({ status: 'REJECTED', rejectedBy: 'a', reason: 'لحن رسمی‌تر باشد' })));
    expect(plainText(withReason.sentence)).toBe('محتوای «معرفی گوشی آوا ۵» رد شد: لحن رسمی‌تر باشد');
    expect(withReason.sentence.at(-1)).toEqual({ userText: 'لحن رسمی‌تر باشد' });
    expect(withReason.href).toBe(`/contents/${CONTENT}`);
    expect(plainText(describeNotification(notification('content.rejected', content({ reason: '  ' }))).sentence)).toBe('محتوای «معرفی گوشی آوا ۵» رد شد');
  });

  it('says a review past its due date, and links to the content', () => {
    const message = describeNotification(notification('content.review_overdue', content({ status: 'REVIEW', reviewDueAt: '2026-11-24T09:00:00.000Z', waitingSince: '2026-11-20T09:00:00.000Z' })));
    expect(plainText(message.sentence)).toBe('موعد بررسی محتوای «معرفی گوشی آوا ۵» گذشت');
    expect(message.sentence).toContainEqual({ userText: 'معرفی گوشی آوا ۵' });
    expect(message.href).toBe(`/contents/${CONTENT}`);
  });

  it('says a failed generation', () => {
    const message = describeNotification(notification('content.generation_failed', content({ status: 'DRAFT', error: { code: 'TIMEOUT', message: 'The AI provider did not answer in time.' } })));
    expect(plainText(message.sentence)).toBe('تولید محتوای «معرفی گوشی آوا ۵» ناموفق بود');
    expect(message.href).toBe(`/contents/${CONTENT}`);
  });

  it('says which limit reached which threshold, in Persian digits, with the usage and a link to the organization’s usage', () => {
    const tokens = describeNotification(notification('usage.threshold_reached', threshold('monthlyTokenLimit', 80)));
    expect(plainText(tokens.sentence)).toBe('مصرف توکن ماهانهٔ سازمان به ۸۰٪ سقف رسید');
    expect(tokens.detail).toBe('۸۰٬۰۰۰ از ۱۰۰٬۰۰۰ توکن');
    expect(tokens.href).toBe(`/organizations/${ORG}/usage`);

    const cost = describeNotification(notification('usage.threshold_reached', threshold('monthlyCostLimitUsd', 100, { scope: 'organization:cost', limitValue: '10.000000', used: '10.250000' })));
    expect(plainText(cost.sentence)).toBe('هزینهٔ ماهانهٔ سازمان به ۱۰۰٪ سقف رسید');
    expect(cost.detail).toBe('$۱۰٫۲۵ از $۱۰٫۰۰');
  });

  it('names the limit by whose it is and what it counts (the event’s limit and metric), the project’s too', () => {
    const said = (limit: string, metric: string, extra: Record<string, unknown> = {}) =>
      describeNotification(notification('usage.threshold_reached', threshold(limit, 80, { metric, ...extra })), ME);
    expect(plainText(said('organization', 'tokens').sentence)).toBe('مصرف توکن ماهانهٔ سازمان به ۸۰٪ سقف رسید');
    expect(plainText(said('organization', 'cost').sentence)).toBe('هزینهٔ ماهانهٔ سازمان به ۸۰٪ سقف رسید');
    expect(plainText(said('user', 'tokens', { userId: ME }).sentence)).toBe('مصرف توکن ماهانهٔ شما به ۸۰٪ سقف هر عضو رسید');
    expect(plainText(said('user', 'tokens', { userId: 'other' }).sentence)).toBe('مصرف توکن ماهانهٔ یکی از اعضا به ۸۰٪ سقف هر عضو رسید');
    expect(plainText(said('project', 'tokens').sentence)).toBe('مصرف توکن ماهانهٔ یک پروژه به ۸۰٪ سقف پروژه رسید');
    const projectCost = said('project', 'cost', { limitValue: '5.000000', used: '4.000000' });
    expect(plainText(projectCost.sentence)).toBe('هزینهٔ ماهانهٔ یک پروژه به ۸۰٪ سقف پروژه رسید');
    expect(projectCost.detail).toBe('$۴٫۰۰ از $۵٫۰۰');
    expect(projectCost.href).toBe(`/organizations/${ORG}/usage`);
    expect(plainText(said('organization', 'minutes').sentence)).toBe('مصرف سازمان به ۸۰٪ یکی از سقف‌ها رسید');
  });

  it('tells the admin’s own per-member limit from another member’s', () => {
    const own = notification('usage.threshold_reached', threshold('perUserMonthlyTokenLimit', 100, { scope: `user:${ME}:tokens`, userId: ME }));
    expect(plainText(describeNotification(own, ME).sentence)).toBe('مصرف توکن ماهانهٔ شما به ۱۰۰٪ سقف هر عضو رسید');
    expect(plainText(describeNotification(own, 'someone-else').sentence)).toBe('مصرف توکن ماهانهٔ یکی از اعضا به ۱۰۰٪ سقف هر عضو رسید');
  });

  it('reads an unknown type as a new notification without a link, and leaves out usage it cannot read', () => {
    const unknown = describeNotification(notification('project.archived', {}));
    expect(plainText(unknown.sentence)).toBe('اعلان تازه');
    expect(unknown.href).toBeUndefined();
    expect(describeNotification(notification('usage.threshold_reached', threshold('monthlyTokenLimit', 80, { used: 'x' }))).detail).toBeUndefined();
  });

  it('links only to ids that are UUIDs', () => {
    expect(describeNotification(notification('content.approved', content({ contentId: '../organizations' }))).href).toBeUndefined();
    expect(describeNotification({ ...notification('usage.threshold_reached', threshold('monthlyTokenLimit', 80)), organizationId: '..' }).href).toBeUndefined();
  });
});
