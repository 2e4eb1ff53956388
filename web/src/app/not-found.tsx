import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { BoundaryMessage, PRIMARY_ACTION } from '@/components/shell/boundary-message';
import { fa } from '@/messages/fa';

/** An address no page answers, outside the dashboard's frame. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
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
      </BoundaryMessage>
    </main>
  );
}
