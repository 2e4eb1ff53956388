import { cleanup, render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { groupSecret } from '@/lib/two-factor';
import { AuthenticatorSetup } from './authenticator-setup';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Contexor:%2B989121234567?issuer=Contexor&secret=${SECRET}&algorithm=SHA1&digits=6&period=30`;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AuthenticatorSetup', () => {
  it('draws the otpauth URI as a QR code in the page itself, module for module', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { container } = render(<AuthenticatorSetup enrolment={{ secret: SECRET, otpauthUri: URI }} />);

    const svg = screen.getByRole('img', { name: 'کد QR برای افزودن کانتکسور به برنامه احراز هویت' });
    const expected = encode(URI, { ecc: 'M', border: 2 });
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${expected.size} ${expected.size}`);
    const drawn = new Set([...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)/g)].map(([, x, y]) => `${x},${y}`));
    const dark = expected.data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : [])));
    expect(drawn).toEqual(new Set(dark));

    // Nothing is fetched for it: the secret is never sent to a QR service.
    expect(fetchMock).not.toHaveBeenCalled();
    expect(container.querySelector('img, image, [src], [href]')).toBeNull();
  });

  it('shows the secret in groups of four, left to right, for typing by hand', () => {
    render(<AuthenticatorSetup enrolment={{ secret: SECRET, otpauthUri: URI }} />);

    const secret = screen.getByTestId('two-factor-secret');
    expect(secret.textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(secret.getAttribute('dir')).toBe('ltr');
  });
});

describe('groupSecret', () => {
  it('groups by four, drops padding and spaces, and leaves a shorter last group', () => {
    expect(groupSecret('abcdefghij==')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCD EFGH')).toBe('ABCD EFGH');
    expect(groupSecret('')).toBe('');
  });
});
