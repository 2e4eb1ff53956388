import { randomUUID } from 'node:crypto';
import { Content, type NewContent } from '../../src/content/domain/content';
import type { ContentStatus } from '../../src/content/domain/content-status';
import type { GenerationUsage } from '../../src/content/domain/content-version';
import { Project } from '../../src/content/domain/project';
import { Prompt } from '../../src/content/domain/prompt';

export const T0 = new Date('2026-11-24T10:00:00Z');

export const SAMPLE_USAGE: GenerationUsage = {
  promptTokens: 120,
  completionTokens: 380,
  cachedTokens: 0,
  totalTokens: 500,
  costUsd: '0.000656',
};

export function makeProject(overrides: Partial<Parameters<typeof Project.create>[0]> = {}): Project {
  return Project.create({
    id: randomUUID(),
    organizationId: randomUUID(),
    workspaceId: randomUUID(),
    name: 'کمپین نوروز ۱۴۰۵',
    description: 'متن‌های تبلیغاتی فروش ویژه',
    createdBy: randomUUID(),
    now: T0,
    ...overrides,
  });
}

export function makePrompt(overrides: Partial<Parameters<typeof Prompt.create>[0]> = {}): Prompt {
  return Prompt.create({
    id: randomUUID(),
    organizationId: randomUUID(),
    workspaceId: randomUUID(),
    name: 'معرفی محصول',
    category: 'تبلیغات',
    template: 'یک متن کوتاه برای {{نام_محصول}} با لحن {{ لحن }} بنویس.',
    createdBy: randomUUID(),
    now: T0,
    ...overrides,
  });
}

/** A new DRAFT content with a Persian title and prompt. */
export function makeContent(overrides: Partial<NewContent> = {}): Content {
  return Content.create({
    id: randomUUID(),
    organizationId: randomUUID(),
    workspaceId: randomUUID(),
    projectId: randomUUID(),
    title: 'معرفی گوشی آوا ۵',
    prompt: 'یک متن کوتاه و صمیمی برای معرفی گوشی «آوا ۵» بنویس.',
    model: 'gpt-4.1-mini',
    createdBy: randomUUID(),
    now: T0,
    ...overrides,
  });
}

export const AI_BODY = 'گوشی آوا ۵ با باتری دوروزه و دوربین ۵۰ مگاپیکسلی، همراه همیشگی شماست.';

/**
 * A content brought to `status` through the state machine itself (never by writing the state):
 * REVIEW has one "ai" version, APPROVED also an "approval" one, IN_PROGRESS runs job "job-running".
 */
export function makeContentIn(status: ContentStatus, overrides: Partial<NewContent> = {}): Content {
  const content = makeContent(overrides);
  const by = content.snapshot().createdBy;
  if (status === 'DRAFT') return content;
  if (status === 'IN_PROGRESS') {
    content.startGeneration('job-running', T0);
    return content;
  }
  content.startGeneration('job-1', T0);
  content.completeGeneration(
    { jobId: 'job-1', body: AI_BODY, model: 'gpt-4.1-mini-2025-04-14', usage: SAMPLE_USAGE, by },
    T0,
  );
  if (status === 'APPROVED')
    content.approve(
      { by: randomUUID(), version: 1, comment: 'منتشر شود', versionAuthor: by, allowSelfApproval: false },
      T0,
    );
  if (status === 'REJECTED') content.reject(randomUUID(), 'لحن رسمی نیست', T0);
  return content;
}
