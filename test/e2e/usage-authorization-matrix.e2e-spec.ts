import request from 'supertest';
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
import { createProject } from '../support/content-helpers';

/**
 * Every route of the usage context, called by every kind of caller. Outsiders (signed in, not
 * members) get 404 on organization routes, members with a lesser role 403 FORBIDDEN, and a refused
 * change changes nothing.
 */

type Persona = 'anonymous' | 'outsider' | 'VIEWER' | 'EDITOR' | 'ADMIN';
type Needs = 'signed-in' | 'VIEWER' | 'EDITOR' | 'ADMIN';

interface RouteCase {
  route: string;
  needs: Needs;
  call: (caller: Session | undefined) => request.Test;
}

const RANK: Record<Exclude<Needs, 'signed-in'>, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'VIEWER', 'EDITOR', 'ADMIN'];
const ERROR_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function expectedStatus(persona: Persona, route: RouteCase): number {
  if (persona === 'anonymous') return 401;
  if (route.needs === 'signed-in') return 200;
  if (persona === 'outsider') return 404;
  return RANK[persona] >= RANK[route.needs] ? 200 : 403;
}

describe('Usage authorization matrix (HTTP)', () => {
  let t: SmsTestApp;
  let org: OrganizationSummary;
  let projectId: string;
  const callers = {} as Record<Persona, Session | undefined>;

  beforeAll(async () => {
    t = await bootSmsTestApp();
    const admin = await signIn(t);
    org = await createOrganizationAs(t, admin);
    callers.anonymous = undefined;
    callers.ADMIN = admin;
    callers.EDITOR = await signInAsMember(t, admin, org.id, 'EDITOR');
    callers.VIEWER = await signInAsMember(t, admin, org.id, 'VIEWER');
    // An outsider who is ADMIN of an organization of their own: that role must not carry over.
    callers.outsider = await signIn(t);
    await createOrganizationAs(t, callers.outsider);
    const workspace = await request(t.server)
      .post(`${API}/organizations/${org.id}/workspaces`)
      .set(bearer(admin))
      .send({ name: 'بودجه' });
    projectId = (await createProject(t, admin, (workspace.body as { id: string }).id)).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const as = (test: request.Test, caller: Session | undefined) => (caller ? test.set(bearer(caller)) : test);
  const orgPath = (suffix: string) => `${API}/organizations/${org.id}${suffix}`;
  const limitsBody = { monthlyTokenLimit: 123_456, monthlyCostLimitUsd: '7.5', perUserMonthlyTokenLimit: null };

  const routes: RouteCase[] = [
    {
      route: 'GET /organizations/:orgId/usage',
      needs: 'ADMIN',
      call: (c) => as(http().get(orgPath('/usage?groupBy=day')), c),
    },
    {
      route: 'GET /organizations/:orgId/usage/limits',
      needs: 'VIEWER',
      call: (c) => as(http().get(orgPath('/usage/limits')), c),
    },
    {
      route: 'GET /organizations/:orgId/usage/forecast',
      needs: 'ADMIN',
      call: (c) => as(http().get(orgPath('/usage/forecast')), c),
    },
    {
      route: 'PUT /organizations/:orgId/usage/limits',
      needs: 'ADMIN',
      call: (c) => as(http().put(orgPath('/usage/limits')).send(limitsBody), c),
    },
    {
      route: 'GET /projects/:projectId/usage/limits',
      needs: 'VIEWER',
      call: (c) => as(http().get(`${API}/projects/${projectId}/usage/limits`), c),
    },
    {
      route: 'PUT /projects/:projectId/usage/limits',
      needs: 'ADMIN',
      call: (c) =>
        as(
          http()
            .put(`${API}/projects/${projectId}/usage/limits`)
            .send({ monthlyTokenLimit: 654_321, monthlyCostLimitUsd: null }),
          c,
        ),
    },
    { route: 'GET /me/usage', needs: 'signed-in', call: (c) => as(http().get(`${API}/me/usage`), c) },
  ];

  describe.each(routes)('$route (needs $needs)', (route) => {
    it.each(PERSONAS)('answers %s with the expected status and error body', async (persona) => {
      const status = expectedStatus(persona, route);
      const response = await route.call(callers[persona]);

      expect(response.status).toBe(status);
      if (status >= 400) {
        expect(response.body).toEqual({
          statusCode: status,
          code: ERROR_CODES[status],
          message: expect.any(String),
          details: expect.any(Object),
          requestId: expect.any(String),
        });
      }
    });
  });

  it('changes nothing when EDITOR, VIEWER or an outsider tries to set the limits', async () => {
    const before = (await http().get(orgPath('/usage/limits')).set(bearer(callers.ADMIN!))).body as Record<
      string,
      unknown
    >;
    for (const persona of ['outsider', 'VIEWER', 'EDITOR'] as const) {
      const response = await http()
        .put(orgPath('/usage/limits'))
        .set(bearer(callers[persona]!))
        .send({ monthlyTokenLimit: 1, monthlyCostLimitUsd: '0.01', perUserMonthlyTokenLimit: 1, calendar: 'jalali' });
      expect([403, 404]).toContain(response.status);
    }
    const after = (await http().get(orgPath('/usage/limits')).set(bearer(callers.ADMIN!))).body as Record<
      string,
      unknown
    >;
    expect(after).toEqual(before);
  });

  it('answers an id that cannot exist, and an organization that does not, exactly like an outsider’s (404)', async () => {
    for (const id of ['not-a-uuid', '3f0c2a1e-8a55-4c8e-9d6b-1c2f3e4d5a6b']) {
      const response = await http().get(`${API}/organizations/${id}/usage/limits`).set(bearer(callers.ADMIN!));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    }
  });
});
