import { offsetOf, pageRequest } from './pagination';

describe('pageRequest', () => {
  it('defaults to the first page of 20', () => {
    expect(pageRequest()).toEqual({ page: 1, limit: 20 });
  });

  it('caps the page size at 100', () => {
    expect(pageRequest(2, 5000)).toEqual({ page: 2, limit: 100 });
  });

  it('computes the row offset', () => {
    expect(offsetOf({ page: 3, limit: 20 })).toBe(40);
  });
});
