'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { GlossaryEditor } from '@/components/glossary-editor';
import { OrganizationHeading } from '@/components/organization-heading';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import type { GlossaryEntry } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** The organization's glossary for the style checks: members read it, ADMINs edit it. */
export function GlossaryPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const role = organization.data?.role;
  const glossary = useRead(reads.glossary(id));
  const save = useMutation({
    mutationFn: (entries: { term: string; preferred: string | null; forbidden: boolean }[]) => api<GlossaryEntry[]>(`organizations/${id}/glossary`, { method: 'PUT', body: entries }),
    onSuccess: (next) => queries.setQueryData(queryKeys.glossary(id), next),
  });

  if (glossary.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/organizations/${id}/settings`} className="self-start rounded text-sm text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {fa.organizationSettings.title}
      </Link>
      <OrganizationHeading title={fa.glossary.title} organization={organization.data} intro={fa.glossary.intro} />
      <ErrorBanner error={glossary.error} />
      {glossary.data ? (
        <Card>
          {/* Saved entries come back trimmed: the editor starts again from them. */}
          <GlossaryEditor key={JSON.stringify(glossary.data)} entries={glossary.data} canEdit={can(role, 'ADMIN')} saving={save.isPending} error={save.error} onSave={(entries) => save.mutate(entries)} />
          {save.isSuccess ? (
            <p role="status" className="mt-2 text-sm text-emerald-700">
              {fa.glossary.saved}
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
