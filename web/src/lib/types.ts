// Shapes of the API's answers used by the pages (see ../shared/API.md and /docs-json).
export interface Me {
  id: string;
  phone: string;
  name: string | null;
  memberships: { organizationId: string; organizationName: string; role: Role }[];
}
export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';
export interface Workspace {
  id: string;
  organizationId: string;
  name: string;
}
export interface Project {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
}
export interface PiiReport {
  found: boolean;
  findings: { type: string; start: number; end: number }[];
}
export interface Content {
  id: string;
  projectId: string;
  title: string;
  prompt: string;
  body: string | null;
  status: string;
  model: string;
  currentVersion: number | null;
  lastError: { code: string; message: string } | null;
  pii: PiiReport;
  promptPii: PiiReport;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
export interface Version {
  number: number;
  source: 'ai' | 'manual' | 'approval';
  body: string;
  model: string | null;
  createdAt: string;
}
export interface Diff {
  stats: { unchanged: number; changed: number; added: number; removed: number };
  lines: { type: 'unchanged' | 'changed' | 'added' | 'removed'; fromLine?: number; toLine?: number; text?: string; segments?: { type: 'equal' | 'added' | 'removed'; text: string }[] }[];
}
export interface UsageTotals {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: string;
}
export interface UsageReport {
  totals: UsageTotals;
  groups: (UsageTotals & { key: string })[];
}
export interface UsageLimits {
  monthlyTokenLimit: number | null;
  monthlyCostLimitUsd: string | null;
  perUserMonthlyTokenLimit: number | null;
  period: { start: string; end: string };
  used: { tokens: number; costUsd: string };
}
export interface PromptTemplate {
  id: string;
  name: string;
  category: string;
  template: string;
  variables: string[];
}
