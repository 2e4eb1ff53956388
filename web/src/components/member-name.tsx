'use client';

import { toPersianDigits } from '@/lib/format';
import type { Member } from '@/lib/types';
import { fa } from '@/messages/fa';
import { Badge } from './ui';

/**
 * A member as a list shows them: the name, or the phone while there is none (an invited member has
 * no name until they sign in), with a «دعوت‌شده» badge until then. The name is isolated in its own
 * direction; the phone reads left to right, in Persian digits.
 */
export function MemberName({ member }: { member: Pick<Member, 'name' | 'phone' | 'status'> }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      {member.name ? <bdi dir="auto">{member.name}</bdi> : <bdi dir="ltr">{toPersianDigits(member.phone)}</bdi>}
      {member.status === 'invited' ? (
        <Badge tone="amber" title={fa.members.invitedHint}>
          {fa.members.invited}
        </Badge>
      ) : null}
    </span>
  );
}
