import { toErrorResponse } from '#libs/http';
import { ModelUnknownError, UsageLimitExceededError } from './usage.errors';

describe('usage errors on the wire', () => {
  it('sends USAGE_LIMIT_EXCEEDED as 402 naming whose limit and which setting, with used, reserved and requested in details', () => {
    const error = new UsageLimitExceededError({
      limit: 'organization',
      setting: 'monthlyCostLimitUsd',
      limitValue: '10.000000',
      used: '9.500000',
      reserved: '0.400000',
      requested: '0.200000',
      period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
    });
    const { body } = toErrorResponse(error, 'req-1');
    expect(body).toEqual({
      statusCode: 402,
      code: 'USAGE_LIMIT_EXCEEDED',
      message: expect.stringContaining('monthly cost limit'),
      details: {
        limit: 'organization',
        setting: 'monthlyCostLimitUsd',
        limitValue: '10.000000',
        used: '9.500000',
        reserved: '0.400000',
        requested: '0.200000',
        period: expect.any(Object),
      },
      requestId: 'req-1',
    });
  });

  it('sends MODEL_UNKNOWN as 400', () => {
    expect(toErrorResponse(new ModelUnknownError('gpt-9', ['gpt-4o']), 'req-2').body).toMatchObject({
      statusCode: 400,
      code: 'MODEL_UNKNOWN',
      details: { model: 'gpt-9' },
    });
  });
});
