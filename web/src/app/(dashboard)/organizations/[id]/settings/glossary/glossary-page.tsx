'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { GlossaryEditor } from '@/components/glossary-editor';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can, useOrganizationRole } from '@/lib/hooks';
import type { GlossaryEntry } from '@/lib/types';
import { fa } from '@/messages/fa';

/** The organization's glossary for the style checks: members read it, ADMINs edit it. */
export default function GlossaryPage() {
  const { id } = useParams<{ id: string }>();
  const queries = useQueryClient();
  const role = useOrganizationRole(id);
  const glossary = useQuery({ queryKey: ['glossary', id], queryFn: () => api<GlossaryEntry[]>(`organizations/${id}/glossary`) });
  const save = useMutation({
    mutationFn: (entries: { term: string; preferred: string | null; forbidden: boolean }[]) => api<GlossaryEntry[]>(`organizations/${id}/glossary`, { method: 'PUT', body: entries }),
    onSuccess: (next) => queries.setQueryData(['glossary', id], next),
  });

  if (glossary.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/organizations/${id}/settings`} className="text-sm text-indigo-700 underline">
        {fa.organizationSettings.title}
      </Link>
      <h1 className="text-xl font-bold">{fa.glossary.title}</h1>
      <p className="text-sm text-slate-600">{fa.glossary.intro}</p>
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
