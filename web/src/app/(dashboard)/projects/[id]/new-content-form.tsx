'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Card, ErrorBanner, Field } from '@/components/ui';
import { api } from '@/lib/api';
import { parseContentForm, type ContentFormInput, type ContentFormOutput, type ContentFormProblems } from '@/lib/content-form-schema';
import { queryKeys, reads } from '@/lib/queries';
import type { Content } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';

/** A new content in a project: a free prompt, or a template of the workspace with its variables. */
export default function NewContentForm({ projectId, workspaceId }: { projectId: string; workspaceId: string }) {
  const router = useRouter();
  const queries = useQueryClient();
  const [values, setValues] = useState<ContentFormInput>({ title: '', templateId: '', prompt: '', variables: {}, model: 'gpt-4.1-mini', temperature: '', maxTokens: '' });
  const [errors, setErrors] = useState<ContentFormProblems>({});
  const set = (field: Exclude<keyof ContentFormInput, 'variables'>) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const setVariable = (name: string) => (event: ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, variables: { ...current.variables, [name]: event.target.value } }));
  const templateId = values.templateId;
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseContentForm(values);
    setErrors(parsed.ok ? {} : parsed.problems);
    if (parsed.ok) create.mutate(parsed.value);
  };
  const fieldIds: Record<keyof ContentFormProblems, string> = { title: 'title', prompt: 'prompt', temperature: 'temperature', maxTokens: 'max-tokens' };
  const invalid = (field: keyof ContentFormProblems) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${fieldIds[field]}-problem` } : {});
  const problem = (field: keyof ContentFormProblems) =>
    errors[field] ? (
      <p id={`${fieldIds[field]}-problem`} className="text-sm text-rose-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <Card>
      <h2 className="mb-3 font-bold">{fa.project.newContent}</h2>
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <Field id="title" label={fa.project.title} dir="auto" value={values.title} onChange={set('title')} {...invalid('title')} />
        {problem('title')}
        {templates.data?.length ? (
          <label htmlFor="template" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.prompts.useTemplate}</span>
            <select id="template" className="rounded-lg border border-slate-300 bg-white px-3 py-2" value={values.templateId} onChange={set('templateId')}>
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
          template.variables.map((variable) => <Field key={variable} id={`variable-${variable}`} label={variable} dir="auto" value={values.variables[variable] ?? ''} onChange={setVariable(variable)} />)
        ) : (
          <label htmlFor="prompt" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.project.prompt}</span>
            <textarea id="prompt" dir="auto" rows={4} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-base" value={values.prompt} onChange={set('prompt')} {...invalid('prompt')} />
          </label>
        )}
        {problem('prompt')}
        <div className="grid gap-3 sm:grid-cols-3">
          <label htmlFor="model" className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{fa.project.model}</span>
            <select id="model" className="rounded-lg border border-slate-300 bg-white px-3 py-2" dir="ltr" value={values.model} onChange={set('model')}>
              {['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini', 'gpt-4o'].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <Field id="temperature" label={fa.project.temperature} inputMode="decimal" dir="ltr" placeholder="0.7" value={values.temperature} onChange={set('temperature')} {...invalid('temperature')} />
          <Field id="max-tokens" label={fa.project.maxTokens} inputMode="numeric" dir="ltr" placeholder="800" value={values.maxTokens} onChange={set('maxTokens')} {...invalid('maxTokens')} />
        </div>
        {problem('temperature')}
        {problem('maxTokens')}
        <Button type="submit" disabled={create.isPending}>
          {fa.create}
        </Button>
        <ErrorBanner error={create.error} />
      </form>
    </Card>
  );
}
