import { Phone, PhoneInvalidError } from './phone';

describe('Phone', () => {
  it.each([
    ['09121234567'],
    ['+989121234567'],
    ['00989121234567'],
    ['989121234567'],
    ['9121234567'],
    ['0912 123 4567'],
    ['0912-123-4567'],
    ['+98 (912) 123-4567'],
    ['۰۹۱۲۱۲۳۴۵۶۷'],
    ['۰۹۱۲ ۱۲۳ ۴۵۶۷'],
    ['٠٩١٢١٢٣٤٥٦٧'],
    ['+۹۸۹۱۲۱۲۳۴۵۶۷'],
    ['\u200e0912\u200c123\u200f4567'],
  ])('normalises %j to E.164', (input) => {
    expect(Phone.parse(input).e164).toBe('+989121234567');
  });

  it.each([
    [''],
    ['12345'],
    ['02112345678'],
    ['0912123456'],
    ['091212345678'],
    ['+19121234567'],
    ['0912abc4567'],
    ['+98 21 1234 5678'],
  ])('refuses %j with PHONE_INVALID', (input) => {
    expect(() => Phone.parse(input)).toThrow(PhoneInvalidError);
    expect(() => Phone.parse(input)).toThrow(expect.objectContaining({ code: 'PHONE_INVALID', kind: 'invalid' }));
  });

  it('gives the national form Kavenegar expects', () => {
    expect(Phone.parse('+989351112233').national).toBe('09351112233');
  });

  it('masks all but the prefix and last two digits for logs', () => {
    const masked = Phone.parse('09121234567').masked;
    expect(masked).toBe('+98912*****67');
    expect(masked).not.toContain('1234');
  });
});
