'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { Button, Card, Empty, ErrorBanner, Loading } from '@/components/ui';
import { api } from '@/lib/api';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AuditPage } from '@/lib/types';
import { fa } from '@/messages/fa';

export default function AuditLogPage() {
  const { id } = useParams<{ id: string }>();
  const [page, setPage] = useState(1);
  const log = useQuery({ queryKey: ['audit', id, page], queryFn: () => api<AuditPage>(`organizations/${id}/audit-log?page=${page}&limit=50`) });
  if (log.isLoading) return <Loading />;
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / 50));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-bold">{fa.audit.title}</h1>
      <ErrorBanner error={log.error} />
      <Card>
        {log.data && !log.data.items.length ? <Empty>{fa.audit.empty}</Empty> : null}
        <ul className="divide-y divide-slate-100 text-sm">
          {log.data?.items.map((entry) => (
            <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span dir="ltr">{entry.action}</span>
              <span className="text-slate-500">{formatDateTime(entry.createdAt)}</span>
            </li>
          ))}
        </ul>
        {pages > 1 ? (
          <nav className="mt-3 flex items-center justify-between text-sm" aria-label="pagination">
            <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {fa.project.previous}
            </Button>
            <span>{fa.project.page(formatNumber(page), formatNumber(pages))}</span>
            <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {fa.project.next}
            </Button>
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
