'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { AiProviderForm } from '@/components/ai-provider-form';
import { OrganizationHeading } from '@/components/organization-heading';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api, ApiError } from '@/lib/api';
import { can } from '@/lib/hooks';
import { queryKeys, reads, type Read } from '@/lib/queries';
import type { AiProvider, AiProviderInput } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** The provider, or null while the organization uses the deployment's (the API answers 404 AI_PROVIDER_NOT_SET). */
async function providerOf(read: Read<AiProvider>): Promise<AiProvider | null> {
  try {
    return await api<AiProvider>(read.path);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AI_PROVIDER_NOT_SET') return null;
    throw error;
  }
}

/** The organization's own OpenAI-compatible provider, for its ADMINs (saving and removing ask for a step-up). */
export function AiProviderPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const isAdmin = can(organization.data?.role, 'ADMIN');
  const read = reads.aiProvider(id);
  const provider = useQuery({ queryKey: read.queryKey, queryFn: () => providerOf(read), enabled: isAdmin });
  const save = useMutation({
    mutationFn: (input: AiProviderInput) =>
      api<AiProvider>(`organizations/${id}/ai-provider`, { method: 'PUT', body: input }),
    onSuccess: (next) => queries.setQueryData(queryKeys.aiProvider(id), next),
  });
  const remove = useMutation({
    mutationFn: () => api<void>(`organizations/${id}/ai-provider`, { method: 'DELETE' }),
    onSuccess: () => queries.setQueryData(queryKeys.aiProvider(id), null),
  });

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/organizations/${id}/settings`} className="self-start rounded text-sm text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {fa.organizationSettings.title}
      </Link>
      <OrganizationHeading title={fa.aiProvider.title} organization={organization.data} intro={fa.aiProvider.intro} />
      {!isAdmin ? (
        <Card>
          <p className="text-sm text-slate-600">{fa.aiProvider.readOnly}</p>
        </Card>
      ) : provider.isLoading ? (
        <Loading />
      ) : (
        <>
          <ErrorBanner error={provider.error} />
          {provider.data !== undefined ? (
            <Card>
              {/* Saved or removed: the form starts again from what the API answered (the key field empty). */}
              <AiProviderForm
                key={provider.data?.updatedAt ?? 'deployment'}
                provider={provider.data}
                canEdit={isAdmin}
                saving={save.isPending}
                removing={remove.isPending}
                error={save.error ?? remove.error}
                onSave={(input) => save.mutate(input)}
                onRemove={() => remove.mutate()}
              />
              {save.isSuccess ? (
                <p role="status" className="mt-2 text-sm text-emerald-700">
                  {fa.aiProvider.saved}
                </p>
              ) : remove.isSuccess ? (
                <p role="status" className="mt-2 text-sm text-emerald-700">
                  {fa.aiProvider.removed}
                </p>
              ) : null}
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
