import type { ReactNode } from 'react';
import type { Organization } from '@/lib/types';

/** The heading of a page of one organization: the page's title, the organization's name (the user's text, isolated) and what the page is for. */
export function OrganizationHeading({ title, organization, intro }: { title: string; organization?: Pick<Organization, 'name'>; intro?: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h1 className="text-xl font-bold">{title}</h1>
      {organization ? (
        <p className="text-sm font-medium text-slate-600" data-testid="organization-name">
          <bdi>{organization.name}</bdi>
        </p>
      ) : null}
      {intro ? <p className="text-sm text-slate-600">{intro}</p> : null}
    </div>
  );
}
