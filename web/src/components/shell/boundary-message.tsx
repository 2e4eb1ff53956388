import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** The body of a page that could not be shown (not found, forbidden, an error): what happened, why, and where to go. */
export function BoundaryMessage({ icon: Icon, title, children, actions }: { icon: LucideIcon; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center gap-4 rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-slate-200 md:p-10">
      <Icon aria-hidden="true" className="h-10 w-10 text-slate-500" />
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <div className="flex flex-col gap-2 text-slate-700">{children}</div>
      <div className="flex flex-wrap justify-center gap-3">{actions}</div>
    </section>
  );
}

export const PRIMARY_ACTION =
  'rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
export const SECONDARY_ACTION =
  'rounded-lg bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600';
