import { describe, expect, it } from 'vitest';
import { liveGenerationReducer, type LiveAction, type LiveGeneration } from './live-generation';

const event = (name: string, data: unknown): LiveAction => ({ type: 'event', event: { event: name, data } });
const run = (actions: LiveAction[], from: LiveGeneration = null) => actions.reduce(liveGenerationReducer, from);

describe('liveGenerationReducer', () => {
  it('starts empty when the generation starts and appends each delta in order', () => {
    expect(run([event('status', { status: 'IN_PROGRESS' })])).toEqual({ text: '', streaming: true });
    expect(run([event('status', { status: 'IN_PROGRESS' }), event('delta', { text: 'گوشی ' }), event('delta', { text: 'Ava 5 ' }), event('delta', { text: 'آمد.\n' })])).toEqual({
      text: 'گوشی Ava 5 آمد.\n',
      streaming: true,
    });
  });

  it('keeps the text once the generation settles, until the final body is shown', () => {
    const settled = run([event('status', { status: 'IN_PROGRESS' }), event('delta', { text: 'متن' }), event('status', { status: 'REVIEW' })]);
    expect(settled).toEqual({ text: 'متن', streaming: false });
    expect(liveGenerationReducer(settled, { type: 'shown' })).toBeNull();
  });

  it('follows a stream joined midway, and ignores a status when nothing was streaming', () => {
    expect(run([event('delta', { text: 'ادامهٔ متن' })])).toEqual({ text: 'ادامهٔ متن', streaming: true });
    expect(run([event('status', { status: 'REVIEW' })])).toBeNull();
    expect(run([event('heartbeat', {})], { text: 'x', streaming: true })).toEqual({ text: 'x', streaming: true });
  });
});
