import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNextPath('/projects/1?status=REVIEW')).toBe('/projects/1?status=REVIEW');
    expect(safeNextPath('/contents/%D8%A7')).toBe('/contents/%D8%A7');
  });

  it.each(['//evil.com', '/\\evil.com', '/\\/evil.com', 'https://evil.com', 'javascript:alert(1)', '/\t/evil.com', ' /x', '', null])(
    'sends %j home instead',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});
