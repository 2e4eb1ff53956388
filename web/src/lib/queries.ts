// Every read the dashboard makes, in one place: its cache key and the API path it reads. The
// server's first render (src/server/prefetch.tsx) and the client's queries (useRead) share them, so
// a page rendered on the server hands its data to the same cache entries the client then keeps fresh,
// and a change invalidates by one of the prefixes below.
import type { ContentPolicyResponseDto } from '@/api';
import type { GenerationEstimate } from './estimate';
import { reviewsPath, type OverdueFilter } from './reviews';
import type {
  AiProvider,
  AuditPage,
  Content,
  ContentComment,
  DeliveryPage,
  Diff,
  EditorialAnalytics,
  GlossaryEntry,
  Inbox,
  Me,
  Member,
  Organization,
  Page,
  Project,
  PromptTemplate,
  ReviewPage,
  TwoFactorStatus,
  UsageForecast,
  UsageLimits,
  UsageReport,
  Version,
  Webhook,
  Workspace,
} from './types';

/** A GET of the API: the cache entry it fills and the path under /api/v1 (or /bff/api). `T` is the answer's shape. */
export type Read<T> = { readonly queryKey: readonly unknown[]; readonly path: string; readonly __answer?: T };

function read<T>(queryKey: readonly unknown[], path: string): Read<T> {
  return { queryKey, path };
}

/** Prefixes for invalidating every read about one thing, whatever its page or filter. */
export const queryKeys = {
  me: ['me'] as const,
  organization: (id: string) => ['organization', id] as const,
  workspaces: (organizationId: string) => ['workspaces', organizationId] as const,
  projects: (workspaceId: string) => ['projects', workspaceId] as const,
  project: (id: string) => ['project', id] as const,
  contents: (projectId: string) => ['contents', projectId] as const,
  content: (id: string) => ['content', id] as const,
  versions: (contentId: string) => ['versions', contentId] as const,
  diffs: (contentId: string) => ['diff', contentId] as const,
  comments: (contentId: string) => ['comments', contentId] as const,
  estimate: (contentId: string) => ['estimate', contentId] as const,
  prompts: (workspaceId: string) => ['prompts', workspaceId] as const,
  members: (organizationId: string) => ['members', organizationId] as const,
  limits: (organizationId: string) => ['limits', organizationId] as const,
  usage: (organizationId: string) => ['usage', organizationId] as const,
  forecast: (organizationId: string) => ['forecast', organizationId] as const,
  editorialAnalytics: (organizationId: string) => ['editorial-analytics', organizationId] as const,
  audit: (organizationId: string) => ['audit', organizationId] as const,
  contentPolicy: (organizationId: string) => ['content-policy', organizationId] as const,
  aiProvider: (organizationId: string) => ['ai-provider', organizationId] as const,
  glossary: (organizationId: string) => ['glossary', organizationId] as const,
  webhooks: (organizationId: string) => ['webhooks', organizationId] as const,
  deliveries: (webhookId: string) => ['deliveries', webhookId] as const,
  twoFactor: ['two-factor'] as const,
  /** The inbox's pages and the navigation's count: a change to a content's review refreshes them all. */
  reviews: ['reviews'] as const,
  reviewsCount: ['reviews', 'count'] as const,
  notifications: ['notifications'] as const,
  notificationsUnread: ['notifications', 'unread'] as const,
  notificationsList: ['notifications', 'list'] as const,
  piiScan: (text: string) => ['pii-scan', text] as const,
  /** POST /style/check of a draft (with the organization's glossary): cached per text like the PII scan. */
  styleCheck: (organizationId: string, text: string) => ['style-check', organizationId, text] as const,
};

export const reads = {
  me: () => read<Me>(queryKeys.me, 'me'),
  organization: (id: string) => read<Organization>(queryKeys.organization(id), `organizations/${id}`),
  workspaces: (organizationId: string) => read<Workspace[]>(queryKeys.workspaces(organizationId), `organizations/${organizationId}/workspaces`),
  projects: (workspaceId: string) => read<Project[]>(queryKeys.projects(workspaceId), `workspaces/${workspaceId}/projects`),
  project: (id: string) => read<Project>(queryKeys.project(id), `projects/${id}`),
  /** `query` is the list's search string (src/lib/contents-query.ts). */
  contents: (projectId: string, query: string) => read<Page<Content>>([...queryKeys.contents(projectId), query], `projects/${projectId}/contents?${query}`),
  content: (id: string) => read<Content>(queryKeys.content(id), `contents/${id}`),
  /** Newest first, as the API gives them. */
  versions: (contentId: string) => read<Version[]>(queryKeys.versions(contentId), `contents/${contentId}/versions?order=desc&limit=100`),
  diff: (contentId: string, from: number, to: number) => read<Diff>([...queryKeys.diffs(contentId), from, to], `contents/${contentId}/diff?from=${from}&to=${to}`),
  comments: (contentId: string) => read<ContentComment[]>(queryKeys.comments(contentId), `contents/${contentId}/comments`),
  /** `version` tells one estimate from the next: a generation spends budget. */
  estimate: (contentId: string, version: string) => read<GenerationEstimate>([...queryKeys.estimate(contentId), version], `contents/${contentId}/estimate`),
  prompts: (workspaceId: string) => read<PromptTemplate[]>(queryKeys.prompts(workspaceId), `workspaces/${workspaceId}/prompts`),
  members: (organizationId: string) => read<Member[]>(queryKeys.members(organizationId), `organizations/${organizationId}/members`),
  limits: (organizationId: string) => read<UsageLimits>(queryKeys.limits(organizationId), `organizations/${organizationId}/usage/limits`),
  /** `query` is the report's search string (window, grouping). */
  usage: (organizationId: string, query: string) => read<UsageReport>([...queryKeys.usage(organizationId), query], `organizations/${organizationId}/usage?${query}`),
  forecast: (organizationId: string) => read<UsageForecast>(queryKeys.forecast(organizationId), `organizations/${organizationId}/usage/forecast`),
  editorialAnalytics: (organizationId: string, query: string) => read<EditorialAnalytics>([...queryKeys.editorialAnalytics(organizationId), query], `organizations/${organizationId}/analytics/editorial?${query}`),
  audit: (organizationId: string, page: number) => read<AuditPage>([...queryKeys.audit(organizationId), page], `organizations/${organizationId}/audit-log?page=${page}&limit=50`),
  contentPolicy: (organizationId: string) => read<ContentPolicyResponseDto>(queryKeys.contentPolicy(organizationId), `organizations/${organizationId}/content-policy`),
  /** ADMIN; 404 AI_PROVIDER_NOT_SET while the organization uses the deployment's provider (the page reads that as null). */
  aiProvider: (organizationId: string) => read<AiProvider>(queryKeys.aiProvider(organizationId), `organizations/${organizationId}/ai-provider`),
  glossary: (organizationId: string) => read<GlossaryEntry[]>(queryKeys.glossary(organizationId), `organizations/${organizationId}/glossary`),
  webhooks: (organizationId: string) => read<Webhook[]>(queryKeys.webhooks(organizationId), `organizations/${organizationId}/webhooks`),
  deliveries: (webhookId: string) => read<DeliveryPage>(queryKeys.deliveries(webhookId), `webhooks/${webhookId}/deliveries`),
  twoFactor: () => read<TwoFactorStatus>(queryKeys.twoFactor, 'me/two-factor'),
  reviews: (filter: OverdueFilter, page: number) => read<ReviewPage>([...queryKeys.reviews, 'list', filter, page], reviewsPath(filter, page)),
  /** The navigation's count of contents waiting for the caller's review: the inbox's total, from its smallest page. */
  reviewsCount: () => read<ReviewPage>(queryKeys.reviewsCount, reviewsPath('all', 1, 1)),
  /** The bell's unread count: the API has no count on its own, the newest notification is the smallest answer that carries it. */
  notificationsUnread: () => read<Inbox>(queryKeys.notificationsUnread, 'me/notifications?limit=1'),
  /** The bell's panel: the newest notifications. */
  notificationsList: (limit: number) => read<Inbox>(queryKeys.notificationsList, `me/notifications?limit=${limit}`),
};
