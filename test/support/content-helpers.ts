import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ContentRepository } from '../../src/content/application/ports/content.repository';
import { AI_BODY, SAMPLE_USAGE } from '../factories/content.factory';
import {
  API,
  bearer,
  createOrganizationAs,
  signIn,
  signInAsMember,
  type OrganizationSummary,
  type Session,
  type SmsTestApp,
} from './auth-helpers';

/** An organization with a workspace and one signed-in member of each role, plus an outsider. */
export interface ContentTeam {
  org: OrganizationSummary;
  workspaceId: string;
  admin: Session;
  editor: Session;
  viewer: Session;
  /** Signed in, but not a member of `org`. */
  outsider: Session;
}

export async function setUpContentTeam(t: SmsTestApp): Promise<ContentTeam> {
  const admin = await signIn(t);
  const org = await createOrganizationAs(t, admin, `سازمان ${randomBytes(3).toString('hex')}`);
  const workspace = await request(t.server)
    .post(`${API}/organizations/${org.id}/workspaces`)
    .set(bearer(admin))
    .send({ name: 'بازاریابی' });
  if (workspace.status !== 201)
    throw new Error(`POST workspaces answered ${workspace.status}: ${JSON.stringify(workspace.body)}`);
  const [editor, viewer, outsider] = await Promise.all([
    signInAsMember(t, admin, org.id, 'EDITOR'),
    signInAsMember(t, admin, org.id, 'VIEWER'),
    signIn(t),
  ]);
  return { org, workspaceId: (workspace.body as { id: string }).id, admin, editor, viewer, outsider };
}

async function created<T>(response: request.Response, what: string): Promise<T> {
  if (response.status !== 201) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export interface ProjectBody {
  id: string;
  name: string;
  workspaceId: string;
}

export interface PromptBody {
  id: string;
  template: string;
  variables: string[];
}

export interface ContentBody {
  id: string;
  projectId: string;
  title: string;
  prompt: string;
  body: string | null;
  status: string;
  currentVersion: number | null;
  createdBy: string;
  [field: string]: unknown;
}

export async function createProject(
  t: SmsTestApp,
  as: Session,
  workspaceId: string,
  name = `پروژه ${randomBytes(3).toString('hex')}`,
): Promise<ProjectBody> {
  return created(
    await request(t.server).post(`${API}/workspaces/${workspaceId}/projects`).set(bearer(as)).send({ name }),
    'POST projects',
  );
}

export async function createPrompt(
  t: SmsTestApp,
  as: Session,
  workspaceId: string,
  body: Partial<{ name: string; category: string; template: string }> = {},
): Promise<PromptBody> {
  const prompt = {
    name: 'معرفی محصول',
    category: 'تبلیغات',
    template: 'یک متن کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.',
    ...body,
  };
  return created(
    await request(t.server).post(`${API}/workspaces/${workspaceId}/prompts`).set(bearer(as)).send(prompt),
    'POST prompts',
  );
}

export async function createContent(
  t: SmsTestApp,
  as: Session,
  projectId: string,
  body: Record<string, unknown> = {},
): Promise<ContentBody> {
  const content = { title: 'معرفی گوشی آوا ۵', prompt: 'یک متن کوتاه و صمیمی برای معرفی گوشی «آوا ۵» بنویس.', ...body };
  return created(
    await request(t.server).post(`${API}/projects/${projectId}/contents`).set(bearer(as)).send(content),
    'POST contents',
  );
}

/** Moves the content to IN_PROGRESS for a made-up job, as the generate endpoint does, without queuing it. Returns the job id. */
export async function startGeneration(
  t: SmsTestApp,
  organizationId: string,
  contentId: string,
  jobId = `job-${randomUUID()}`,
): Promise<string> {
  const started = await t.app
    .get(ContentRepository, { strict: false })
    .update(organizationId, contentId, (content) => content.startGeneration(jobId, new Date()));
  if (!started) throw new Error(`content ${contentId} not found`);
  return jobId;
}

/** Runs a whole (pretend) generation, as the generation worker does, without calling a model: the content ends in REVIEW with an "ai" version. */
export async function generate(
  t: SmsTestApp,
  organizationId: string,
  contentId: string,
  byUserId: string,
  body = AI_BODY,
): Promise<void> {
  const jobId = await startGeneration(t, organizationId, contentId);
  await t.app
    .get(ContentRepository, { strict: false })
    .update(organizationId, contentId, (content) =>
      content.completeGeneration(
        { jobId, body, model: 'gpt-4.1-mini-2025-04-14', usage: SAMPLE_USAGE, by: byUserId },
        new Date(),
      ),
    );
}

export function expectError(response: request.Response, statusCode: number, code: string): void {
  expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
    status: statusCode,
    code,
  });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toEqual({
    statusCode,
    code,
    message: expect.any(String),
    details: expect.any(Object),
    requestId: response.headers['x-request-id'],
  });
}
