import { ShieldX } from 'lucide-react';
import Link from 'next/link';
import { BoundaryMessage, PRIMARY_ACTION } from '@/components/shell/boundary-message';
import { fa } from '@/messages/fa';

/** A page the user's role in its organization does not open (the API answered 403). */
export default function DashboardForbidden() {
  return (
    <BoundaryMessage
      icon={ShieldX}
      title={fa.boundary.forbiddenTitle}
      actions={
        <Link href="/" className={PRIMARY_ACTION}>
          {fa.boundary.goHome}
        </Link>
      }
    >
      <p>{fa.boundary.forbiddenBody}</p>
    </BoundaryMessage>
  );
}
