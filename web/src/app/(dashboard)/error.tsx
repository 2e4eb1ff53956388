'use client';

import { TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';
import { BoundaryMessage, PRIMARY_ACTION, SECONDARY_ACTION } from '@/components/shell/boundary-message';
import { fa } from '@/messages/fa';

/**
 * A page that failed while it was rendered (the API did not answer, or answered 5xx): the shell stays,
 * and the page says what happened, offers to try again and shows the digest support can look up.
 */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  function tryAgain() {
    // The page's server part runs again (refresh), then the boundary renders it anew (reset).
    startTransition(() => {
      router.refresh();
      reset();
    });
  }
  return (
    <BoundaryMessage
      icon={TriangleAlert}
      title={fa.boundary.errorTitle}
      actions={
        <>
          <button type="button" onClick={tryAgain} className={PRIMARY_ACTION}>
            {fa.boundary.tryAgain}
          </button>
          <Link href="/" className={SECONDARY_ACTION}>
            {fa.boundary.goHome}
          </Link>
        </>
      }
    >
      <p role="alert">{fa.boundary.errorBody}</p>
      {error.digest ? (
        <p className="text-sm text-slate-600">
          {fa.boundary.digest}: <bdi dir="ltr" className="font-mono">{error.digest}</bdi>
        </p>
      ) : null}
    </BoundaryMessage>
  );
}
