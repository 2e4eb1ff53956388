import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface UsageRecordSeed {
  organizationId: string;
  userId?: string;
  projectId?: string;
  contentId?: string | null;
  model?: string;
  promptTokens?: number;
  cachedTokens?: number;
  completionTokens?: number;
  /** Part of completionTokens. */
  reasoningTokens?: number;
  costMicros?: bigint | number;
  callKey?: string;
  createdAt?: Date | string;
}

/** A usage record with defaults for every field the test does not care about. */
export function makeUsageRecord(
  overrides: UsageRecordSeed,
): Required<Omit<UsageRecordSeed, 'createdAt'>> & { createdAt: Date } {
  return {
    userId: randomUUID(),
    projectId: randomUUID(),
    contentId: null,
    model: 'gpt-4.1-mini',
    promptTokens: 100,
    cachedTokens: 0,
    completionTokens: 50,
    reasoningTokens: 0,
    costMicros: 120,
    callKey: `chatcmpl-${randomUUID()}`,
    ...overrides,
    createdAt: new Date(overrides.createdAt ?? Date.now()),
  };
}

/** Inserts usage records straight into the usage context's table (one statement), as if settled. */
export async function seedUsageRecords(dataSource: DataSource, seeds: UsageRecordSeed[]): Promise<void> {
  if (!seeds.length) return;
  const records = seeds.map(makeUsageRecord);
  const column = <T>(pick: (r: (typeof records)[number]) => T) => records.map(pick);
  await dataSource.query(
    `INSERT INTO usage_records (organization_id, user_id, project_id, content_id, model, prompt_tokens, cached_tokens,
                                completion_tokens, total_tokens, cost_micros, call_key, created_at, reasoning_tokens)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::int[], $7::int[], $8::int[], $9::int[], $10::bigint[], $11::varchar[], $12::timestamptz[], $13::int[])`,
    [
      column((r) => r.organizationId),
      column((r) => r.userId),
      column((r) => r.projectId),
      column((r) => r.contentId),
      column((r) => r.model),
      column((r) => r.promptTokens),
      column((r) => r.cachedTokens),
      column((r) => r.completionTokens),
      column((r) => r.promptTokens + r.completionTokens),
      column((r) => String(r.costMicros)),
      column((r) => r.callKey),
      column((r) => r.createdAt.toISOString()),
      column((r) => r.reasoningTokens),
    ],
  );
}
