'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { Button, Card, ErrorBanner, Field } from '@/components/ui';
import { api } from '@/lib/api';
import { contentFormSchema, type ContentFormInput, type ContentFormOutput } from '@/lib/content-form-schema';
import { queryKeys, reads } from '@/lib/queries';
import type { Content } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** A new content in a project: a free prompt, or a template of the workspace with its variables. */
export default function NewContentForm({ projectId, workspaceId }: { projectId: string; workspaceId: string }) {
  const router = useRouter();
  const queries = useQueryClient();
  const form = useForm<ContentFormInput, unknown, ContentFormOutput>({
    resolver: zodResolver(contentFormSchema),
    defaultValues: { title: '', templateId: '', prompt: '', variables: {}, model: 'gpt-4.1-mini', temperature: '', maxTokens: '' },
  });
  const templateId = form.watch('templateId');
  const errors = form.formState.errors;
  const templates = useRead(reads.prompts(workspaceId));
  const template = templates.data?.find((t) => t.id === templateId);
  const create = useMutation({
    mutationFn: (input: ContentFormOutput) =>
      api<Content>(`projects/${projectId}/contents`, {
        method: 'POST',
        body: {
          title: input.title,
          ...(template ? { promptId: template.id, variables: Object.fromEntries(template.variables.map((v) => [v, input.variables[v] ?? ''])) } : { prompt: input.prompt }),
          model: input.model,
          ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
          ...(input.maxTokens === undefined ? {} : { maxTokens: input.maxTokens }),
        },
      }),
    onSuccess: async (content) => {
      await queries.invalidateQueries({ queryKey: queryKeys.contents(projectId) });
      router.push(`/contents/${content.id}`);
    },
  });

  return (
    <Card>
      <h2 className="mb-3 font-bold">{fa.project.newContent}</h2>
      <form onSubmit={form.handleSubmit((input) => create.mutate(input))} className="flex flex-col gap-3" noValidate>
        <Field id="title" label={fa.project.title} dir="auto" {...form.register('title')} />
        {errors.title ? <p className="text-sm text-rose-700">{errors.title.message}</p> : null}
        {templates.data?.length ? (
          <label htmlFor="template" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.prompts.useTemplate}</span>
            <select id="template" className="rounded-lg border border-slate-300 bg-white px-3 py-2" {...form.register('templateId')}>
              <option value="">—</option>
              {templates.data.map((t) => (
                <option key={t.id} value={t.id} dir="auto">
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {template ? (
          template.variables.map((variable) => <Field key={variable} id={`variable-${variable}`} label={variable} dir="auto" {...form.register(`variables.${variable}`)} />)
        ) : (
          <label htmlFor="prompt" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.project.prompt}</span>
            <textarea id="prompt" dir="auto" rows={4} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base" {...form.register('prompt')} />
          </label>
        )}
        {errors.prompt ? <p className="text-sm text-rose-700">{errors.prompt.message}</p> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <label htmlFor="model" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.project.model}</span>
            <select id="model" className="rounded-lg border border-slate-300 bg-white px-3 py-2" dir="ltr" {...form.register('model')}>
              {['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-4o'].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <Field id="temperature" label={fa.project.temperature} inputMode="decimal" dir="ltr" placeholder="0.7" {...form.register('temperature')} />
          <Field id="max-tokens" label={fa.project.maxTokens} inputMode="numeric" dir="ltr" placeholder="800" {...form.register('maxTokens')} />
        </div>
        {errors.temperature || errors.maxTokens ? <p className="text-sm text-rose-700">{errors.temperature?.message ?? errors.maxTokens?.message}</p> : null}
        <Button type="submit" disabled={create.isPending}>
          {fa.create}
        </Button>
        <ErrorBanner error={create.error} />
      </form>
    </Card>
  );
}
