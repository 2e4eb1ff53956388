'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { ContentPolicyResponseDto } from '@/api';
import { OrganizationHeading } from '@/components/organization-heading';
import { Button, Card, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { parseAllowedModels, parseCeiling } from '@/lib/content-policy-form';
import { formatUsd } from '@/lib/format';
import { can } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

type ContentPolicy = ContentPolicyResponseDto;

/** The cost ceiling per generation and the model allow-list of the content policy; ADMINs change them (behind step-up). */
export function ContentPolicyPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const role = organization.data?.role;
  const policy = useRead(reads.contentPolicy(id));
  const save = useMutation({
    mutationFn: (body: { blockPromptsWithPii: boolean; maxCostPerGenerationUsd: string | null; allowedModels: string[] | null }) =>
      api<ContentPolicy>(`organizations/${id}/content-policy`, { method: 'PUT', body }),
    onSuccess: (next) => queries.setQueryData(queryKeys.contentPolicy(id), next),
  });

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/organizations/${id}/settings`} className="self-start rounded text-sm text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {fa.organizationSettings.title}
      </Link>
      <OrganizationHeading title={fa.contentPolicy.title} organization={organization.data} intro={fa.contentPolicy.intro} />
      {policy.isLoading ? <Loading /> : null}
      <ErrorBanner error={policy.error} />
      {policy.data ? (
        <Card>
          <PolicyForm key={policy.data.updatedAt ?? 'defaults'} policy={policy.data} canEdit={can(role, 'ADMIN')} pending={save.isPending} onSave={(body) => save.mutate(body)} />
          <div className="mt-3">
            <ErrorBanner error={save.error} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function PolicyForm({
  policy,
  canEdit,
  pending,
  onSave,
}: {
  policy: ContentPolicy;
  canEdit: boolean;
  pending: boolean;
  onSave: (body: { blockPromptsWithPii: boolean; maxCostPerGenerationUsd: string | null; allowedModels: string[] | null }) => void;
}) {
  const [ceiling, setCeiling] = useState(policy.maxCostPerGenerationUsd ?? '');
  const [models, setModels] = useState((policy.allowedModels ?? []).join('\n'));
  const parsedCeiling = parseCeiling(ceiling);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsedCeiling === undefined) return;
    onSave({ blockPromptsWithPii: policy.blockPromptsWithPii, maxCostPerGenerationUsd: parsedCeiling, allowedModels: parseAllowedModels(models) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <div>
        <Field
          id="max-cost-per-generation"
          label={fa.contentPolicy.ceiling}
          dir="ltr"
          inputMode="decimal"
          value={ceiling}
          disabled={!canEdit}
          aria-invalid={parsedCeiling === undefined}
          aria-describedby="max-cost-per-generation-help"
          onChange={(event) => setCeiling(event.target.value)}
        />
        <p id="max-cost-per-generation-help" className={`mt-1 text-xs ${parsedCeiling === undefined ? 'text-rose-700' : 'text-slate-500'}`}>
          {parsedCeiling === undefined ? fa.contentPolicy.ceilingInvalid : policy.maxCostPerGenerationUsd ? fa.contentPolicy.ceilingNow(formatUsd(policy.maxCostPerGenerationUsd)) : fa.contentPolicy.ceilingHelp}
        </p>
      </div>
      <label htmlFor="allowed-models" className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">{fa.contentPolicy.allowedModels}</span>
        <textarea
          id="allowed-models"
          dir="ltr"
          rows={4}
          value={models}
          disabled={!canEdit}
          aria-describedby="allowed-models-help"
          onChange={(event) => setModels(event.target.value)}
          className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus:border-indigo-500 focus:outline-none"
        />
        <span id="allowed-models-help" className="text-xs text-slate-500">
          {fa.contentPolicy.allowedModelsHelp}
        </span>
      </label>
      {canEdit ? (
        <Button type="submit" className="self-start" disabled={pending || parsedCeiling === undefined}>
          {fa.contentPolicy.save}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{fa.contentPolicy.readOnly}</p>
      )}
    </form>
  );
}
