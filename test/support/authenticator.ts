import { Secret, TOTP } from 'otpauth';

const PERIOD_MS = 30_000;

/**
 * An authenticator app in a test: it gives codes the way a user's phone would, never one whose step
 * was already spent (the server accepts each step once), and waits for the next step when the two
 * steps a request can safely use (now and the next one) are both spent.
 */
export class TestAuthenticator {
  private lastStep = -Infinity;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    let now = Date.now();
    let current = Math.floor(now / PERIOD_MS);
    if (this.lastStep >= current + 1) {
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_MS - now + 50));
      now = Date.now();
      current = Math.floor(now / PERIOD_MS);
    }
    // Now or the next step: either still matches if the request crosses a step boundary on its way.
    const step = Math.max(current, this.lastStep + 1);
    this.lastStep = step;
    return this.codeOfStep(step);
  }

  /** The code of this moment, whether or not it was spent (for replay tests). */
  codeOfStep(step: number): string {
    return TOTP.generate({
      secret: Secret.fromBase32(this.secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      timestamp: step * PERIOD_MS,
    });
  }

  get lastUsedStep(): number {
    return this.lastStep;
  }
}
