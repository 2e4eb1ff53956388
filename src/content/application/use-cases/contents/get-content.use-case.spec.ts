import type { Caller } from '#libs/ddd';
import type { GlossaryEntry } from '../../../domain/style';
import type { ContentView } from '../../ports/content.repository';
import { StyledContentReader } from '../../ports/styled-content-reader';
import { GetContentUseCase } from './get-content.use-case';

const ZWNJ = '\u200c';
const caller = { userId: 'u1', organizationId: 'org-1', role: 'VIEWER' } as Caller;

class StubReader extends StyledContentReader {
  content = { id: 'c1', currentVersion: 1, body: 'این کار انجام می شود.' } as ContentView;
  glossary: GlossaryEntry[] = [];
  async findViewWithGlossary(organizationId: string, contentId: string) {
    return organizationId === 'org-1' && contentId === 'c1'
      ? { content: { ...this.content }, glossary: [...this.glossary] }
      : undefined;
  }
}

describe('GetContentUseCase', () => {
  let reader: StubReader;
  let useCase: GetContentUseCase;

  beforeEach(() => {
    reader = new StubReader();
    useCase = new GetContentUseCase(reader);
  });

  it('answers the content with the style issues of its body', async () => {
    const content = await useCase.execute(caller, 'c1');
    expect(content.style.issues).toEqual([{ rule: 'zwnj-mi', start: 14, end: 20, suggestion: `می${ZWNJ}شود` }]);
  });

  it('checks a version once (the same report comes back), and again for a new version or another glossary', async () => {
    const first = (await useCase.execute(caller, 'c1')).style;
    expect((await useCase.execute(caller, 'c1')).style).toBe(first);

    reader.content = { ...reader.content, currentVersion: 2, body: `این کار انجام می${ZWNJ}شود.` };
    const second = (await useCase.execute(caller, 'c1')).style;
    expect(second.issues).toEqual([]);

    reader.glossary = [{ term: 'کار', preferred: 'فعالیت', forbidden: true }];
    const third = (await useCase.execute(caller, 'c1')).style;
    expect(third.issues.map((issue) => issue.rule)).toEqual(['glossary-forbidden']);
    expect((await useCase.execute(caller, 'c1')).style).toBe(third);
  });

  it('answers 404 for a content of another organization', async () => {
    await expect(useCase.execute({ ...caller, organizationId: 'org-2' }, 'c1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
