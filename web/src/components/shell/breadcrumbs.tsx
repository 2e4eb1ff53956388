'use client';

import { ChevronLeft } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { fa } from '@/messages/fa';
import { crumbsOf, type Crumb } from './crumbs';
import { routeOf } from './route';
import { useBranch } from './use-branch';

/** The trail of every page below home, drawn from the pathname: pages need not know they have one. */
export function Breadcrumbs() {
  const route = routeOf(usePathname());
  const crumbs = crumbsOf(route, useBranch(route));
  if (!crumbs.length) return null;
  return (
    <nav aria-label={fa.shell.breadcrumbs} className="mx-auto max-w-6xl px-3 pt-3 md:px-6 md:pt-5">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-sm text-slate-600">
        {crumbs.map((crumb, index) => (
          <li key={crumb.key} className="flex min-w-0 items-center gap-1">
            {index > 0 ? <ChevronLeft aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-500" /> : null}
            <Step crumb={crumb} current={index === crumbs.length - 1} />
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Step({ crumb, current }: { crumb: Crumb; current: boolean }) {
  if (crumb.label === undefined) {
    return <span aria-hidden="true" className="inline-block h-4 w-16 animate-pulse rounded bg-slate-200" />;
  }
  const text = crumb.userText ? <bdi dir="auto">{crumb.label}</bdi> : crumb.label;
  if (current) {
    return (
      <span aria-current="page" className="max-w-[16rem] truncate font-medium text-slate-900">
        {text}
      </span>
    );
  }
  if (!crumb.href) return <span className="max-w-[12rem] truncate">{text}</span>;
  return (
    <Link
      href={crumb.href}
      className="max-w-[12rem] truncate rounded text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {text}
    </Link>
  );
}
