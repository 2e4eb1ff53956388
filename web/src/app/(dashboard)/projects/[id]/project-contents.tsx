'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { JalaliDatePicker } from '@/components/jalali-date-picker';
import { Button, Card, Empty, ErrorBanner, Field, Loading, StatusBadge } from '@/components/ui';
import { contentsQuery } from '@/lib/contents-query';
import { formatDateTime } from '@/lib/format';
import { can, useOrganizationRole } from '@/lib/hooks';
import { reads } from '@/lib/queries';
import { useRead } from '@/lib/use-read';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { fa } from '@/messages/fa';
import { Pagination } from '@/components/pagination';

const STATUSES = ['DRAFT', 'IN_PROGRESS', 'REVIEW', 'APPROVED', 'REJECTED'];

// Only editors get the form, and the list should not wait for its form and validation code.
const NewContentForm = dynamic(() => import('./new-content-form'), { ssr: false, loading: () => <Loading /> });

/** The contents of a project; the page the URL names arrives rendered by the server (page.tsx), later ones are fetched here. */
export function ProjectContents({ id }: { id: string }) {
  const [params, go] = useSearchParamState();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const { query, page, limit: LIMIT } = contentsQuery(params);
  const [search, setSearch] = useState(q);
  const me = useRead(reads.me());
  const mine = params.get('createdBy') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';

  const project = useRead(reads.project(id));
  const role = useOrganizationRole(project.data?.organizationId);
  const contents = useRead(reads.contents(id, query));
  const filtered = Boolean(q || status || mine || from || to);
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
        <h1 className="text-xl font-bold">
          <bdi>{project.data?.name}</bdi>
        </h1>
        <Link href={`/workspaces/${project.data?.workspaceId}/prompts`} className="rounded text-sm text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          {fa.shell.prompts}
        </Link>
      </div>
      <Card>
        <form onSubmit={onSearch} role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <Field id="q" type="search" dir="auto" label={fa.project.search} value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Button type="submit">{fa.project.search.split(' ')[0]}</Button>
        </form>
        <div className="mt-3 grid gap-2 sm:grid-cols-3 sm:items-end">
          <JalaliDatePicker id="from" label={fa.project.from} value={from} onChange={(day) => day !== null && go({ from: day, page: '' })} />
          <JalaliDatePicker id="to" label={fa.project.to} value={to} onChange={(day) => day !== null && go({ to: day, page: '' })} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={Boolean(mine)} onChange={(e) => go({ createdBy: e.target.checked ? (me.data?.id ?? '') : '', page: '' })} />
            {fa.project.mine}
          </label>
        </div>
        <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label={fa.project.statusFilter}>
          {['', ...STATUSES].map((value) => (
            <button
              key={value || 'all'}
              type="button"
              aria-pressed={status === value}
              onClick={() => go({ status: value, page: '' })}
              className={`rounded-full px-3 py-1 text-sm ring-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${status === value ? 'bg-indigo-600 text-white ring-indigo-600' : 'bg-white text-slate-700 ring-slate-300'}`}
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
        {contents.data && !contents.data.items.length ? (
          filtered ? (
            <div className="flex flex-col items-center gap-2">
              <Empty>{fa.project.noMatch}</Empty>
              <Button variant="secondary" onClick={() => go({ q: '', status: '', createdBy: '', from: '', to: '', page: '' })}>
                {fa.project.clearFilters}
              </Button>
            </div>
          ) : (
            <Empty>{can(role, 'EDITOR') ? fa.project.empty : fa.project.emptyReadOnly}</Empty>
          )
        ) : null}
        <ul className="divide-y divide-slate-100" data-testid="contents-list">
          {contents.data?.items.map((content) => (
            <li key={content.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              {/* A page of up to 100 rows would prefetch every visible one: open on click instead. */}
              <Link href={`/contents/${content.id}`} prefetch={false} className="rounded font-medium text-indigo-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
                <bdi>{content.title}</bdi>
              </Link>
              <span className="flex items-center gap-3 text-xs text-slate-500">
                <StatusBadge status={content.status} />
                {formatDateTime(content.createdAt)}
              </span>
            </li>
          ))}
        </ul>
        <Pagination page={page} pages={pages} onPage={(next) => go({ page: String(next) })} />
      </Card>
      {can(role, 'EDITOR') && project.data ? <NewContentForm projectId={id} workspaceId={project.data.workspaceId} /> : null}
    </div>
  );
}
