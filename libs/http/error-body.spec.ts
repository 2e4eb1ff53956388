import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { DomainError } from '#libs/ddd';
import { toErrorResponse, UNAVAILABLE_RETRY_AFTER_SECONDS } from './error-body';

describe('toErrorResponse', () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['limit', 402],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['rate_limited', 429],
  ] as const)('maps a %s domain error to %i with its code', (kind, status) => {
    const { body } = toErrorResponse(new DomainError('SOME_CODE', kind, 'msg', { a: 1 }), 'req-1');
    expect(body).toEqual({
      statusCode: status,
      code: 'SOME_CODE',
      message: 'msg',
      details: { a: 1 },
      requestId: 'req-1',
    });
  });

  it('sends Retry-After in whole seconds', () => {
    const { headers } = toErrorResponse(new DomainError('OTP_COOLDOWN', 'rate_limited', 'wait', {}, 41.2), 'r');
    expect(headers['retry-after']).toBe('42');
  });

  it('names unknown routes ROUTE_NOT_FOUND', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'), 'r').body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('recognises Fastify body errors wrapped by Nest', () => {
    const tooLarge = new HttpException('too large', 413, {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
    });
    expect(toErrorResponse(tooLarge, 'r').body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    const badJson = new BadRequestException('bad', {
      cause: Object.assign(new SyntaxError('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
    });
    expect(toErrorResponse(badJson, 'r').body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });

  it('hides unexpected errors behind 500 INTERNAL without their message', () => {
    const response = toErrorResponse(new TypeError('secret internals at /srv/app.js:10'), 'r');
    expect(response.unexpected).toBe(true);
    expect(response.body).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
    expect(JSON.stringify(response.body)).not.toContain('secret internals');
  });

  describe('when PostgreSQL or Redis did not answer in time', () => {
    const statementTimeout = new QueryFailedError(
      'SELECT * FROM contents WHERE id = $1',
      ['9f0c…'],
      Object.assign(new DatabaseError('canceling statement due to statement timeout', 0, 'error'), { code: '57014' }),
    );

    it.each([
      ['a pool acquire timeout', new Error('timeout exceeded when trying to connect')],
      ['a statement timeout wrapped by TypeORM', statementTimeout],
      ['an ioredis command timeout', new Error('Command timed out')],
    ])('answers 503 SERVICE_UNAVAILABLE with Retry-After for %s', (_, error) => {
      const response = toErrorResponse(error, 'req-9');
      expect(response.body).toEqual({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/try again/i) as unknown,
        details: {},
        requestId: 'req-9',
      });
      expect(response.headers['retry-after']).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      expect(response.unavailable).toBe(true);
      expect(response.unexpected).toBe(false);
    });

    it('never sends the driver text or the query', () => {
      const sent = JSON.stringify(toErrorResponse(statementTimeout, 'r').body);
      expect(sent).not.toContain('canceling statement');
      expect(sent).not.toContain('contents');
    });

    it('keeps other errors out of it', () => {
      expect(toErrorResponse(new TypeError('boom'), 'r')).toMatchObject({ unavailable: false, headers: {} });
    });
  });
});
