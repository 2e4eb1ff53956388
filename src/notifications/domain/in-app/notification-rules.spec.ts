import { audienceOf, thresholdSmsText, type Recipient } from './notification-rules';

const admin: Recipient = { userId: 'a', phone: '+989121111111', role: 'ADMIN' };
const secondAdmin: Recipient = { userId: 'b', phone: '+989122222222', role: 'ADMIN' };
const editor: Recipient = { userId: 'e', phone: '+989123333333', role: 'EDITOR' };
const members = [admin, secondAdmin, editor];
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, organizationId: 'o', data });

describe('audienceOf', () => {
  it('tells every ADMIN of a usage threshold, in the app and by SMS', () => {
    expect(audienceOf(event('usage.threshold_reached'), members)).toEqual({
      inApp: [admin, secondAdmin],
      sms: [admin, secondAdmin],
    });
  });

  it("also tells the member concerned of their own limit's threshold, in the app only, and only once when an ADMIN", () => {
    const own = (userId: string) => event('usage.threshold_reached', { limit: 'user', metric: 'tokens', userId });
    expect(audienceOf(own('e'), members)).toEqual({ inApp: [admin, secondAdmin, editor], sms: [admin, secondAdmin] });
    expect(audienceOf(own('b'), members)).toEqual({ inApp: [admin, secondAdmin], sms: [admin, secondAdmin] });
    // A member who left is told nothing; the ADMINs still are.
    expect(audienceOf(own('gone'), members)).toEqual({ inApp: [admin, secondAdmin], sms: [admin, secondAdmin] });
    // An event of an organization limit tells only the ADMINs, whoever made the call that crossed it.
    expect(
      audienceOf(event('usage.threshold_reached', { limit: 'organization', metric: 'tokens', userId: 'e' }), members),
    ).toEqual({ inApp: [admin, secondAdmin], sms: [admin, secondAdmin] });
  });

  it('tells the author of a content of its approval, rejection or failed generation, in the app only', () => {
    for (const type of ['content.approved', 'content.rejected', 'content.generation_failed'])
      expect(audienceOf(event(type, { createdBy: 'e' }), members)).toEqual({ inApp: [editor], sms: [] });
  });

  it('tells every ADMIN of an overdue review, in the app only (the author, an EDITOR, is not told)', () => {
    expect(audienceOf(event('content.review_overdue', { createdBy: 'e' }), members)).toEqual({
      inApp: [admin, secondAdmin],
      sms: [],
    });
  });

  it('tells nobody when the author has left the organization, or of other events', () => {
    expect(audienceOf(event('content.approved', { createdBy: 'gone' }), members)).toEqual({ inApp: [], sms: [] });
    expect(audienceOf(event('content.generated', { createdBy: 'e' }), members)).toEqual({ inApp: [], sms: [] });
  });
});

describe('thresholdSmsText', () => {
  it('says which limit reached which threshold, in Persian digits, without names or figures', () => {
    const text = (limit: string, metric: string, threshold: number) => thresholdSmsText({ limit, metric, threshold });
    expect(text('organization', 'tokens', 80)).toBe('کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ سازمان رسید.');
    expect(text('organization', 'cost', 100)).toBe('کانتکسور: مصرف به ۱۰۰٪ سقف هزینهٔ ماهانهٔ سازمان رسید.');
    expect(text('user', 'tokens', 80)).toBe('کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ یک کاربر رسید.');
    expect(text('project', 'tokens', 80)).toBe('کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ یک پروژه رسید.');
    expect(text('project', 'cost', 100)).toBe('کانتکسور: مصرف به ۱۰۰٪ سقف هزینهٔ ماهانهٔ یک پروژه رسید.');
    expect(text('something', 'new', 80)).toBe('کانتکسور: مصرف به ۸۰٪ یکی از سقف‌های مصرف رسید.');
  });

  it('reads events announced before they named the limit by whose and what (the setting in `limit`)', () => {
    expect(thresholdSmsText({ limit: 'monthlyTokenLimit', threshold: 80 })).toBe(
      'کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ سازمان رسید.',
    );
    expect(thresholdSmsText({ limit: 'monthlyCostLimitUsd', threshold: 100 })).toBe(
      'کانتکسور: مصرف به ۱۰۰٪ سقف هزینهٔ ماهانهٔ سازمان رسید.',
    );
    expect(thresholdSmsText({ limit: 'perUserMonthlyTokenLimit', threshold: 80 })).toBe(
      'کانتکسور: مصرف به ۸۰٪ سقف توکن ماهانهٔ یک کاربر رسید.',
    );
  });
});
