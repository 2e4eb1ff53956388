import { ConfigError, loadConfig } from '#libs/config';
import { priceTableFrom, UsageModule } from './usage.module';

describe('USAGE_PRICES', () => {
  it('extends the list prices', () => {
    const table = priceTableFrom({
      usagePriceOverrides: { 'gpt-5-mini': { input: '0.25', cachedInput: '0.025', output: '2.00' } },
    });
    expect(table.models).toContain('gpt-5-mini');
    expect(table.models).toContain('gpt-4.1-mini');
  });

  it('turns a malformed entry into a one-line ConfigError naming the variable and the entry', () => {
    let thrown: unknown;
    try {
      priceTableFrom({ usagePriceOverrides: { 'gpt-4o': { input: '2.5', cachedInput: '1.25' } } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).message).toBe(
      'Invalid configuration: USAGE_PRICES gpt-4o.output must be a decimal string of USD per million tokens, like "0.40"',
    );
    expect((thrown as ConfigError).stack).toBe((thrown as ConfigError).message);
  });
});

describe('UsageModule.forRole', () => {
  it('gives one config the same module object, so a context that imports it does not mount a second copy', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(UsageModule.forRole(config)).toBe(UsageModule.forRole(config));
    expect(UsageModule.forRole(loadConfig({ NODE_ENV: 'test' }))).not.toBe(UsageModule.forRole(config));
  });
});
