import request from 'supertest';
import type { DataSource } from 'typeorm';
import { API, bearer, type Session } from './auth-helpers';
import type { ContentBody } from './content-helpers';
import { eventually } from './eventually';
import type { TestApp } from './test-app';

/** The 202 body of `POST /contents/:id/generate`. */
export interface AcceptedGeneration {
  contentId: string;
  jobId: string;
  status: 'IN_PROGRESS';
}

export interface ContentWithError extends ContentBody {
  lastError: { code: string; message: string; at: string } | null;
}

export function requestGeneration(t: TestApp, as: Session, contentId: string): request.Test {
  return request(t.server).post(`${API}/contents/${contentId}/generate`).set(bearer(as));
}

/** Requests a generation and returns its job id; anything but 202 fails the test. */
export async function startGenerationOverHttp(t: TestApp, as: Session, contentId: string): Promise<string> {
  const response = await requestGeneration(t, as, contentId);
  if (response.status !== 202)
    throw new Error(`POST generate answered ${response.status}: ${JSON.stringify(response.body)}`);
  return (response.body as AcceptedGeneration).jobId;
}

export async function contentOf(t: TestApp, as: Session, contentId: string): Promise<ContentWithError> {
  const response = await request(t.server).get(`${API}/contents/${contentId}`).set(bearer(as));
  if (response.status !== 200)
    throw new Error(`GET content answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as ContentWithError;
}

/** Polls the content until `settled` says it has arrived, and returns it. */
export function contentWhen(
  t: TestApp,
  as: Session,
  contentId: string,
  what: string,
  settled: (content: ContentWithError) => boolean,
  timeoutMs = 30_000,
): Promise<ContentWithError> {
  return eventually(
    `content ${contentId} ${what}`,
    async () => {
      const content = await contentOf(t, as, contentId);
      return settled(content) ? content : undefined;
    },
    timeoutMs,
    100,
  );
}

/** The call keys of the content's usage records (one per completed OpenAI call). */
export async function usageCallKeysOf(dataSource: DataSource, contentId: string): Promise<string[]> {
  const rows: { call_key: string }[] = await dataSource.query(
    'SELECT call_key FROM usage_records WHERE content_id = $1 ORDER BY created_at',
    [contentId],
  );
  return rows.map((row) => row.call_key);
}

/** RESERVED, SETTLED or RELEASED; a generation's reservation shares its job's id. */
export async function reservationStatusOf(dataSource: DataSource, reservationId: string): Promise<string | undefined> {
  const rows: { status: string }[] = await dataSource.query('SELECT status FROM usage_reservations WHERE id = $1', [
    reservationId,
  ]);
  return rows[0]?.status;
}
