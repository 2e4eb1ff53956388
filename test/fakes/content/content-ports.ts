import { randomUUID } from 'node:crypto';
import type { Actor, Caller, CallerRole } from '#libs/ddd';
import type { Content } from '../../../src/content/domain/content';
import { FixedClock, RecordingAuditLog } from '../accounts/recording-ports';
import { InlineUnitOfWork } from '../inline-unit-of-work';
import { RecordingContentEvents } from './recording-content-events';
import {
  FixedGenerationDefaults,
  InMemoryContentPolicyRepository,
  InMemoryContentRepository,
  InMemoryProjectRepository,
  InMemoryPromptRepository,
} from './in-memory-content.repositories';

/** The content context's ports in memory, with one organization and one member of each role. */
export function contentPorts() {
  const organizationId = randomUUID();
  const workspaceId = randomUUID();
  const contents = new InMemoryContentRepository();
  const projects = new InMemoryProjectRepository(() => contents);
  const as = (role: CallerRole) => {
    const caller = { userId: randomUUID(), requestId: `req-${role}`, ip: '10.0.0.1', organizationId, role };
    return { caller: caller satisfies Caller, actor: caller satisfies Actor };
  };
  return {
    organizationId,
    workspaceId,
    contents,
    projects,
    prompts: new InMemoryPromptRepository(),
    policies: new InMemoryContentPolicyRepository(),
    events: new RecordingContentEvents(),
    defaults: new FixedGenerationDefaults('gpt-4.1-mini'),
    clock: new FixedClock(),
    audit: new RecordingAuditLog(),
    uow: new InlineUnitOfWork(),
    admin: as('ADMIN'),
    editor: as('EDITOR'),
    viewer: as('VIEWER'),
    /** Stores `content` as it is (with the versions it made so far). */
    async store(content: Content): Promise<Content> {
      await contents.add(content);
      return content;
    },
  };
}

export type ContentPorts = ReturnType<typeof contentPorts>;
