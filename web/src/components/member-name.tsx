'use client';

import type { Member } from '@/lib/types';
import { fa } from '@/messages/fa';
import { Badge } from './ui';

/**
 * A member as a list shows them: the name, or the phone while there is none (an invited member has
 * no name until they sign in), with a «دعوت‌شده» badge until then.
 */
export function MemberName({ member }: { member: Pick<Member, 'name' | 'phone' | 'status'> }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span dir={member.name ? 'auto' : 'ltr'}>{member.name ?? member.phone}</span>
      {member.status === 'invited' ? (
        <Badge tone="amber" title={fa.members.invitedHint}>
          {fa.members.invited}
        </Badge>
      ) : null}
    </span>
  );
}
