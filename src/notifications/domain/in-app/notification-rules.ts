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
 * every generation); an overdue review, its ADMINs (in the app); a decision on a content, or its
 * failed generation, concerns whoever created it.
 */
export function audienceOf(event: NotifiedEvent, members: readonly Recipient[]): Audience {
  switch (event.type) {
    case 'usage.threshold_reached': {
      const admins = members.filter((member) => member.role === 'ADMIN');
      return { inApp: admins, sms: admins };
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

/** Which limit reached a threshold, by the usage context's limit names (and projects' to come). */
const LIMITS: Record<string, string> = {
  monthlyTokenLimit: 'سقف توکن ماهانهٔ سازمان',
  monthlyCostLimitUsd: 'سقف هزینهٔ ماهانهٔ سازمان',
  perUserMonthlyTokenLimit: 'سقف توکن ماهانهٔ یک کاربر',
};

/** The SMS an ADMIN receives when a limit reaches a threshold: short, Persian, no names or figures. */
export function thresholdSmsText(data: Record<string, unknown>): string {
  const limit = LIMITS[String(data.limit)] ?? 'یکی از سقف‌های مصرف';
  const percent = toPersianDigits(String(data.threshold ?? ''));
  return `کانتکسور: مصرف به ${percent}٪ ${limit} رسید.`;
}
