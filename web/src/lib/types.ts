// The API's shapes, from the client generated off its OpenAPI document (src/api, `npm run api:generate`).
import type {
  ContentDiffResponseDto,
  ContentResponseDto,
  ContentVersionResponseDto,
  MeResponseDto,
  ProjectResponseDto,
  PromptResponseDto,
  UsageLimitsResponseDto,
  UsageReportResponseDto,
  UsageTotalsDto,
  WorkspaceResponseDto,
} from '@/api';

export type Me = MeResponseDto;
export type Role = MeResponseDto['memberships'][number]['role'];
export type Workspace = WorkspaceResponseDto;
export type Project = ProjectResponseDto;
export type Content = ContentResponseDto;
export type Version = ContentVersionResponseDto;
export type Diff = ContentDiffResponseDto;
export type PromptTemplate = PromptResponseDto;
export type UsageTotals = UsageTotalsDto;
export type UsageReport = UsageReportResponseDto;
export type UsageLimits = UsageLimitsResponseDto;
export type PiiReport = ContentResponseDto['pii'];

/** The list envelope every paginated route answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
