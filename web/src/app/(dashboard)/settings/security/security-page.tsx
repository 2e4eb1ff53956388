'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AuthenticatorSetup } from '@/components/authenticator-setup';
import { CodeForm } from '@/components/code-form';
import { Badge, Button, Card, ErrorBanner, Loading } from '@/components/ui';
import { api, ApiError } from '@/lib/api';
import { formatDate } from '@/lib/format';
import { queryKeys, reads } from '@/lib/queries';
import type { TwoFactorEnrolment, TwoFactorStatus } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** The organizations that require the authenticator, by name (the caller is an ADMIN in each, so /me knows them). */
function RequiredBy({ organizationIds, names }: { organizationIds: string[]; names: (id: string) => string }) {
  return (
    <ul className="mt-1 list-inside list-disc">
      {organizationIds.map((id) => (
        <li key={id}>
          <bdi>{names(id)}</bdi>
        </li>
      ))}
    </ul>
  );
}

/**
 * The user's own security settings: an authenticator app (TOTP) for two-factor. Enrolling shows the
 * QR code and the secret once, and the first code confirms it; turning it off takes a code too, and
 * is refused while an organization where the user is an ADMIN requires it.
 */
export function SecurityPage() {
  const queries = useQueryClient();
  const me = useRead(reads.me());
  const status = useRead(reads.twoFactor());
  // The secret lives in this component only, while the enrolment waits for its first code.
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const start = useMutation({
    mutationFn: () => api<TwoFactorEnrolment>('me/two-factor', { method: 'POST' }),
    onSuccess: setEnrolment,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'TWO_FACTOR_ALREADY_ENABLED') void queries.invalidateQueries({ queryKey: queryKeys.twoFactor });
    },
  });
  const confirm = useMutation({
    mutationFn: (code: string) => api<TwoFactorStatus>('me/two-factor/confirm', { method: 'POST', body: { code } }),
    onSuccess: (next) => {
      setEnrolment(null);
      queries.setQueryData(queryKeys.twoFactor, next);
    },
  });
  const disable = useMutation({
    mutationFn: (code: string) => api<void>('me/two-factor/disable', { method: 'POST', body: { code } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.twoFactor }),
  });
  const organizationName = (id: string) => me.data?.memberships.find((m) => m.organizationId === id)?.organizationName ?? id;

  if (status.isLoading) return <Loading />;
  const current = status.data;
  const refusedBy = disable.error instanceof ApiError && disable.error.code === 'TWO_FACTOR_REQUIRED_BY_ORGANIZATION' ? ((disable.error.details.organizationIds as string[] | undefined) ?? []) : undefined;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.security.title}</h1>
      <ErrorBanner error={status.error} />
      {current ? (
        <Card>
          <div className="mb-2 flex flex-wrap items-center gap-2">
            <h2 className="font-bold">{fa.security.twoFactor}</h2>
            <Badge tone={current.enabled ? 'emerald' : 'slate'}>{current.enabled ? fa.security.on : fa.security.off}</Badge>
          </div>
          <p className="mb-4 text-sm text-slate-600">{fa.security.intro}</p>
          {current.enabled ? (
            <div className="flex flex-col gap-3">
              {current.enabledAt ? <p>{fa.security.enabledSince(formatDate(current.enabledAt))}</p> : null}
              {current.requiredBy.length && !refusedBy ? (
                <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">
                  {fa.security.requiredBy}
                  <RequiredBy organizationIds={current.requiredBy} names={organizationName} />
                </div>
              ) : null}
              <p className="text-sm">{fa.security.disableIntro}</p>
              <CodeForm id="disable-code" label={fa.security.codeLabel} button={fa.security.disable} variant="danger" busy={disable.isPending} onCode={(code) => disable.mutateAsync(code)} />
              {refusedBy ? (
                <div role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800 ring-1 ring-amber-200">
                  {fa.security.requiredBy}
                  <RequiredBy organizationIds={refusedBy} names={organizationName} />
                </div>
              ) : (
                <ErrorBanner error={disable.error} />
              )}
            </div>
          ) : enrolment ? (
            <div className="flex flex-col gap-4">
              <AuthenticatorSetup enrolment={enrolment} />
              <p className="text-sm">{fa.security.enterCode}</p>
              <CodeForm id="confirm-code" label={fa.security.codeLabel} button={fa.security.confirm} busy={confirm.isPending} onCode={(code) => confirm.mutateAsync(code)} />
              <ErrorBanner error={confirm.error} />
              <div>
                <Button type="button" variant="secondary" disabled={start.isPending} onClick={() => start.mutate()}>
                  {fa.security.restart}
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-col gap-3">
              {current.pending ? <p className="text-sm text-amber-800">{fa.security.pending}</p> : null}
              <div>
                <Button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
                  {current.pending ? fa.security.restart : fa.security.start}
                </Button>
              </div>
            </div>
          )}
          <ErrorBanner error={start.error} />
        </Card>
      ) : null}
    </div>
  );
}
