import { makeProject, T0 } from '../../../test/factories/content.factory';
import { assertProjectDeletable } from './project';

describe('Project', () => {
  it('trims its name and keeps a description', () => {
    expect(makeProject({ name: '  کمپین پاییز  ', description: 'توضیح' }).snapshot()).toMatchObject({
      name: 'کمپین پاییز',
      description: 'توضیح',
    });
  });

  it('renames, and clears the description with null or blank', () => {
    const project = makeProject();
    const later = new Date(T0.getTime() + 1000);
    project.revise({ name: 'نام تازه', description: null }, later);
    expect(project.snapshot()).toMatchObject({ name: 'نام تازه', description: null, updatedAt: later });
    project.revise({ description: 'دوباره' }, later);
    project.revise({ description: '  ' }, later);
    expect(project.snapshot().description).toBeNull();
  });

  it('leaves absent fields as they are', () => {
    const project = makeProject({ description: 'بماند' });
    project.revise({ name: 'فقط نام' }, T0);
    expect(project.snapshot().description).toBe('بماند');
  });

  it('refuses a blank name', () => {
    expect(() => makeProject({ name: ' ' })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('may be deleted unless one of its contents is being generated (CONTENT_BUSY)', () => {
    expect(() =>
      assertProjectDeletable([
        { id: 'a', status: 'DRAFT' },
        { id: 'b', status: 'APPROVED' },
      ]),
    ).not.toThrow();
    expect(() =>
      assertProjectDeletable([
        { id: 'a', status: 'DRAFT' },
        { id: 'b', status: 'IN_PROGRESS' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'CONTENT_BUSY', details: { contentId: 'b' } }));
  });
});
