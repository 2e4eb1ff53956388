'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConfirmButton } from '@/components/confirm-button';
import { IsolatedMessage } from '@/components/isolated-message';
import { MemberName } from '@/components/member-name';
import { OrganizationHeading } from '@/components/organization-heading';
import { Button, Card, ErrorBanner, Field, Loading } from '@/components/ui';
import { api, ApiError } from '@/lib/api';
import { toPersianDigits } from '@/lib/format';
import { can } from '@/lib/hooks';
import { queryKeys, reads } from '@/lib/queries';
import { phoneOf } from '@/lib/phone';
import { useRead } from '@/lib/use-read';
import type { Role } from '@/lib/types';
import { errorMessage, fa } from '@/messages/fa';

const ROLES: Role[] = ['ADMIN', 'EDITOR', 'VIEWER'];

/** An organization's members with their roles; ADMINs invite by phone, change roles and remove members. */
export function MembersPage({ id }: { id: string }) {
  const queries = useQueryClient();
  const organization = useRead(reads.organization(id));
  const role = organization.data?.role;
  const members = useRead(reads.members(id));
  const [invitedPhone, setInvitedPhone] = useState('');
  const [invitedRole, setInvitedRole] = useState<Role>('EDITOR');
  const [phoneInvalid, setPhoneInvalid] = useState(false);
  const change = useMutation({
    mutationFn: (action: { method: string; path: string; body?: unknown }) => api(`organizations/${id}/members${action.path}`, { method: action.method, body: action.body }),
    // A role changed may be the caller's own: the organization's answer carries it.
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: queryKeys.members(id) }), queries.invalidateQueries({ queryKey: queryKeys.organization(id) })]),
  });
  const invite = (event: FormEvent) => {
    event.preventDefault();
    const phone = phoneOf(invitedPhone);
    setPhoneInvalid(!phone);
    if (phone) change.mutate({ method: 'POST', path: '', body: { phone, role: invitedRole } }, { onSuccess: () => setInvitedPhone('') });
  };
  const admin = can(role, 'ADMIN');
  if (members.isLoading) return <Loading />;
  return (
    <div className="flex flex-col gap-4">
      <OrganizationHeading title={fa.members.title} organization={organization.data} />
      <ErrorBanner error={members.error} />
      {change.error instanceof ApiError && change.error.code === 'LAST_ADMIN' ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">
          {fa.members.lastAdmin}
        </p>
      ) : (
        <ErrorBanner error={change.error} />
      )}
      <Card>
        <ul className="divide-y divide-slate-100">
          {members.data?.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <MemberName member={member} />
              {admin ? (
                <span className="flex items-center gap-2">
                  {/* Named after its member: the invite form's own «نقش» stays the only field of that name. A
                      name, not a hidden label, so the row's text holds the member's phone only once. */}
                  <select
                    id={`role-${member.userId}`}
                    aria-label={fa.members.roleOf(member.name ?? toPersianDigits(member.phone))}
                    className="rounded-lg border border-slate-300 px-2 py-1"
                    value={member.role}
                    onChange={(e) => change.mutate({ method: 'PATCH', path: `/${member.userId}`, body: { role: e.target.value } })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {fa.roles[r]}
                      </option>
                    ))}
                  </select>
                  <ConfirmButton
                    trigger={fa.members.remove}
                    title={fa.members.removeTitle}
                    description={member.name ? <IsolatedMessage message={fa.members.removeQuestion} value={member.name} /> : <IsolatedMessage message={fa.members.removeQuestion} value={toPersianDigits(member.phone)} ltr />}
                    confirm={fa.members.remove}
                    onConfirm={() => change.mutate({ method: 'DELETE', path: `/${member.userId}` })}
                  />
                </span>
              ) : (
                <span className="text-sm text-slate-600">{fa.roles[member.role]}</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {admin ? (
        <Card>
          <form onSubmit={invite} className="flex flex-col gap-2 sm:flex-row sm:items-end" noValidate>
            <div className="flex-1">
              <Field
                id="member-phone"
                label={fa.members.phone}
                inputMode="tel"
                dir="ltr"
                value={invitedPhone}
                onChange={(event) => setInvitedPhone(event.target.value)}
                aria-invalid={phoneInvalid ? true : undefined}
                aria-describedby={phoneInvalid ? 'member-phone-problem' : undefined}
              />
              {phoneInvalid ? (
                <p id="member-phone-problem" className="mt-1 text-sm text-rose-700">
                  {errorMessage('PHONE_INVALID')}
                </p>
              ) : null}
            </div>
            {/* The label beside the select, not around it: wrapped, its name would include every option's text. */}
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor="member-role" className="font-medium">
                {fa.members.role}
              </label>
              <select id="member-role" className="rounded-lg border border-slate-300 px-3 py-2" value={invitedRole} onChange={(event) => setInvitedRole(event.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {fa.roles[r]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" disabled={change.isPending}>
              {fa.members.invite}
            </Button>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
