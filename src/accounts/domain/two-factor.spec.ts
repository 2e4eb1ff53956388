import { assertSteppedUp, StepUpRequiredError, TWO_FACTOR_POLICY, TwoFactorEnrolmentRequiredError } from './two-factor';

const now = new Date('2026-12-06T12:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('assertSteppedUp', () => {
  it('lets anyone through when neither the organization nor the user has a second factor', () => {
    expect(() => assertSteppedUp({ organizationRequiresTwoFactor: false, userHasTwoFactor: false }, now)).not.toThrow();
  });

  it('asks an admin of an organization that requires it to enrol first', () => {
    expect(() => assertSteppedUp({ organizationRequiresTwoFactor: true, userHasTwoFactor: false }, now)).toThrow(
      TwoFactorEnrolmentRequiredError,
    );
  });

  it('asks an enrolled user for a step-up even where the organization does not require one', () => {
    expect(() => assertSteppedUp({ organizationRequiresTwoFactor: false, userHasTwoFactor: true }, now)).toThrow(
      StepUpRequiredError,
    );
  });

  it('accepts a step-up up to the maximum age, and not a second later', () => {
    const max = TWO_FACTOR_POLICY.stepUpMaxAgeSeconds;
    const facts = { organizationRequiresTwoFactor: true, userHasTwoFactor: true };
    expect(() => assertSteppedUp({ ...facts, steppedUpAt: secondsAgo(max) }, now)).not.toThrow();
    expect(() => assertSteppedUp({ ...facts, steppedUpAt: secondsAgo(max + 1) }, now)).toThrow(StepUpRequiredError);
  });

  it('tolerates a few seconds of clock skew, not a step-up dated a minute ahead', () => {
    const facts = { organizationRequiresTwoFactor: true, userHasTwoFactor: true };
    expect(() => assertSteppedUp({ ...facts, steppedUpAt: secondsAgo(-5) }, now)).not.toThrow();
    expect(() => assertSteppedUp({ ...facts, steppedUpAt: secondsAgo(-60) }, now)).toThrow(StepUpRequiredError);
  });

  it('says how old a step-up may be', () => {
    expect(new StepUpRequiredError().details).toEqual({ maxAgeSeconds: 600 });
  });
});
