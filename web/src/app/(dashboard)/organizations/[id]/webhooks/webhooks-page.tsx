'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { OrganizationHeading } from '@/components/organization-heading';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDateTime, toPersianDigits } from '@/lib/format';
import { queryKeys, reads } from '@/lib/queries';
import type { RegisteredWebhook } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { webhookProblems, type WebhookInput, type WebhookProblems } from './webhook-input';

const EVENTS = ['content.generated', 'content.generation_failed', 'content.approved', 'content.rejected', 'content.review_overdue', 'usage.threshold_reached'];


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
  const [values, setValues] = useState<WebhookInput>({ url: '', events: ['content.approved'] });
  const [problems, setProblems] = useState<WebhookProblems>({});
  const toggleEvent = (event: string, on: boolean) => setValues((current) => ({ ...current, events: on ? [...current.events, event] : current.events.filter((one) => one !== event) }));
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (input: WebhookInput) => api<RegisteredWebhook>(`organizations/${id}/webhooks`, { method: 'POST', body: input }),
    onSuccess: async (created) => {
      setSecret(created.secret ?? null);
      setValues((current) => ({ ...current, url: '' }));
      await queries.invalidateQueries({ queryKey: queryKeys.webhooks(id) });
    },
  });
  const remove = useMutation({ mutationFn: (webhookId: string) => api(`webhooks/${webhookId}`, { method: 'DELETE' }), onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.webhooks(id) }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = webhookProblems(values);
    setProblems(refused);
    if (!Object.keys(refused).length) register.mutate({ url: values.url.trim(), events: EVENTS.filter((one) => values.events.includes(one)) });
  };
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
          <Field
            id="webhook-url"
            label={fa.webhooks.url}
            dir="ltr"
            type="url"
            value={values.url}
            onChange={(event) => setValues((current) => ({ ...current, url: event.target.value }))}
            aria-invalid={problems.url ? true : undefined}
            aria-describedby={problems.url ? 'webhook-url-problem' : undefined}
          />
          {problems.url ? (
            <p id="webhook-url-problem" className="text-sm text-rose-700">
              {problems.url}
            </p>
          ) : null}
          <fieldset className="flex flex-wrap gap-3 text-sm" aria-describedby={problems.events ? 'webhook-events-problem' : undefined}>
            <legend className="mb-1 font-medium">{fa.webhooks.events}</legend>
            {EVENTS.map((event) => (
              <label key={event} className="flex items-center gap-1" dir="ltr">
                <input type="checkbox" value={event} checked={values.events.includes(event)} onChange={(change) => toggleEvent(event, change.target.checked)} />
                {event}
              </label>
            ))}
          </fieldset>
          {problems.events ? (
            <p id="webhook-events-problem" className="text-sm text-rose-700">
              {problems.events}
            </p>
          ) : null}
          <Button type="submit" disabled={register.isPending}>
            {fa.webhooks.register}
          </Button>
        </form>
      </Card>
    </div>
  );
}
