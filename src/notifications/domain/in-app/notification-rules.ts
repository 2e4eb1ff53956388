import { toPersianDigits } from '#libs/ddd';

/** A member of the organization an event happened in, as far as notifying them goes. */
export interface Recipient {
  userId: string;
  phone: string;
  role: 'ADMIN' | 'EDITOR' | 'VIEWER';
}

export interface NotifiedEvent {
  type: string;
  organizationId: string;
  data: Record<string, unknown>;
}

/** Who is told of an event in the app, and who also by SMS. Events not named here notify nobody. */
export interface Audience {
  inApp: Recipient[];
  sms: Recipient[];
}

const NOBODY: Audience = { inApp: [], sms: [] };

/**
 * A usage threshold concerns the organization's ADMINs (in the app and by SMS: a limit at 100 % stops
 * every generation) and, for a member's own limit, that member too (in the app, once even when an
 * ADMIN); an overdue review, its ADMINs (in the app); a decision on a content, or its failed
 * generation, concerns whoever created it.
 */
export function audienceOf(event: NotifiedEvent, members: readonly Recipient[]): Audience {
  switch (event.type) {
    case 'usage.threshold_reached': {
      const admins = members.filter((member) => member.role === 'ADMIN');
      const concerned = isMemberLimit(event.data)
        ? members.find((member) => member.userId === event.data.userId && member.role !== 'ADMIN')
        : undefined;
      return { inApp: concerned ? [...admins, concerned] : admins, sms: admins };
    }
    case 'content.review_overdue':
      // The people who review: the organization's ADMINs, in the app only.
      return { inApp: members.filter((member) => member.role === 'ADMIN'), sms: [] };
    case 'content.approved':
    case 'content.rejected':
    case 'content.generation_failed': {
      const author = members.find((member) => member.userId === event.data.createdBy);
      return { inApp: author ? [author] : [], sms: [] };
    }
    default:
      return NOBODY;
  }
}

/** A member's own per-user limit (`limit: "user"`; events before it was named so carried the setting). */
function isMemberLimit(data: Record<string, unknown>): boolean {
  return data.limit === 'user' || data.limit === 'perUserMonthlyTokenLimit';
}

/**
 * Which limit reached a threshold, by whose limit and what it counts (`limit:metric`), and by the
 * limits resource's field for events announced before the event named them that way.
 */
const LIMITS: Record<string, string> = {
  'organization:tokens': 'سقف توکن ماهانهٔ سازمان',
  'organization:cost': 'سقف هزینهٔ ماهانهٔ سازمان',
  'user:tokens': 'سقف توکن ماهانهٔ یک کاربر',
  'project:tokens': 'سقف توکن ماهانهٔ یک پروژه',
  'project:cost': 'سقف هزینهٔ ماهانهٔ یک پروژه',
  monthlyTokenLimit: 'سقف توکن ماهانهٔ سازمان',
  monthlyCostLimitUsd: 'سقف هزینهٔ ماهانهٔ سازمان',
  perUserMonthlyTokenLimit: 'سقف توکن ماهانهٔ یک کاربر',
};

/** The SMS an ADMIN receives when a limit reaches a threshold: short, Persian, no names or figures. */
export function thresholdSmsText(data: Record<string, unknown>): string {
  const key = data.metric === undefined ? String(data.limit) : `${String(data.limit)}:${String(data.metric)}`;
  const limit = LIMITS[key] ?? 'یکی از سقف‌های مصرف';
  const percent = toPersianDigits(String(data.threshold ?? ''));
  return `کانتکسور: مصرف به ${percent}٪ ${limit} رسید.`;
}
