import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { reads } from '@/lib/queries';
import type { Me } from '@/lib/types';
import { Prefetched } from '@/server/prefetch';
import { serverRead } from '@/server/server-read';

/**
 * Every dashboard page inside the shell, rendered on the server with the user and each
 * organization's workspaces, so the navigation is there on first paint.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // The workspaces depend on the organizations: /me is read first (Prefetched gets the same answer: serverRead is once per request).
  const me = await serverRead<Me>(reads.me().path);
  const workspaces = me.ok ? me.data.memberships.map((membership) => reads.workspaces(membership.organizationId)) : [];
  return (
    <Prefetched reads={[reads.me()]} optional={workspaces}>
      <AppShell>{children}</AppShell>
    </Prefetched>
  );
}
