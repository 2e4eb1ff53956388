import type { ContentView } from '../../application/ports/content.repository';
import { Content, type ContentState } from '../../domain/content';
import type { ContentVersion } from '../../domain/content-version';
import type { ContentEntity } from './content.entity';
import type { ContentVersionEntity } from './content-version.entity';

export const ContentMapper = {
  toDomain(row: ContentEntity): Content {
    return Content.restore(ContentMapper.toState(row));
  },

  /** What the API shows of a row, with no aggregate built (and no copy of its state taken) on the way. */
  toView(row: ContentEntity): ContentView {
    const {
      resumeStatus: _resume,
      bodyModel: _model,
      generationStartedAt: _started,
      ...view
    } = ContentMapper.toState(row);
    return view;
  },

  toState(row: ContentEntity): ContentState {
    return {
      id: row.id,
      organizationId: row.organizationId,
      workspaceId: row.workspaceId,
      projectId: row.projectId,
      title: row.title,
      prompt: row.prompt,
      promptId: row.promptId,
      variables: row.variables,
      body: row.body,
      status: row.status,
      model: row.model,
      temperature: row.temperature,
      maxTokens: row.maxTokens,
      currentVersion: row.currentVersion,
      bodyModel: row.bodyModel,
      lastError: row.lastError ? { ...row.lastError, at: new Date(row.lastError.at) } : null,
      pii: row.pii,
      promptPii: row.promptPii,
      lastReview: row.lastReview ? { ...row.lastReview, at: new Date(row.lastReview.at) } : null,
      generationJobId: row.generationJobId,
      generationStartedAt: row.generationStartedAt,
      resumeStatus: row.resumeStatus,
      reviewDueAt: row.reviewDueAt,
      reviewSince: row.reviewSince,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  },

  /** Every column but id, organization_id and row_version. */
  toPersistence(state: ContentState): Omit<ContentEntity, 'id' | 'organizationId' | 'rowVersion'> {
    return {
      workspaceId: state.workspaceId,
      projectId: state.projectId,
      title: state.title,
      prompt: state.prompt,
      promptId: state.promptId,
      variables: state.variables,
      body: state.body,
      status: state.status,
      model: state.model,
      temperature: state.temperature,
      maxTokens: state.maxTokens,
      currentVersion: state.currentVersion,
      bodyModel: state.bodyModel,
      lastError: state.lastError ? { ...state.lastError, at: state.lastError.at.toISOString() } : null,
      pii: state.pii,
      promptPii: state.promptPii,
      lastReview: state.lastReview ? { ...state.lastReview, at: state.lastReview.at.toISOString() } : null,
      generationJobId: state.generationJobId,
      generationStartedAt: state.generationStartedAt,
      resumeStatus: state.resumeStatus,
      reviewDueAt: state.reviewDueAt,
      reviewSince: state.reviewSince,
      createdBy: state.createdBy,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
    };
  },

  versionToDomain(row: ContentVersionEntity): ContentVersion {
    return {
      number: row.number,
      source: row.source,
      body: row.body,
      model: row.model,
      usage: row.usage,
      generationJobId: row.generationJobId,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      ...(row.restoredFrom !== null && { restoredFrom: row.restoredFrom }),
      ...(row.approvedVersion !== null && { approvedVersion: row.approvedVersion }),
      ...(row.bodySha256 !== null && { bodySha256: row.bodySha256 }),
    };
  },

  versionToPersistence(
    organizationId: string,
    contentId: string,
    version: ContentVersion,
  ): Omit<ContentVersionEntity, 'content'> {
    return {
      contentId,
      organizationId,
      ...version,
      restoredFrom: version.restoredFrom ?? null,
      approvedVersion: version.approvedVersion ?? null,
      bodySha256: version.bodySha256 ?? null,
    };
  },
};
