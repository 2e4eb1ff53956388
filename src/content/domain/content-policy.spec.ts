import { makeContent, T0 } from '../../../test/factories/content.factory';
import { normaliseAllowedModels } from './content-policy';

describe('the content policy’s model allow-list', () => {
  it('refuses to start a generation with a model outside the list (400 MODEL_NOT_ALLOWED), leaving the content as it was', () => {
    const content = makeContent({ model: 'gpt-4o' });
    expect(() =>
      content.startGeneration('job-1', T0, { blockPromptsWithPii: false, allowedModels: ['gpt-4.1-mini'] }),
    ).toThrow(
      expect.objectContaining({
        code: 'MODEL_NOT_ALLOWED',
        kind: 'invalid',
        details: { model: 'gpt-4o', allowedModels: ['gpt-4.1-mini'] },
      }),
    );
    expect(content.status).toBe('DRAFT');
  });

  it('starts a generation with a listed model, and with any model when the list is null or empty', () => {
    for (const allowedModels of [['gpt-4o', 'gpt-4.1-mini'], null, []]) {
      const content = makeContent({ model: 'gpt-4.1-mini' });
      content.startGeneration('job-1', T0, { blockPromptsWithPii: false, allowedModels });
      expect(content.status).toBe('IN_PROGRESS');
    }
  });

  it('is stored trimmed, without repeats, and null when empty', () => {
    expect(normaliseAllowedModels([' gpt-4o ', 'gpt-4o', 'gpt-4.1-mini'])).toEqual(['gpt-4o', 'gpt-4.1-mini']);
    expect(normaliseAllowedModels([])).toBeNull();
    expect(normaliseAllowedModels(null)).toBeNull();
    expect(() => normaliseAllowedModels(['  '])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
