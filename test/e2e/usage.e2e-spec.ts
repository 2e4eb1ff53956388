import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { periodContaining } from '../../src/usage/application/services/usage-periods';
import {
  ReleaseGenerationBudgetUseCase,
  ReserveGenerationBudgetUseCase,
  SettleGenerationUsageUseCase,
} from '../../src/usage';
import { startAppProcess } from '../support/app-process';
import {
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  signIn,
  signInAsMember,
  type OrganizationSummary,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';
import { seedUsageRecords } from '../support/usage-records';

function expectError(response: request.Response, statusCode: number, code: string): void {
  expect(response.status).toBe(statusCode);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    statusCode,
    code,
    message: expect.any(String),
    details: expect.any(Object),
    requestId: response.headers['x-request-id'],
  });
}

const fieldsOf = (response: request.Response) =>
  (response.body.details.fields as { field: string }[]).map((f) => f.field);
const MONEY = /^\d+\.\d{6}$/;

describe('Usage and limits (HTTP)', () => {
  let t: SmsTestApp;
  let dataSource: DataSource;
  let admin: Session;
  let editor: Session;
  let org: OrganizationSummary;

  // Seeds go just after the start of the current period, so they belong to it whenever the test runs.
  const now = new Date();
  const period = periodContaining(now, 'gregorian');
  const inPeriod = (minutes: number) => new Date(period.start.getTime() + minutes * 60_000);

  beforeAll(async () => {
    // A deployment price for a model the list does not have, as USAGE_PRICES would set it.
    t = await bootSmsTestApp({
      USAGE_PRICES: JSON.stringify({ 'fa-writer-1': { input: '1.00', cachedInput: '0.50', output: '2.00' } }),
    });
    dataSource = t.app.get(DataSource);
    admin = await signIn(t);
    org = await createOrganizationAs(t, admin);
    editor = await signInAsMember(t, admin, org.id, 'EDITOR');
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const usagePath = (orgId: string, query = '') => `${API}/organizations/${orgId}/usage${query}`;
  const limitsPath = (orgId: string) => `${API}/organizations/${orgId}/usage/limits`;
  const newOrganization = () => createOrganizationAs(t, admin);

  describe('GET /organizations/:orgId/usage', () => {
    it('reports the current period by default: totals in SQL, costs as 6-decimal strings', async () => {
      const o = await newOrganization();
      await seedUsageRecords(dataSource, [
        {
          organizationId: o.id,
          userId: editor.user.id,
          promptTokens: 1_000,
          cachedTokens: 200,
          completionTokens: 300,
          reasoningTokens: 120,
          costMicros: 420,
          createdAt: inPeriod(1),
        },
        {
          organizationId: o.id,
          userId: admin.user.id,
          promptTokens: 10,
          completionTokens: 5,
          costMicros: 1_500_000,
          createdAt: inPeriod(2),
        },
        {
          organizationId: o.id,
          promptTokens: 99,
          completionTokens: 99,
          costMicros: 99,
          createdAt: new Date(period.start.getTime() - 1),
        },
      ]);

      const response = await http().get(usagePath(o.id)).set(bearer(admin));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        totals: {
          requests: 2,
          promptTokens: 1_010,
          cachedPromptTokens: 200,
          cachedTokens: 200,
          completionTokens: 305,
          reasoningTokens: 120,
          totalTokens: 1_315,
          costUsd: '1.500420',
        },
        groups: [],
        from: period.start.toISOString(),
        to: period.end.toISOString(),
        groupBy: null,
        calendar: 'gregorian',
      });
    });

    it('groups by day, user, model and project', async () => {
      const o = await newOrganization();
      const project = randomUUID();
      await seedUsageRecords(dataSource, [
        {
          organizationId: o.id,
          userId: editor.user.id,
          projectId: project,
          model: 'gpt-4o',
          costMicros: 300,
          createdAt: inPeriod(10),
        },
        {
          organizationId: o.id,
          userId: editor.user.id,
          projectId: project,
          model: 'gpt-4.1-mini',
          costMicros: 100,
          createdAt: inPeriod(24 * 60 + 10),
        },
        {
          organizationId: o.id,
          userId: admin.user.id,
          model: 'gpt-4.1-mini',
          costMicros: 50,
          createdAt: inPeriod(24 * 60 + 20),
        },
      ]);
      const get = async (groupBy: string) => {
        const response = await http()
          .get(usagePath(o.id, `?groupBy=${groupBy}&from=${period.start.toISOString()}&to=${period.end.toISOString()}`))
          .set(bearer(admin));
        expect(response.status).toBe(200);
        expect(response.body.totals).toMatchObject({ requests: 3, costUsd: '0.000450' });
        return (response.body.groups as { key: string; requests: number; costUsd: string }[]).map((g) => [
          g.key,
          g.requests,
          g.costUsd,
        ]);
      };
      const day = (minutes: number) => inPeriod(minutes).toISOString().slice(0, 10);

      expect(await get('day')).toEqual([
        [day(10), 1, '0.000300'],
        [day(24 * 60 + 10), 2, '0.000150'],
      ]);
      expect(await get('user')).toEqual([
        [editor.user.id, 2, '0.000400'],
        [admin.user.id, 1, '0.000050'],
      ]);
      expect(await get('model')).toEqual([
        ['gpt-4o', 1, '0.000300'],
        ['gpt-4.1-mini', 2, '0.000150'],
      ]);
      expect((await get('project'))[0]).toEqual([project, 2, '0.000400']);
    });

    it('accepts Persian digits in dates', async () => {
      const response = await http()
        .get(usagePath(org.id, `?from=${encodeURIComponent('۲۰۲۶-۰۱-۰۱')}&to=2026-01-31`))
        .set(bearer(admin));
      expect(response.status).toBe(200);
      expect(response.body.from).toBe('2026-01-01T00:00:00.000Z');
      expect(response.body.to).toBe('2026-02-01T00:00:00.000Z');
    });

    it.each([
      ['from=2026-13-01', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-11-01T10:00:00', 'from'],
      ['groupBy=week', 'groupBy'],
      ['from=2026-11-10&to=2026-11-01', 'to'],
      ['from=2024-01-01&to=2026-01-01', 'to'],
      ['page=2', 'page'],
    ])('refuses ?%s with 400 VALIDATION_FAILED naming %s', async (query, field) => {
      const response = await http()
        .get(usagePath(org.id, `?${query}`))
        .set(bearer(admin));
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toContain(field);
    });

    it('is for ADMINs: 403 FORBIDDEN for an EDITOR, 404 for an outsider', async () => {
      expectError(await http().get(usagePath(org.id)).set(bearer(editor)), 403, 'FORBIDDEN');
      const outsider = await signIn(t);
      expectError(await http().get(usagePath(org.id)).set(bearer(outsider)), 404, 'NOT_FOUND');
    });
  });

  describe('GET and PUT /organizations/:orgId/usage/limits', () => {
    it('starts unlimited on Gregorian months, with this period’s use', async () => {
      const o = await newOrganization();
      await seedUsageRecords(dataSource, [
        { organizationId: o.id, promptTokens: 70, completionTokens: 30, costMicros: 420, createdAt: inPeriod(5) },
      ]);

      const response = await http().get(limitsPath(o.id)).set(bearer(admin));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        monthlyTokenLimit: null,
        monthlyCostLimitUsd: null,
        perUserMonthlyTokenLimit: null,
        calendar: 'gregorian',
        period: { start: period.start.toISOString(), end: period.end.toISOString() },
        used: { tokens: 100, costUsd: '0.000420' },
        reserved: { tokens: 0, costUsd: '0.000000' },
        updatedAt: null,
        updatedBy: null,
      });
    });

    it('sets limits and calendar (ADMIN), shows them to members, and audits the change once', async () => {
      const o = await newOrganization();
      const viewer = await signInAsMember(t, admin, o.id, 'VIEWER');

      const put = await http().put(limitsPath(o.id)).set(bearer(admin)).set('X-Request-Id', `limits-${o.id}`).send({
        monthlyTokenLimit: 1_000_000,
        monthlyCostLimitUsd: '۲۵.۵',
        perUserMonthlyTokenLimit: 200_000,
        calendar: 'jalali',
      });

      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({
        monthlyTokenLimit: 1_000_000,
        monthlyCostLimitUsd: '25.500000',
        perUserMonthlyTokenLimit: 200_000,
        calendar: 'jalali',
        used: { tokens: 0, costUsd: '0.000000' },
        updatedBy: admin.user.id,
        updatedAt: expect.any(String),
      });
      const jalali = periodContaining(new Date(), 'jalali');
      expect(put.body.period).toEqual({ start: jalali.start.toISOString(), end: jalali.end.toISOString() });

      const seen = await http().get(limitsPath(o.id)).set(bearer(viewer));
      expect(seen.status).toBe(200);
      expect(seen.body).toEqual(put.body);

      // The same settings again, calendar left out (kept): nothing to audit.
      const again = await http()
        .put(limitsPath(o.id))
        .set(bearer(admin))
        .send({ monthlyTokenLimit: 1_000_000, monthlyCostLimitUsd: '25.5', perUserMonthlyTokenLimit: 200_000 });
      expect(again.body).toEqual(put.body);

      const audit = await http().get(`${API}/organizations/${o.id}/audit-log`).set(bearer(admin));
      const entries = (audit.body.items as { action: string }[]).filter((e) => e.action === 'usage.limits_changed');
      expect(entries).toEqual([
        expect.objectContaining({
          actorId: admin.user.id,
          targetType: 'organization',
          targetId: o.id,
          requestId: `limits-${o.id}`,
          metadata: {
            from: {
              monthlyTokenLimit: null,
              monthlyCostLimitUsd: null,
              perUserMonthlyTokenLimit: null,
              calendar: 'gregorian',
            },
            to: {
              monthlyTokenLimit: 1_000_000,
              monthlyCostLimitUsd: '25.500000',
              perUserMonthlyTokenLimit: 200_000,
              calendar: 'jalali',
            },
          },
        }),
      ]);
    });

    it('takes null back to unlimited', async () => {
      const o = await newOrganization();
      await http()
        .put(limitsPath(o.id))
        .set(bearer(admin))
        .send({ monthlyTokenLimit: 5, monthlyCostLimitUsd: '1', perUserMonthlyTokenLimit: 5 });

      const response = await http()
        .put(limitsPath(o.id))
        .set(bearer(admin))
        .send({ monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        monthlyTokenLimit: null,
        monthlyCostLimitUsd: null,
        perUserMonthlyTokenLimit: null,
      });
    });

    it.each([
      [{ monthlyTokenLimit: -1, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null }, 'monthlyTokenLimit'],
      [{ monthlyTokenLimit: 1.5, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null }, 'monthlyTokenLimit'],
      [{ monthlyTokenLimit: '1000', monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null }, 'monthlyTokenLimit'],
      [{ monthlyTokenLimit: null, monthlyCostLimitUsd: 12.5, perUserMonthlyTokenLimit: null }, 'monthlyCostLimitUsd'],
      [
        { monthlyTokenLimit: null, monthlyCostLimitUsd: '1.0000001', perUserMonthlyTokenLimit: null },
        'monthlyCostLimitUsd',
      ],
      [{ monthlyTokenLimit: null, monthlyCostLimitUsd: '-3', perUserMonthlyTokenLimit: null }, 'monthlyCostLimitUsd'],
      [{ monthlyTokenLimit: null, monthlyCostLimitUsd: null }, 'perUserMonthlyTokenLimit'],
      [
        { monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null, calendar: 'hijri' },
        'calendar',
      ],
      [
        { monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null, dailyLimit: 5 },
        'dailyLimit',
      ],
    ])('refuses %j with 400 VALIDATION_FAILED naming %s', async (body, field) => {
      const response = await http().put(limitsPath(org.id)).set(bearer(admin)).send(body);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(response)).toContain(field);
    });

    it('is set by ADMINs only: 403 FORBIDDEN for an EDITOR', async () => {
      const response = await http()
        .put(limitsPath(org.id))
        .set(bearer(editor))
        .send({ monthlyTokenLimit: 1, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
      expectError(response, 403, 'FORBIDDEN');
    });
  });

  describe('the budget use cases the generation pipeline calls', () => {
    it('reserve, settle and release through the application, priced with USAGE_PRICES, visible in the reports', async () => {
      const o = await newOrganization();
      await http()
        .put(limitsPath(o.id))
        .set(bearer(admin))
        .send({ monthlyTokenLimit: 5_000, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: null });
      const reserve = t.app.get(ReserveGenerationBudgetUseCase);
      const settle = t.app.get(SettleGenerationUsageUseCase);
      const release = t.app.get(ReleaseGenerationBudgetUseCase);

      const reserved = await reserve.execute({
        organizationId: o.id,
        userId: editor.user.id,
        model: 'fa-writer-1',
        promptTokens: 1_000,
        maxTokens: 1_000,
      });
      expect(reserved.worstCaseCost.toDecimalString()).toBe('0.003000');
      const failed = await reserve.execute({
        organizationId: o.id,
        userId: editor.user.id,
        model: 'fa-writer-1',
        promptTokens: 1_000,
        maxTokens: 1_000,
      });
      await release.execute(failed.reservationId);

      const during = await http().get(limitsPath(o.id)).set(bearer(admin));
      expect(during.body.reserved).toEqual({ tokens: 2_000, costUsd: '0.003000' });

      await expect(
        reserve.execute({
          organizationId: o.id,
          userId: editor.user.id,
          model: 'fa-writer-1',
          promptTokens: 1_000,
          maxTokens: 2_001,
        }),
      ).rejects.toMatchObject({
        code: 'USAGE_LIMIT_EXCEEDED',
        details: expect.objectContaining({
          limit: 'organization',
          setting: 'monthlyTokenLimit',
          limitValue: 5_000,
          used: 0,
          reserved: 2_000,
          requested: 3_001,
        }),
      });

      const callKey = `chatcmpl-${randomUUID()}`;
      const call = {
        reservationId: reserved.reservationId,
        callKey,
        organizationId: o.id,
        userId: editor.user.id,
        projectId: randomUUID(),
        contentId: null,
        model: 'fa-writer-1',
      };
      const tokens = { promptTokens: 1_000, cachedTokens: 500, completionTokens: 250, reasoningTokens: 100 };
      const settled = await settle.execute({ ...call, ...tokens });
      expect(settled).toMatchObject({ recorded: true, thresholdsCrossed: [] });
      // 500 × 1.00 + 500 × 0.50 + 250 × 2.00 micro-USD: the 100 reasoning tokens are part of the 250 output tokens
      expect(settled.cost.toDecimalString()).toBe('0.001250');
      await expect(settle.execute({ ...call, ...tokens })).resolves.toMatchObject({ recorded: false });

      const limits = await http().get(limitsPath(o.id)).set(bearer(admin));
      expect(limits.body).toMatchObject({
        used: { tokens: 1_250, costUsd: '0.001250' },
        reserved: { tokens: 0, costUsd: '0.000000' },
      });
      const report = await http().get(usagePath(o.id, '?groupBy=model')).set(bearer(admin));
      expect(report.body.groups).toEqual([
        {
          key: 'fa-writer-1',
          requests: 1,
          promptTokens: 1_000,
          cachedPromptTokens: 500,
          cachedTokens: 500,
          completionTokens: 250,
          reasoningTokens: 100,
          totalTokens: 1_250,
          costUsd: '0.001250',
        },
      ]);
    });

    it('refuses a model without a price with MODEL_UNKNOWN (400)', async () => {
      await expect(
        t.app
          .get(ReserveGenerationBudgetUseCase)
          .execute({ organizationId: org.id, userId: editor.user.id, model: 'gpt-9', promptTokens: 1, maxTokens: 1 }),
      ).rejects.toMatchObject({
        code: 'MODEL_UNKNOWN',
        kind: 'invalid',
      });
    });
  });

  describe('GET /me/usage', () => {
    it("sums the caller's own records this period across organizations, with one entry per organization", async () => {
      const me = await signIn(t);
      const [first, second] = [await createOrganizationAs(t, me), await createOrganizationAs(t, me)];
      await http()
        .put(limitsPath(second.id))
        .set(bearer(me))
        .send({ monthlyTokenLimit: null, monthlyCostLimitUsd: null, perUserMonthlyTokenLimit: 9_000 });
      await seedUsageRecords(dataSource, [
        {
          organizationId: first.id,
          userId: me.user.id,
          promptTokens: 100,
          completionTokens: 20,
          costMicros: 300,
          createdAt: inPeriod(3),
        },
        {
          organizationId: second.id,
          userId: me.user.id,
          promptTokens: 40,
          completionTokens: 10,
          costMicros: 700,
          createdAt: inPeriod(4),
        },
        {
          organizationId: second.id,
          userId: admin.user.id,
          promptTokens: 5_000,
          completionTokens: 0,
          costMicros: 5_000,
          createdAt: inPeriod(4),
        },
      ]);

      const response = await http().get(`${API}/me/usage`).set(bearer(me));

      expect(response.status).toBe(200);
      expect(response.body.totals).toEqual({
        requests: 2,
        promptTokens: 140,
        cachedPromptTokens: 0,
        cachedTokens: 0,
        completionTokens: 30,
        reasoningTokens: 0,
        totalTokens: 170,
        costUsd: '0.001000',
      });
      expect(response.body.organizations).toEqual([
        expect.objectContaining({
          organizationId: second.id,
          calendar: 'gregorian',
          perUserMonthlyTokenLimit: 9_000,
          requests: 1,
          totalTokens: 50,
          costUsd: '0.000700',
        }),
        expect.objectContaining({
          organizationId: first.id,
          perUserMonthlyTokenLimit: null,
          requests: 1,
          totalTokens: 120,
          costUsd: '0.000300',
          period: { start: period.start.toISOString(), end: period.end.toISOString() },
        }),
      ]);
      for (const entry of response.body.organizations as { costUsd: string }[]) expect(entry.costUsd).toMatch(MONEY);
    });

    it('needs a signed-in caller (401)', async () => {
      expectError(await http().get(`${API}/me/usage`), 401, 'UNAUTHENTICATED');
    });
  });

  it('documents every usage route in the OpenAPI document', async () => {
    const response = await http().get('/docs-json');
    const paths = response.body.paths as Record<string, Record<string, { tags?: string[] }>>;
    expect(paths[`${API}/organizations/{orgId}/usage`]?.get?.tags).toEqual(['Usage']);
    expect(Object.keys(paths[`${API}/organizations/{orgId}/usage/limits`] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
    expect(paths[`${API}/me/usage`]?.get).toBeDefined();
    const schemas = response.body.components.schemas as Record<string, unknown>;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'UsageReportResponseDto',
        'UsageLimitsResponseDto',
        'UpdateUsageLimitsDto',
        'MyUsageResponseDto',
      ]),
    );
  });
});

describe('USAGE_PRICES at start-up', () => {
  it('stops start-up with one line naming USAGE_PRICES and the bad entry when it is malformed', async () => {
    const app = startAppProcess('main', {
      USAGE_PRICES: JSON.stringify({ 'gpt-4o': { input: 2.5, cachedInput: '1.25', output: '10' } }),
      DB_MIGRATE_ON_START: 'false',
    });
    expect(await app.exited).toBe(1);
    expect(app.output().trim().split('\n')).toEqual([
      expect.stringMatching(/Invalid configuration: USAGE_PRICES gpt-4o\.input must be a decimal string/),
    ]);
  });
});
