'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { AiProviderForm } from '@/components/ai-provider-form';
import { Card, ErrorBanner, Loading } from '@/components/ui';
import { api, ApiError } from '@/lib/api';
import { can, useOrganizationRole } from '@/lib/hooks';
import type { AiProvider, AiProviderInput } from '@/lib/types';
import { fa } from '@/messages/fa';

/** The provider, or null while the organization uses the deployment's (the API answers 404 AI_PROVIDER_NOT_SET). */
async function providerOf(id: string): Promise<AiProvider | null> {
  try {
    return await api<AiProvider>(`organizations/${id}/ai-provider`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AI_PROVIDER_NOT_SET') return null;
    throw error;
  }
}

/** The organization's own OpenAI-compatible provider, for its ADMINs (saving and removing ask for a step-up). */
export default function AiProviderPage() {
  const { id } = useParams<{ id: string }>();
  const queries = useQueryClient();
  const role = useOrganizationRole(id);
  const isAdmin = can(role, 'ADMIN');
  const provider = useQuery({ queryKey: ['ai-provider', id], queryFn: () => providerOf(id), enabled: isAdmin });
  const save = useMutation({
    mutationFn: (input: AiProviderInput) =>
      api<AiProvider>(`organizations/${id}/ai-provider`, { method: 'PUT', body: input }),
    onSuccess: (next) => queries.setQueryData(['ai-provider', id], next),
  });
  const remove = useMutation({
    mutationFn: () => api<void>(`organizations/${id}/ai-provider`, { method: 'DELETE' }),
    onSuccess: () => queries.setQueryData(['ai-provider', id], null),
  });

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/organizations/${id}/settings`} className="text-sm text-indigo-700 underline">
        {fa.organizationSettings.title}
      </Link>
      <h1 className="text-xl font-bold">{fa.aiProvider.title}</h1>
      <p className="text-sm text-slate-600">{fa.aiProvider.intro}</p>
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
