import { Money, MoneyInvalidError } from './money';

describe('Money', () => {
  it('prints six fractional digits', () => {
    expect(Money.fromMicros(420).toDecimalString()).toBe('0.000420');
    expect(Money.fromMicros(12_500_000).toDecimalString()).toBe('12.500000');
    expect(Money.fromMicros(-1_500_000).toDecimalString()).toBe('-1.500000');
  });

  it('parses decimal strings without floating point error', () => {
    expect(Money.parse('0.1').add(Money.parse('0.2')).toDecimalString()).toBe('0.300000');
    expect(Money.parse('12').micros).toBe(12_000_000n);
    expect(Money.parse('0.000001').micros).toBe(1n);
  });

  it.each([['1.0000001'], ['-1'], ['abc'], ['1e3'], ['']])('refuses %j', (input) => {
    expect(() => Money.parse(input)).toThrow(MoneyInvalidError);
  });

  it('sums a million tiny costs exactly', () => {
    let total = Money.zero;
    const tiny = Money.fromMicros(1);
    for (let i = 0; i < 1_000_000; i += 1) total = total.add(tiny);
    expect(total.toDecimalString()).toBe('1.000000');
  });

  it('serialises to the contract decimal string', () => {
    expect(JSON.stringify({ cost: Money.fromMicros(420) })).toBe('{"cost":"0.000420"}');
  });
});
