import type { ContentView } from '../../ports/content.repository';

/** What a content event tells about the content: never its body or prompt. */
export function contentEventData(content: ContentView): Record<string, unknown> {
  return {
    contentId: content.id,
    projectId: content.projectId,
    workspaceId: content.workspaceId,
    title: content.title,
    status: content.status,
    version: content.currentVersion || null,
    model: content.model,
    personalDataFound: content.pii.found,
    createdBy: content.createdBy,
  };
}
