import request from 'supertest';
import { DataSource } from 'typeorm';
import { Clock } from '#libs/ddd';
import {
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  signIn,
  signInAsMember,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import { seedUsageRecords, type UsageRecordSeed } from '../support/usage-records';

/**
 * GET /organizations/:orgId/usage/forecast against hand-computed fixtures. The usage records are
 * inserted straight into usage_records (its trigger keeps the daily roll-up, as a settle does) so
 * that they fall on chosen days, and the application's Clock is held at a chosen instant for the
 * forecast call only.
 */
describe('Usage forecast (HTTP)', () => {
  let t: SmsTestApp;
  let dataSource: DataSource;
  let admin: Session;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    dataSource = t.app.get(DataSource);
    admin = await signIn(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const forecastPath = (orgId: string) => `${API}/organizations/${orgId}/usage/forecast`;

  /** The forecast as the app computes it at `now`. */
  async function forecastAt(now: string, orgId: string, caller: Session = admin): Promise<request.Response> {
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(now));
    try {
      return await http().get(forecastPath(orgId)).set(bearer(caller));
    } finally {
      clock.mockRestore();
    }
  }

  async function organizationWithLimits(limits: {
    monthlyTokenLimit: number | null;
    monthlyCostLimitUsd: string | null;
    calendar: 'gregorian' | 'jalali';
  }): Promise<string> {
    const org = await createOrganizationAs(t, admin);
    const put = await http()
      .put(`${API}/organizations/${org.id}/usage/limits`)
      .set(bearer(admin))
      .send({ ...limits, perUserMonthlyTokenLimit: null });
    expect(put.status).toBe(200);
    return org.id;
  }

  const record = (organizationId: string, createdAt: string, tokens: number, costMicros: number): UsageRecordSeed => ({
    organizationId,
    createdAt,
    promptTokens: tokens - Math.floor(tokens / 4),
    completionTokens: Math.floor(tokens / 4),
    costMicros,
  });

  /**
   * November 2026 (gregorian, 30 days), now 2026-11-15T12:00Z. Nov 1–7: 1 000 tokens and 1 000 µ$ a day;
   * Nov 8–14: 3 000 of each a day (Nov 10 in two records); today until now: 500 of each. October 31 is
   * another period. used = 7 000 + 21 000 + 500 = 28 500. Trailing week: 21 000 ÷ 7 = 3 000 a day;
   * period so far: 28 000 ÷ 14 = 2 000 a day; burn = ½ × 3 000 + ½ × 2 000 = 2 500 a day (and µ$).
   * 15.5 days remain: projected = 28 500 + 2 500 × 15.5 = 67 250.
   */
  const NOVEMBER_NOW = '2026-11-15T12:00:00Z';
  const novemberRecords = (orgId: string): UsageRecordSeed[] => [
    record(orgId, '2026-10-31T10:00:00Z', 900_000, 900_000),
    ...[1, 2, 3, 4, 5, 6, 7].map((d) => record(orgId, `2026-11-0${d}T10:00:00Z`, 1_000, 1_000)),
    ...[8, 9, 11, 12, 13, 14].map((d) =>
      record(orgId, `2026-11-${String(d).padStart(2, '0')}T10:00:00Z`, 3_000, 3_000),
    ),
    record(orgId, '2026-11-10T00:00:00Z', 1_000, 1_000),
    record(orgId, '2026-11-10T23:59:59Z', 2_000, 2_000),
    record(orgId, '2026-11-15T09:00:00Z', 500, 500),
  ];

  it('projects the period from half the trailing week and half the period so far, and names the limit that runs out first', async () => {
    // cost: (40 000 − 28 500) µ$ ÷ 2 500 µ$ a day = 4.6 days = 4 d 14 h 24 min after now;
    // tokens: (53 500 − 28 500) ÷ 2 500 = 10 days, later.
    const orgId = await organizationWithLimits({
      monthlyTokenLimit: 53_500,
      monthlyCostLimitUsd: '0.04',
      calendar: 'gregorian',
    });
    await seedUsageRecords(dataSource, novemberRecords(orgId));

    const response = await forecastAt(NOVEMBER_NOW, orgId);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      used: { tokens: 28_500, costUsd: '0.028500' },
      projected: { tokens: 67_250, costUsd: '0.067250' },
      burnPerDay: { tokens: 2_500, costUsd: '0.002500' },
      exhaustsAt: '2026-11-20T02:24:00.000Z',
      exhaustsLimit: 'cost',
      limit: { monthlyTokenLimit: 53_500, monthlyCostLimitUsd: '0.040000' },
    });
  });

  it('answers the time of the request when a limit is already reached', async () => {
    const orgId = await organizationWithLimits({
      monthlyTokenLimit: 20_000,
      monthlyCostLimitUsd: null,
      calendar: 'gregorian',
    });
    await seedUsageRecords(dataSource, novemberRecords(orgId));

    const response = await forecastAt(NOVEMBER_NOW, orgId);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      used: { tokens: 28_500, costUsd: '0.028500' },
      exhaustsAt: '2026-11-15T12:00:00.000Z',
      exhaustsLimit: 'tokens',
      limit: { monthlyTokenLimit: 20_000, monthlyCostLimitUsd: null },
    });
  });

  it('on the first day of a jalali month, burns at the rate of the 7 Tehran days before it; unlimited never runs out', async () => {
    // 1 Azar 1405 starts 2026-11-21T20:30Z (midnight Tehran); now is 10:00 Tehran that day. Tehran days
    // 15–21 November used 2 000 tokens and 1 000 µ$ each (the 21st in two records, one at 23:30 Tehran);
    // the 14th is older than the week. Today: one record at 00:30 Tehran, 300 tokens and 100 µ$.
    // 29 d 14 h remain (29.583 33 days): 300 + 2 000 × 29.583 33 = 59 466.67 → 59 467 tokens;
    // 100 + 1 000 × 29.583 33 = 29 683.33 → 29 683 µ$.
    const orgId = await organizationWithLimits({
      monthlyTokenLimit: null,
      monthlyCostLimitUsd: null,
      calendar: 'jalali',
    });
    await seedUsageRecords(dataSource, [
      record(orgId, '2026-11-14T08:00:00Z', 99_999, 99_999),
      ...[15, 16, 17, 18, 19, 20].map((d) => record(orgId, `2026-11-${d}T08:00:00Z`, 2_000, 1_000)),
      record(orgId, '2026-11-21T08:00:00Z', 1_000, 500),
      record(orgId, '2026-11-21T20:00:00Z', 1_000, 500),
      record(orgId, '2026-11-21T21:00:00Z', 300, 100),
    ]);

    const response = await forecastAt('2026-11-22T06:30:00Z', orgId);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      period: { start: '2026-11-21T20:30:00.000Z', end: '2026-12-21T20:30:00.000Z' },
      used: { tokens: 300, costUsd: '0.000100' },
      projected: { tokens: 59_467, costUsd: '0.029683' },
      burnPerDay: { tokens: 2_000, costUsd: '0.001000' },
      exhaustsAt: null,
      exhaustsLimit: null,
      limit: { monthlyTokenLimit: null, monthlyCostLimitUsd: null },
    });
  });

  it('answers an organization without usage with zeros and no exhaustion', async () => {
    const org = await createOrganizationAs(t, admin);
    const response = await forecastAt(NOVEMBER_NOW, org.id);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      used: { tokens: 0, costUsd: '0.000000' },
      projected: { tokens: 0, costUsd: '0.000000' },
      burnPerDay: { tokens: 0, costUsd: '0.000000' },
      exhaustsAt: null,
      limit: { monthlyTokenLimit: null, monthlyCostLimitUsd: null },
    });
  });

  it('is for ADMINs: EDITOR and VIEWER get 403, another organization’s ADMIN 404', async () => {
    const org = await createOrganizationAs(t, admin);
    const editor = await signInAsMember(t, admin, org.id, 'EDITOR');
    const viewer = await signInAsMember(t, admin, org.id, 'VIEWER');
    const outsider = await signIn(t);
    await createOrganizationAs(t, outsider);

    for (const caller of [editor, viewer]) {
      const response = await http().get(forecastPath(org.id)).set(bearer(caller));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    const foreign = await http().get(forecastPath(org.id)).set(bearer(outsider));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
  });
});
