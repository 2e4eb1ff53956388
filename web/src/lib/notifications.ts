import { fa } from '@/messages/fa';
import { formatNumber, formatUsd, toPersianDigits } from './format';
import type { AppNotification } from './types';

/** A piece of a notification's text: the interface's own words, or the user's (a title, a reason), shown with dir="auto". */
export type Part = string | { userText: string };

export interface NotificationMessage {
  sentence: Part[];
  /** A smaller second line: the reviewer's comment, or the usage against the limit. */
  detail?: Part;
  /** The page it is about: the content, or the organization's usage. */
  href?: string;
}

const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const user = (text: string): Part => ({ userText: text });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a notification says, in Persian, from its type and the event's data (the webhook's payload,
 * see the API's notifications controller). `viewerId` tells a member's own per-member limit from
 * another's. Types this dashboard does not know yet read as «اعلان تازه», without a link.
 */
export function describeNotification(notification: AppNotification, viewerId?: string): NotificationMessage {
  const data = notification.data;
  switch (notification.type) {
    case 'usage.threshold_reached':
      return describeThreshold(notification, viewerId);
    case 'content.approved':
    case 'content.rejected':
    case 'content.generation_failed':
    case 'content.review_overdue': {
      const title = user(textOf(data.title) ?? '…');
      const contentId = textOf(data.contentId);
      const href = contentId && UUID.test(contentId) ? `/contents/${contentId}` : undefined;
      if (notification.type === 'content.approved') {
        const comment = textOf(data.comment);
        return { sentence: fa.notifications.approved(title), detail: comment ? user(comment) : undefined, href };
      }
      if (notification.type === 'content.rejected') {
        const reason = textOf(data.reason);
        return { sentence: reason ? fa.notifications.rejectedBecause(title, user(reason)) : fa.notifications.rejected(title), href };
      }
      if (notification.type === 'content.review_overdue') return { sentence: fa.notifications.reviewOverdue(title), href };
      return { sentence: fa.notifications.generationFailed(title), href };
    }
    default:
      return { sentence: [fa.notifications.other] };
  }
}

/**
 * Which limit: `limit` says whose (organization, user, project) and `metric` what it counts (tokens,
 * cost); notifications announced before the event said so carry the limits field's name in `limit`.
 */
type ThresholdLimit = 'organization:tokens' | 'organization:cost' | 'user:tokens' | 'project:tokens' | 'project:cost';
const EARLIER_NAMES: Record<string, ThresholdLimit> = {
  monthlyTokenLimit: 'organization:tokens',
  monthlyCostLimitUsd: 'organization:cost',
  perUserMonthlyTokenLimit: 'user:tokens',
};
const LIMITS = new Set<string>(['organization:tokens', 'organization:cost', 'user:tokens', 'project:tokens', 'project:cost']);

function thresholdLimitOf(data: Record<string, unknown>): ThresholdLimit | undefined {
  const limit = String(data.limit ?? '');
  if (EARLIER_NAMES[limit]) return EARLIER_NAMES[limit];
  const key = `${limit}:${String(data.metric ?? '')}`;
  return LIMITS.has(key) ? (key as ThresholdLimit) : undefined;
}

function describeThreshold(notification: AppNotification, viewerId: string | undefined): NotificationMessage {
  const { data } = notification;
  const percent = toPersianDigits(String(data.threshold ?? ''));
  const limit = thresholdLimitOf(data);
  const sentences = fa.notifications.threshold;
  const sentence =
    limit === 'organization:tokens'
      ? sentences.monthlyTokenLimit(percent)
      : limit === 'organization:cost'
        ? sentences.monthlyCostLimitUsd(percent)
        : limit === 'user:tokens'
          ? viewerId !== undefined && data.userId === viewerId
            ? sentences.ownTokenLimit(percent)
            : sentences.memberTokenLimit(percent)
          : limit === 'project:tokens'
            ? sentences.projectTokenLimit(percent)
            : limit === 'project:cost'
              ? sentences.projectCostLimit(percent)
              : sentences.other(percent);
  return {
    sentence: [sentence],
    detail: usedOf(limit?.endsWith(':cost') ?? false, data.used, data.limitValue),
    href: UUID.test(notification.organizationId) ? `/organizations/${notification.organizationId}/usage` : undefined,
  };
}

/** «۸۰٬۰۰۰ از ۱۰۰٬۰۰۰ توکن» or «$۸٫۰۰ از $۱۰٫۰۰»: costs are decimal strings, read without floats. */
function usedOf(isCost: boolean, used: unknown, limitValue: unknown): string | undefined {
  const valid = (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
  if (!valid(used) || !valid(limitValue)) return undefined;
  if (isCost) return fa.notifications.usedOf(formatUsd(String(used)), formatUsd(String(limitValue)));
  return `${fa.notifications.usedOf(formatNumber(Number(used)), formatNumber(Number(limitValue)))} ${fa.notifications.tokens}`;
}

/** The parts as one plain string (for a test, or a label). */
export function plainText(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.userText)).join('');
}
