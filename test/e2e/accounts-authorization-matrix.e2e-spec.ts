import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  addMember,
  API,
  bearer,
  bootSmsTestApp,
  createOrganizationAs,
  randomPhone,
  signIn,
  signInAsMember,
  toE164,
  type Member,
  type OrganizationSummary,
  type Session,
  type SmsTestApp,
} from '../support/auth-helpers';

/**
 * Every route of the accounts context, called by every kind of caller. Outsiders (signed in, not
 * members) get 404 on organization routes, members with a lesser role 403 FORBIDDEN, and a refused
 * call changes nothing.
 */

type Persona = 'anonymous' | 'outsider' | 'VIEWER' | 'EDITOR' | 'ADMIN';
type Needs = 'signed-in' | 'VIEWER' | 'EDITOR' | 'ADMIN';

interface Attempt {
  response: request.Response;
  /** Whether the call's effect is visible afterwards (for routes that change something). */
  tookEffect?: () => Promise<boolean>;
}

interface RouteCase {
  route: string;
  needs: Needs;
  success: number;
  attempt: (caller: Session | undefined) => Promise<Attempt>;
}

const RANK: Record<Exclude<Needs, 'signed-in'>, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3 };
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'VIEWER', 'EDITOR', 'ADMIN'];
const ERROR_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function expectedStatus(persona: Persona, route: RouteCase): number {
  if (persona === 'anonymous') return 401;
  if (route.needs === 'signed-in') return route.success;
  if (persona === 'outsider') return 404;
  return RANK[persona] >= RANK[route.needs] ? route.success : 403;
}

describe('Accounts authorization matrix (HTTP)', () => {
  let t: SmsTestApp;
  let org: OrganizationSummary;
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
  });

  afterAll(async () => {
    await t?.close();
  });

  const http = () => request(t.server);
  const as = (test: request.Test, caller: Session | undefined) => (caller ? test.set(bearer(caller)) : test);
  const orgPath = (suffix = '') => `${API}/organizations/${org.id}${suffix}`;

  const membersSeenByAdmin = async (): Promise<Member[]> =>
    (await http().get(orgPath('/members')).set(bearer(callers.ADMIN!))).body;
  /** A member made by the ADMIN for one cell only, so that cells never share what they change. */
  const throwawayMember = () => addMember(t, callers.ADMIN!, org.id, randomPhone(), 'VIEWER');

  const routes: RouteCase[] = [
    {
      route: 'GET /me',
      needs: 'signed-in',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(`${API}/me`), caller) }),
    },
    {
      route: 'PATCH /me',
      needs: 'signed-in',
      success: 200,
      attempt: async (caller) => {
        const name = `نام ${randomBytes(3).toString('hex')}`;
        const response = await as(http().patch(`${API}/me`), caller).send({ name });
        return {
          response,
          tookEffect: async () =>
            caller !== undefined && (await http().get(`${API}/me`).set(bearer(caller))).body.name === name,
        };
      },
    },
    {
      route: 'POST /organizations',
      needs: 'signed-in',
      success: 201,
      attempt: async (caller) => ({
        response: await as(http().post(`${API}/organizations`), caller).send({
          name: `Matrix ${randomBytes(4).toString('hex')}`,
        }),
      }),
    },
    {
      route: 'GET /organizations',
      needs: 'signed-in',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(`${API}/organizations`), caller) }),
    },
    {
      route: 'GET /organizations/:orgId',
      needs: 'VIEWER',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(orgPath()), caller) }),
    },
    {
      route: 'GET /organizations/:orgId/members',
      needs: 'VIEWER',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(orgPath('/members')), caller) }),
    },
    {
      route: 'POST /organizations/:orgId/members',
      needs: 'ADMIN',
      success: 201,
      attempt: async (caller) => {
        const phone = randomPhone();
        const response = await as(http().post(orgPath('/members')), caller).send({ phone, role: 'VIEWER' });
        return {
          response,
          tookEffect: async () => (await membersSeenByAdmin()).some((m) => m.phone === toE164(phone)),
        };
      },
    },
    {
      route: 'PATCH /organizations/:orgId/members/:userId',
      needs: 'ADMIN',
      success: 200,
      attempt: async (caller) => {
        const member = await throwawayMember();
        const response = await as(http().patch(orgPath(`/members/${member.userId}`)), caller).send({ role: 'EDITOR' });
        return {
          response,
          tookEffect: async () =>
            (await membersSeenByAdmin()).some((m) => m.userId === member.userId && m.role === 'EDITOR'),
        };
      },
    },
    {
      route: 'DELETE /organizations/:orgId/members/:userId',
      needs: 'ADMIN',
      success: 204,
      attempt: async (caller) => {
        const member = await throwawayMember();
        const response = await as(http().delete(orgPath(`/members/${member.userId}`)), caller);
        return {
          response,
          tookEffect: async () => !(await membersSeenByAdmin()).some((m) => m.userId === member.userId),
        };
      },
    },
    {
      route: 'POST /organizations/:orgId/workspaces',
      needs: 'ADMIN',
      success: 201,
      attempt: async (caller) => {
        const name = `Workspace ${randomBytes(4).toString('hex')}`;
        const response = await as(http().post(orgPath('/workspaces')), caller).send({ name });
        return {
          response,
          tookEffect: async () =>
            ((await http().get(orgPath('/workspaces')).set(bearer(callers.ADMIN!))).body as { name: string }[]).some(
              (w) => w.name === name,
            ),
        };
      },
    },
    {
      route: 'GET /organizations/:orgId/workspaces',
      needs: 'VIEWER',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(orgPath('/workspaces')), caller) }),
    },
    {
      // Turning the rule off needs no authenticator, so every persona reaches the role check.
      route: 'PUT /organizations/:orgId/two-factor',
      needs: 'ADMIN',
      success: 200,
      attempt: async (caller) => ({
        response: await as(http().put(orgPath('/two-factor')), caller).send({ requireAdminTwoFactor: false }),
      }),
    },
    {
      route: 'GET /organizations/:orgId/audit-log',
      needs: 'ADMIN',
      success: 200,
      attempt: async (caller) => ({ response: await as(http().get(orgPath('/audit-log')), caller) }),
    },
  ];

  const cells = routes.flatMap((route) =>
    PERSONAS.map((persona) => [persona, route.route, expectedStatus(persona, route)] as const),
  );

  it.each(cells)('%s → %s → %i', async (persona, routeName, status) => {
    const route = routes.find((r) => r.route === routeName)!;

    const { response, tookEffect } = await route.attempt(callers[persona]);

    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(response.body).toEqual({
        statusCode: status,
        code: ERROR_CODES[status],
        message: expect.any(String),
        details: {},
        requestId: response.headers['x-request-id'],
      });
    }
    if (tookEffect) expect(await tookEffect()).toBe(status < 400);
  });

  it('covers every signed-in route of the Auth and Organizations API', async () => {
    const document = (await http().get('/docs-json')).body as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.tags?.some((tag) => tag === 'Organizations' || tag === 'Auth'))
        .map(([method]) => `${method.toUpperCase()} ${path.replace(API, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const signedIn = documented.filter((route) => !route.includes(' /auth/'));

    expect([...signedIn].sort()).toEqual(routes.map((r) => r.route).sort());
  });
});
