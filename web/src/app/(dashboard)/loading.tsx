import { fa } from '@/messages/fa';

/** Streamed at once while a page's first read is rendered on the server: the outline of a page, and the words for screen readers. */
export default function DashboardLoading() {
  return (
    <div role="status" className="flex flex-col gap-section">
      <p className="text-sm text-slate-600">{fa.boundary.loading}</p>
      <div aria-hidden="true" className="flex flex-col gap-section">
        <span className="skeleton h-8 w-1/3" />
        <div className="flex flex-col gap-3 rounded-xl bg-white p-card shadow-sm ring-1 ring-slate-200 md:p-6">
          <span className="skeleton h-4 w-full" />
          <span className="skeleton h-4 w-5/6" />
          <span className="skeleton h-4 w-2/3" />
        </div>
        <div className="flex flex-col gap-3 rounded-xl bg-white p-card shadow-sm ring-1 ring-slate-200 md:p-6">
          <span className="skeleton h-4 w-3/4" />
          <span className="skeleton h-4 w-1/2" />
        </div>
      </div>
    </div>
  );
}
