import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

describe('loggableError', () => {
  it('keeps a failed query’s statement and codes but none of its values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_users_phone"'), {
      code: '23505',
      constraint: 'uq_users_phone',
      table: 'users',
      detail: 'Key (phone)=(+989121234567) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO users (phone, name) VALUES ($1, $2)',
      ['+989121234567', 'مریم'],
      driverError,
    );

    const logged = loggableError(error);

    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      constraint: 'uq_users_phone',
      table: 'users',
      query: 'INSERT INTO users (phone, name) VALUES ($1, $2)',
    });
    const text = JSON.stringify(logged);
    expect(text).not.toContain('989121234567');
    expect(text).not.toContain('مریم');
  });

  it('drops the quoted values PostgreSQL puts in its messages', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "جستجوی محرمانه"'), { code: '22P02' });
    expect(JSON.stringify(loggableError(error))).not.toContain('محرمانه');
  });

  it('keeps an ordinary error as it is: type, message, stack and code', () => {
    const error = Object.assign(new TypeError('x is not a function'), { code: 'ERR_X' });
    expect(loggableError(error)).toMatchObject({ type: 'TypeError', message: 'x is not a function', code: 'ERR_X' });
    expect(loggableError(error).stack).toContain('TypeError');
  });
});
