'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ConfirmButton } from '@/components/confirm-button';
import { IsolatedMessage } from '@/components/isolated-message';
import { Button, Card, Empty, ErrorBanner, Field, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { can, useOrganizationRole, useWorkspaceAccess } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import { templateVariables } from '@/lib/template-variables';
import type { PromptTemplate } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { promptProblems, trimmedPrompt, type PromptInput, type PromptProblems } from './prompt-input';

const BLANK: PromptInput = { name: '', category: '', template: '' };

/** A workspace's prompt templates by category; EDITORs write, edit and delete them. */
export function PromptsPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const [category, setCategory] = useState('');
  const prompts = useRead(reads.prompts(id));
  const [values, setValues] = useState<PromptInput>(BLANK);
  const [problems, setProblems] = useState<PromptProblems>({});
  const change = (field: keyof PromptInput) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((current) => ({ ...current, [field]: event.target.value }));
  // A template names its organization; only an empty workspace needs the search through every organization's workspaces.
  const organizationId = prompts.data?.[0]?.organizationId;
  const roleByTemplate = useOrganizationRole(organizationId);
  const access = useWorkspaceAccess(prompts.data && !organizationId ? id : undefined);
  const editor = can(organizationId ? roleByTemplate : access.role, 'EDITOR');
  // The template being edited, or null while the form writes a new one.
  const [editing, setEditing] = useState<PromptTemplate | null>(null);
  // A new template starts in the category of the last one.
  const startBlank = () => {
    setValues((current) => ({ ...BLANK, category: current.category }));
    setProblems({});
  };
  const save = useMutation({
    mutationFn: (input: PromptInput) =>
      editing ? api<PromptTemplate>(`prompts/${editing.id}`, { method: 'PATCH', body: input }) : api<PromptTemplate>(`workspaces/${id}/prompts`, { method: 'POST', body: input }),
    onSuccess: async () => {
      setEditing(null);
      startBlank();
      await queries.invalidateQueries({ queryKey: queryKeys.prompts(id) });
    },
  });
  const remove = useMutation({
    mutationFn: (prompt: PromptTemplate) => api(`prompts/${prompt.id}`, { method: 'DELETE' }),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.prompts(id) }),
  });
  const startEditing = (prompt: PromptTemplate) => {
    setEditing(prompt);
    setValues({ name: prompt.name, category: prompt.category, template: prompt.template });
    setProblems({});
    document.getElementById('prompt-name')?.focus();
  };
  const categories = [...new Set(prompts.data?.map((p) => p.category) ?? [])];
  const shown = prompts.data?.filter((p) => !category || p.category === category) ?? [];
  const found = templateVariables(values.template);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const refused = promptProblems(values);
    setProblems(refused);
    if (!Object.keys(refused).length) save.mutate(trimmedPrompt(values));
  };
  const problemOf = (field: keyof PromptInput, id: string) =>
    problems[field] ? (
      <p id={`${id}-problem`} className="text-sm text-rose-700">
        {problems[field]}
      </p>
    ) : null;
  const invalid = (field: keyof PromptInput, id: string) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {});
  if (prompts.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.prompts.title}</h1>
      <ErrorBanner error={prompts.error ?? save.error ?? remove.error} />
      <Card>
        <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label={fa.prompts.category}>
          {['', ...categories].map((value) => (
            <button
              key={value || 'all'}
              type="button"
              aria-pressed={category === value}
              onClick={() => setCategory(value)}
              className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${category === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white ring-slate-300'}`}
            >
              {value ? <bdi>{value}</bdi> : fa.prompts.all}
            </button>
          ))}
        </div>
        {!shown.length ? <Empty>{editor ? fa.prompts.empty : fa.prompts.emptyReadOnly}</Empty> : null}
        <ul className="divide-y divide-slate-100">
          {shown.map((p) => (
            <li key={p.id} className="py-2">
              <p className="font-medium">
                <bdi>{p.name}</bdi>{' '}
                <span className="text-xs text-slate-500">
                  — <bdi>{p.category}</bdi>
                </span>
              </p>
              <p className="text-sm whitespace-pre-wrap text-slate-600" dir="auto">
                {p.template}
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span>
                  {fa.prompts.variables}: {p.variables.length ? p.variables.map((v) => (
                        <code key={v} dir="auto" className="mx-0.5 rounded bg-slate-100 px-1 text-slate-800 [unicode-bidi:isolate]">
                          {v}
                        </code>
                      )) : fa.prompts.none}
                </span>
                {editor ? (
                  <span className="ms-auto flex gap-2">
                    <Button variant="secondary" onClick={() => startEditing(p)} aria-label={fa.prompts.editNamed(p.name)}>
                      {fa.prompts.edit}
                    </Button>
                    <ConfirmButton trigger={fa.prompts.delete} title={fa.prompts.deleteTitle} description={<IsolatedMessage message={fa.prompts.deleteQuestion} value={p.name} />} confirm={fa.prompts.delete} onConfirm={() => remove.mutate(p)} />
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {editor ? (
        <Card>
          <h2 className="mb-3 font-bold">{editing ? <IsolatedMessage message={fa.prompts.editing} value={editing.name} /> : fa.prompts.newTemplate}</h2>
          <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
            <Field id="prompt-name" label={fa.prompts.name} dir="auto" value={values.name} onChange={change('name')} {...invalid('name', 'prompt-name')} />
            {problemOf('name', 'prompt-name')}
            <Field id="prompt-category" label={fa.prompts.category} dir="auto" value={values.category} onChange={change('category')} {...invalid('category', 'prompt-category')} />
            {problemOf('category', 'prompt-category')}
            <label htmlFor="prompt-template" className="flex flex-col gap-1 text-sm">
              <span className="font-medium">{fa.prompts.template}</span>
              <textarea
                id="prompt-template"
                dir="auto"
                rows={4}
                className="rounded-lg border border-slate-300 px-3 py-2 text-base"
                value={values.template}
                onChange={change('template')}
                {...invalid('template', 'prompt-template')}
              />
            </label>
            {problemOf('template', 'prompt-template')}
            <p className="text-sm text-slate-600" aria-live="polite">
              {fa.prompts.variables}: {found.length ? found.map((v) => (
                    <code key={v} dir="auto" className="mx-1 rounded bg-slate-100 px-1 [unicode-bidi:isolate]">
                      {v}
                    </code>
                  )) : fa.prompts.none}
            </p>
            <div className="flex gap-2">
              <Button type="submit" disabled={save.isPending}>
                {editing ? fa.prompts.saveChanges : fa.prompts.create}
              </Button>
              {editing ? (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setEditing(null);
                    startBlank();
                  }}
                >
                  {fa.cancel}
                </Button>
              ) : null}
            </div>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
