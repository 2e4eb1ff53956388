/** Security-relevant actions the audit log records. Names are stable: they are stored and shown. */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.refresh_reused',
  'auth.signed_out',
  'organization.created',
  'organization.two_factor_changed',
  'two_factor.enabled',
  'two_factor.disabled',
  'workspace.created',
  'member.added',
  'member.role_changed',
  'member.removed',
  'content.approved',
  'content.rejected',
  'content.self_approval_refused',
  'content.policy_changed',
  'content.glossary_changed',
  'usage.limits_changed',
  'usage.project_limits_changed',
  'webhook.created',
  'webhook.deleted',
  'webhook.disabled',
  'ai_provider.set',
  'ai_provider.removed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
