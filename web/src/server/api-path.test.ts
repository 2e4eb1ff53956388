import { describe, expect, it } from 'vitest';
import { apiPathOf } from './api-path';

describe('apiPathOf', () => {
  it('encodes each segment of an ordinary path', () => {
    expect(apiPathOf(['contents', 'a b', 'versions'])).toBe('contents/a%20b/versions');
    expect(apiPathOf(['projects', 'پروژه'])).toBe(`projects/${encodeURIComponent('پروژه')}`);
  });

  it('keeps a literal percent sign inside its segment', () => {
    expect(apiPathOf(['a%2f..'])).toBe('a%252f..');
  });

  it.each([[['..', 'admin']], [['contents', '..', '..', 'metrics']], [['.', 'x']], [['a/b']], [['a\\b']], [['']], [[]]])(
    'refuses %j, which could leave /api/v1',
    (segments) => {
      expect(apiPathOf(segments as string[])).toBeUndefined();
    },
  );
});
