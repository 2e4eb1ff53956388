import { NotFoundError } from '#libs/ddd';
import { ParseVersionNumberPipe } from './parse-version-number.pipe';

describe('ParseVersionNumberPipe', () => {
  const pipe = new ParseVersionNumberPipe();

  it.each([
    ['3', 3],
    ['۱۲', 12],
    ['٤', 4],
    [7, 7],
  ])('reads %p as version %p', (segment, expected) => {
    expect(pipe.transform(segment)).toBe(expected);
  });

  it.each(['0', '-1', '1.5', 'abc', '۰', '01', '9999999999'])('answers %p with not found', (segment) => {
    expect(() => pipe.transform(segment)).toThrow(NotFoundError);
  });
});
