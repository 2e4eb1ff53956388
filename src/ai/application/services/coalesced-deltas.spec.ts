import { CoalescedDeltas } from './coalesced-deltas';

describe('CoalescedDeltas', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Lets the chained sends run (each is a few promise steps behind the last). */
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };

  const recorder = () => {
    const sent: string[] = [];
    return { sent, deltas: new CoalescedDeltas(async (text) => void sent.push(text), 50) };
  };

  it('sends the first piece at once and the pieces of each following 50 ms window as one', async () => {
    const { sent, deltas } = recorder();
    deltas.add('سلام');
    await settle();
    expect(sent).toEqual(['سلام']);

    for (const word of [' ', 'دنیا', '،', ' ', 'چطوری']) deltas.add(word);
    expect(sent).toEqual(['سلام']);
    jest.advanceTimersByTime(50);
    await settle();
    expect(sent).toEqual(['سلام', ' دنیا، چطوری']);
  });

  it('grows with the duration, not the token count: 1 000 pieces in 200 ms make at most 5 sends', async () => {
    const { sent, deltas } = recorder();
    for (let i = 0; i < 1000; i++) {
      deltas.add('x');
      if (i % 250 === 249) jest.advanceTimersByTime(50);
    }
    await deltas.flush();
    expect(sent.join('')).toBe('x'.repeat(1000));
    expect(sent.length).toBeLessThanOrEqual(5);
  });

  it('flush sends what is pending, in order, and resolves once it has been sent', async () => {
    const { sent, deltas } = recorder();
    deltas.add('a');
    deltas.add('b');
    deltas.add('c');
    await deltas.flush();
    expect(sent).toEqual(['a', 'bc']);
  });

  it('stop drops what is pending', async () => {
    const { sent, deltas } = recorder();
    deltas.add('a');
    deltas.add('b');
    deltas.stop();
    jest.advanceTimersByTime(100);
    await settle();
    expect(sent).toEqual(['a']);
  });
});
