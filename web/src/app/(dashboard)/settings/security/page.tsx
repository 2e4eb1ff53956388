import { reads } from '@/lib/queries';
import { Prefetched } from '@/server/prefetch';
import { SecurityPage } from './security-page';

/** The user's own security settings, rendered on the server with the authenticator's status. */
export default function AccountSecurityPage() {
  return (
    <Prefetched reads={[reads.twoFactor()]}>
      <SecurityPage />
    </Prefetched>
  );
}
