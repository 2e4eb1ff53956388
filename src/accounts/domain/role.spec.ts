import { isRole, roleSatisfies } from './role';

describe('roles', () => {
  it.each([
    ['ADMIN', 'ADMIN', true],
    ['ADMIN', 'EDITOR', true],
    ['ADMIN', 'VIEWER', true],
    ['EDITOR', 'ADMIN', false],
    ['EDITOR', 'EDITOR', true],
    ['EDITOR', 'VIEWER', true],
    ['VIEWER', 'ADMIN', false],
    ['VIEWER', 'EDITOR', false],
    ['VIEWER', 'VIEWER', true],
  ] as const)('%s satisfies %s: %s', (held, required, expected) => {
    expect(roleSatisfies(held, required)).toBe(expected);
  });

  it('recognises only the three roles', () => {
    expect(isRole('EDITOR')).toBe(true);
    expect(isRole('editor')).toBe(false);
    expect(isRole('OWNER')).toBe(false);
  });
});
