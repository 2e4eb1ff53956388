import Link from 'next/link';
import type { Me } from '@/lib/types';
import { fa } from '@/messages/fa';
import { Badge } from './ui';

type Membership = Me['memberships'][number];

/**
 * The caller's organizations as cards: the name (the user's text, isolated) and the caller's role in
 * it. The others open on the home page; the one shown is plain text, so the page holds one link per name.
 */
export function OrganizationCards({ memberships, current }: { memberships: Membership[]; current?: string }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="organization-cards">
      {memberships.map((membership) => {
        const selected = membership.organizationId === current;
        return (
          <li key={membership.organizationId} className={`flex flex-col gap-2 rounded-xl bg-white p-4 shadow-sm ring-1 ${selected ? 'ring-2 ring-indigo-600' : 'ring-slate-200'}`}>
            {selected ? (
              <p className="font-bold" aria-current="true">
                <bdi>{membership.organizationName}</bdi>
              </p>
            ) : (
              <Link href={`/?org=${membership.organizationId}`} className="rounded font-bold text-indigo-800 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
                <bdi>{membership.organizationName}</bdi>
              </Link>
            )}
            <span className="self-start">
              <Badge tone={membership.role === 'ADMIN' ? 'emerald' : 'slate'}>{fa.home.yourRole(fa.roles[membership.role] ?? membership.role)}</Badge>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
