// The API's shapes, from the client generated off its OpenAPI document (src/api, `npm run api:generate`).
import type {
  AnchoredCommentResponseDto,
  AuditPageResponseDto,
  ContentDetailResponseDto,
  ContentDiffResponseDto,
  ContentResponseDto,
  ContentVersionResponseDto,
  EditorialAnalyticsResponseDto,
  EditorialFiguresDto,
  InboxResponseDto,
  MeResponseDto,
  MemberResponseDto,
  NotificationResponseDto,
  OrganizationResponseDto,
  ProjectResponseDto,
  PromptResponseDto,
  UsageForecastResponseDto,
  UsageLimitsResponseDto,
  UsageReportResponseDto,
  UsageTotalsDto,
  GlossaryEntryResponseDto,
  AiProviderResponseDto,
  AiProviderModelDto,
  SetAiProviderDtoWritable,
  RegisteredWebhookResponseDto,
  StyleIssueDto,
  ReviewItemDto,
  ReviewPageResponseDto,
  TwoFactorEnrolmentResponseDto,
  TwoFactorStatusResponseDto,
  WebhookDeliveryPageResponseDto,
  WebhookResponseDto,
  WorkspaceResponseDto,
} from '@/api';

export type Me = MeResponseDto;
export type Role = MeResponseDto['memberships'][number]['role'];
export type Organization = OrganizationResponseDto;
export type Workspace = WorkspaceResponseDto;
export type Project = ProjectResponseDto;
export type Content = ContentResponseDto;
/** GET /contents/:id: the content with `style`, the style issues of its current body. */
export type ContentDetail = ContentDetailResponseDto;
export type StyleIssue = StyleIssueDto;
export type GlossaryEntry = GlossaryEntryResponseDto;
export type AiProvider = AiProviderResponseDto;
export type AiProviderModel = AiProviderModelDto;
export type AiProviderInput = SetAiProviderDtoWritable;
/** What a row of a contents list shows. */
export type ContentListItem = Pick<Content, 'id' | 'title' | 'status' | 'createdAt'>;
export type Version = ContentVersionResponseDto;
export type Diff = ContentDiffResponseDto;
/** A comment on a range of a version, with `anchor`: where its quote is in the current body, or null once gone. */
export type ContentComment = AnchoredCommentResponseDto;
export type PromptTemplate = PromptResponseDto;
export type UsageTotals = UsageTotalsDto;
export type UsageReport = UsageReportResponseDto;
export type UsageLimits = UsageLimitsResponseDto;
export type UsageForecast = UsageForecastResponseDto;
export type EditorialAnalytics = EditorialAnalyticsResponseDto;
export type EditorialFigures = EditorialFiguresDto;
export type PiiReport = ContentResponseDto['pii'];
export type Member = MemberResponseDto;
export type AuditPage = AuditPageResponseDto;
export type Webhook = WebhookResponseDto;
/** A webhook just registered: the only answer that carries its secret. */
export type RegisteredWebhook = RegisteredWebhookResponseDto;
export type DeliveryPage = WebhookDeliveryPageResponseDto;
export type TwoFactorStatus = TwoFactorStatusResponseDto;
/** An enrolment just started: the only answer that carries the authenticator's secret. */
export type TwoFactorEnrolment = TwoFactorEnrolmentResponseDto;

/** An in-app notification; `data` is the event's, as its webhook carries it (src/lib/notifications.ts reads it). */
export type AppNotification = NotificationResponseDto;
/** The newest notifications and how many of all are unread. */
export type Inbox = InboxResponseDto;

/** A content waiting in the caller's review inbox (GET /me/reviews), and a page of them. */
export type ReviewItem = ReviewItemDto;
export type ReviewPage = ReviewPageResponseDto;

/** The list envelope every paginated route answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
