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
