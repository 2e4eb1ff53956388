import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { BoundaryMessage, PRIMARY_ACTION } from '@/components/shell/boundary-message';
import { fa } from '@/messages/fa';

/** An id the API does not know, or one of an organization the user is not in (the API answers both alike). */
export default function DashboardNotFound() {
  return (
    <BoundaryMessage
      icon={SearchX}
      title={fa.boundary.notFoundTitle}
      actions={
        <Link href="/" className={PRIMARY_ACTION}>
          {fa.boundary.goHome}
        </Link>
      }
    >
      <p>{fa.boundary.notFoundBody}</p>
      <p className="text-sm text-slate-600">{fa.boundary.notFoundHint}</p>
    </BoundaryMessage>
  );
}
