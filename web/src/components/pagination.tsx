'use client';

import { formatNumber } from '@/lib/format';
import { fa } from '@/messages/fa';
import { Button } from './ui';

/** Previous and next around «صفحه ۲ از ۵», for a list paged in the URL; nothing when it fits on one page. */
export function Pagination({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <nav className="mt-3 flex items-center justify-between text-sm" aria-label={fa.project.pagination}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {fa.project.previous}
      </Button>
      <span>{fa.project.page(formatNumber(page), formatNumber(pages))}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {fa.project.next}
      </Button>
    </nav>
  );
}
