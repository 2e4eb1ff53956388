'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { OrganizationHeading } from '@/components/organization-heading';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import type { Organization } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/**
 * An organization's settings for its ADMINs: whether ADMINs must use an authenticator app. The
 * change is itself a sensitive action, so the API asks for a step-up and `api()` opens its dialog.
 */
export function SettingsPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const role = organization.data?.role;
  const save = useMutation({
    mutationFn: (requireAdminTwoFactor: boolean) => api<Organization>(`organizations/${id}/two-factor`, { method: 'PUT', body: { requireAdminTwoFactor } }),
    onSuccess: (next) => queries.setQueryData(queryKeys.organization(id), next),
  });

  if (organization.isLoading) return <Loading />;
  const org = organization.data;
  const on = org?.requireAdminTwoFactor ?? false;
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.organizationSettings.title} organization={org} />
      <ErrorBanner error={organization.error} />
      {org ? (
        <Card>
          <div className="flex items-start justify-between gap-4">
            <div>
              <p id="require-two-factor-label" className="font-medium">
                {fa.organizationSettings.requireTwoFactor}
              </p>
              <p id="require-two-factor-hint" className="mt-1 text-sm text-slate-600">
                {fa.organizationSettings.requireTwoFactorHint}
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-2">
              <span className="text-sm text-slate-600" aria-hidden="true">
                {on ? fa.organizationSettings.on : fa.organizationSettings.off}
              </span>
              <button
                type="button"
                role="switch"
                aria-checked={on}
                aria-labelledby="require-two-factor-label"
                aria-describedby="require-two-factor-hint"
                disabled={!can(role, 'ADMIN') || save.isPending}
                onClick={() => save.mutate(!on)}
                className={`inline-flex h-6 w-11 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50 ${on ? 'bg-indigo-600' : 'bg-slate-400'}`}
              >
                <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${on ? '-translate-x-5.5' : '-translate-x-0.5'}`} />
              </button>
            </div>
          </div>
          <div className="mt-3">
            <ErrorBanner error={save.error} />
          </div>
        </Card>
      ) : null}
      <Card>
        <Link href={`/organizations/${id}/settings/glossary`} className="font-medium text-indigo-700 underline">
          {fa.glossary.link}
        </Link>
        <p className="mt-1 text-sm text-slate-600">{fa.glossary.intro}</p>
      </Card>
      <Card>
        <Link href={`/organizations/${id}/settings/content-policy`} className="font-medium text-indigo-700 underline">
          {fa.contentPolicy.link}
        </Link>
        <p className="mt-1 text-sm text-slate-600">{fa.contentPolicy.intro}</p>
      </Card>
      {can(role, 'ADMIN') ? (
        <Card>
          <Link href={`/organizations/${id}/settings/ai-provider`} className="font-medium text-indigo-700 underline">
            {fa.aiProvider.link}
          </Link>
          <p className="mt-1 text-sm text-slate-600">{fa.aiProvider.intro}</p>
        </Card>
      ) : null}
    </div>
  );
}
