'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Card, Empty, ErrorBanner, Field, Loading, StatusBadge } from '@/components/ui';
import { api } from '@/lib/api';
import { contentFormSchema, type ContentFormInput, type ContentFormOutput } from '@/lib/content-form-schema';
import { contentsQuery } from '@/lib/contents-query';
import { formatDateTime, formatNumber } from '@/lib/format';
import { can, useMe, useWorkspaceAccess } from '@/lib/hooks';
import type { Content, Page, Project, PromptTemplate } from '@/lib/types';
import { fa } from '@/messages/fa';

const STATUSES = ['DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED'];

export interface FirstPage {
  project?: Project;
  contents?: Page<Content>;
  /** The API query `contents` answers. */
  query: string;
}

/** The contents of a project; the first page arrives rendered by the server, later ones are fetched here. */
export function ProjectContents({ first }: { first: FirstPage }) {
  const { id } = useParams<{ id: string }>();
  const router = useRouter();
  const params = useSearchParams();
  const queries = useQueryClient();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const { query, page, limit: LIMIT } = contentsQuery(params);
  const [search, setSearch] = useState(q);
  const form = useForm<ContentFormInput, unknown, ContentFormOutput>({
    resolver: zodResolver(contentFormSchema),
    defaultValues: { title: '', templateId: '', prompt: '', variables: {}, model: 'gpt-4.1-mini', temperature: '', maxTokens: '' },
  });
  const templateId = form.watch('templateId');
  const errors = form.formState.errors;
  const me = useMe();
  const mine = params.get('createdBy') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';

  const project = useQuery({ queryKey: ['project', id], queryFn: () => api<Project>(`projects/${id}`), initialData: first.project });
  const access = useWorkspaceAccess(project.data?.workspaceId);
  const contents = useQuery({
    queryKey: ['contents', id, query],
    queryFn: () => api<Page<Content>>(`projects/${id}/contents?${query}`),
    initialData: query === first.query ? first.contents : undefined,
  });
  const templates = useQuery({ queryKey: ['prompts', project.data?.workspaceId], queryFn: () => api<PromptTemplate[]>(`workspaces/${project.data?.workspaceId}/prompts`), enabled: Boolean(project.data) });
  const template = templates.data?.find((t) => t.id === templateId);
  const create = useMutation({
    mutationFn: (input: ContentFormOutput) =>
      api<Content>(`projects/${id}/contents`, {
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
      await queries.invalidateQueries({ queryKey: ['contents', id] });
      router.push(`/contents/${content.id}`);
    },
  });

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`/projects/${id}?${next}`);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ q: search.trim(), page: '' });
  };
  const pages = Math.max(1, Math.ceil((contents.data?.total ?? 0) / LIMIT));

  if (project.isLoading) return <Loading />;
  if (project.error) return <ErrorBanner error={project.error} />;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-bold" dir="auto">
          {project.data?.name}
        </h1>
        <Link href={`/workspaces/${project.data?.workspaceId}/prompts`} className="text-sm text-indigo-700 underline">
          {fa.shell.prompts}
        </Link>
      </div>
      <Card>
        <form onSubmit={onSearch} role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field id="q" type="search" label={fa.project.search} value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Button type="submit">{fa.project.search.split(' ')[0]}</Button>
        </form>
        <div className="mt-3 grid gap-2 sm:grid-cols-3 sm:items-end">
          <Field id="from" type="date" label={fa.project.from} value={from} onChange={(e) => go({ from: e.target.value, page: '' })} />
          <Field id="to" type="date" label={fa.project.to} value={to} onChange={(e) => go({ to: e.target.value, page: '' })} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={Boolean(mine)} onChange={(e) => go({ createdBy: e.target.checked ? (me.data?.id ?? '') : '', page: '' })} />
            {fa.project.mine}
          </label>
        </div>
        <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="status">
          {['', ...STATUSES].map((value) => (
            <button
              key={value || 'all'}
              type="button"
              aria-pressed={status === value}
              onClick={() => go({ status: value, page: '' })}
              className={`rounded-full px-3 py-1 text-sm ring-1 ${status === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-700 ring-slate-300'}`}
            >
              {value ? fa.status[value] : fa.project.all}
            </button>
          ))}
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 font-bold">{fa.project.contents}</h2>
        {contents.isLoading ? <Loading /> : null}
        <ErrorBanner error={contents.error} />
        {contents.data && !contents.data.items.length ? <Empty>{fa.project.empty}</Empty> : null}
        <ul className="divide-y divide-slate-100" data-testid="contents-list">
          {contents.data?.items.map((content) => (
            <li key={content.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <Link href={`/contents/${content.id}`} className="font-medium text-indigo-800 hover:underline" dir="auto">
                {content.title}
              </Link>
              <span className="flex items-center gap-3 text-xs text-slate-500">
                <StatusBadge status={content.status} />
                {formatDateTime(content.createdAt)}
              </span>
            </li>
          ))}
        </ul>
        {contents.data && contents.data.total > LIMIT ? (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label="pagination">
            <Button variant="secondary" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
              {fa.project.previous}
            </Button>
            <span>{fa.project.page(formatNumber(page), formatNumber(pages))}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
              {fa.project.next}
            </Button>
          </nav>
        ) : null}
      </Card>
      {can(access.role, 'EDITOR') ? (
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
                    <option key={t.id} value={t.id}>
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
      ) : null}
    </div>
  );
}
