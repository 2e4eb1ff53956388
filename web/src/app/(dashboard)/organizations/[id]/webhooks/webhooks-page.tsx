'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { OrganizationHeading } from '@/components/organization-heading';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDateTime, toPersianDigits } from '@/lib/format';
import { queryKeys, reads } from '@/lib/queries';
import type { RegisteredWebhook } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

const EVENTS = ['content.generated', 'content.generation_failed', 'content.approved', 'content.rejected', 'content.review_overdue', 'usage.threshold_reached'];

const webhookSchema = z.object({
  url: z.string().check(z.trim(), z.url(fa.form.url), z.refine((value) => /^https?:\/\//i.test(value), fa.form.url)),
  events: z.array(z.string()).check(z.minLength(1, fa.form.pickEvent)),
});

function Deliveries({ webhookId }: { webhookId: string }) {
  const deliveries = useRead(reads.deliveries(webhookId));
  if (deliveries.isLoading) return <Loading />;
  if (deliveries.error) return <ErrorBanner error={deliveries.error} />;
  if (!deliveries.data?.items.length) return <p className="mt-2 text-xs text-slate-600">{fa.webhooks.noDeliveries}</p>;
  return (
    <ul className="mt-2 text-xs text-slate-600" aria-label={fa.webhooks.deliveries}>
      {deliveries.data?.items.map((d) => (
        <li key={d.id} className="flex flex-wrap gap-3">
          <bdi dir="ltr">{d.eventType}</bdi>
          <span>{fa.webhooks.attempt(toPersianDigits(String(d.attempt)))}</span>
          <bdi className={d.status === 'succeeded' ? 'text-emerald-700' : 'text-rose-700'} dir="ltr">
            {d.statusCode == null ? d.error : toPersianDigits(String(d.statusCode))}
          </bdi>
          <span>{formatDateTime(d.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}

/** An organization's webhooks (ADMINs): the list with each one's deliveries, and the form that registers one and shows its secret once. */
export function WebhooksPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const webhooks = useRead(reads.webhooks(id));
  const form = useForm<z.input<typeof webhookSchema>, unknown, z.output<typeof webhookSchema>>({ resolver: zodResolver(webhookSchema), defaultValues: { url: '', events: ['content.approved'] } });
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (input: z.output<typeof webhookSchema>) => api<RegisteredWebhook>(`organizations/${id}/webhooks`, { method: 'POST', body: input }),
    onSuccess: async (created) => {
      setSecret(created.secret ?? null);
      form.reset({ url: '', events: form.getValues('events') });
      await queries.invalidateQueries({ queryKey: queryKeys.webhooks(id) });
    },
  });
  const remove = useMutation({ mutationFn: (webhookId: string) => api(`webhooks/${webhookId}`, { method: 'DELETE' }), onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.webhooks(id) }) });
  const submit = form.handleSubmit((input) => register.mutate(input));
  if (webhooks.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.webhooks.title} organization={organization.data} />
      <ErrorBanner error={webhooks.error ?? register.error ?? remove.error} />
      {secret ? (
        <Card>
          <p className="text-sm text-amber-800">{fa.webhooks.secretOnce}</p>
          <div className="mt-2 flex items-center gap-2">
            <code dir="ltr" className="flex-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs [unicode-bidi:isolate]">
              {secret}
            </code>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard.writeText(secret).then(() => setCopied(true));
              }}
            >
              {copied ? fa.webhooks.copied : fa.webhooks.copy}
            </Button>
          </div>
        </Card>
      ) : null}
      <Card>
        {webhooks.data && !webhooks.data.length ? <Empty>{fa.webhooks.empty}</Empty> : null}
        <ul className="divide-y divide-slate-100">
          {webhooks.data?.map((w) => (
            <li key={w.id} className="py-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <button
                  type="button"
                  className="min-w-0 rounded text-start break-all text-indigo-800 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  onClick={() => setOpen(open === w.id ? null : w.id)}
                  aria-expanded={open === w.id}
                >
                  <bdi dir="ltr">{w.url}</bdi>
                </button>
                <span className="flex items-center gap-2 text-xs">
                  <span className={w.enabled ? 'text-emerald-700' : 'text-rose-700'}>{w.enabled ? fa.webhooks.enabled : fa.webhooks.disabled}</span>
                  <Button variant="secondary" aria-label={fa.webhooks.remove(w.url)} onClick={() => remove.mutate(w.id)}>
                    {fa.members.remove}
                  </Button>
                </span>
              </div>
              {open === w.id ? <Deliveries webhookId={w.id} /> : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
          <Field id="webhook-url" label={fa.webhooks.url} dir="ltr" type="url" {...form.register('url')} />
          {form.formState.errors.url ? <p className="text-sm text-rose-700">{form.formState.errors.url.message}</p> : null}
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="mb-1 font-medium">{fa.webhooks.events}</legend>
            {EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-1" dir="ltr">
                <input type="checkbox" value={event} {...form.register('events')} />
                {event}
              </label>
            ))}
          </fieldset>
          {form.formState.errors.events ? <p className="text-sm text-rose-700">{form.formState.errors.events.message}</p> : null}
          <Button type="submit" disabled={register.isPending}>
            {fa.webhooks.register}
          </Button>
        </form>
      </Card>
    </div>
  );
}
