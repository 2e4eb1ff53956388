'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import { Fragment, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { api } from '@/lib/api';
import { formatDateTime, formatNumber, formatRelativeTime } from '@/lib/format';
import { useMe } from '@/lib/hooks';
import { describeNotification, type Part } from '@/lib/notifications';
import { queryKeys, reads } from '@/lib/queries';
import type { AppNotification, Inbox } from '@/lib/types';
import { useRead } from '@/lib/use-read';
import { fa } from '@/messages/fa';
import { ErrorBanner, Loading } from './ui';

/** How often the unread count is read while the tab is visible; it is also read on returning to the tab. */
export const POLL_INTERVAL_MS = 45_000;
/** How many of the newest notifications the panel lists. */
export const PANEL_LIMIT = 20;

/** The unread count as the badge shows it: Persian digits, «۹۹+» beyond 99. */
function badgeText(count: number): string {
  return count > 99 ? `${formatNumber(99)}+` : formatNumber(count);
}

/**
 * The header's bell: the unread count, polled (react-query does not poll a hidden tab, and reads
 * again when the tab is shown), and a panel of the newest notifications. Opening the panel moves
 * focus into it; Escape closes it and gives focus back to the bell, as does a click outside or Tab
 * out of it. Clicking a notification marks it read and goes to the page it is about.
 */
export function NotificationBell() {
  const queries = useQueryClient();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const unread = useRead(reads.notificationsUnread(), {
    select: (inbox) => inbox.unread,
    // While the panel is open its list is polled instead, and brings the count along.
    refetchInterval: open ? false : POLL_INTERVAL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });

  const markRead = useMutation({
    mutationFn: (id: string) => api<AppNotification>(`me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    // The count goes down at once; the answers that follow correct it if another tab read it too.
    onMutate: async (id: string) => {
      await queries.cancelQueries({ queryKey: queryKeys.notifications });
      const readAt = new Date().toISOString();
      const markOne = (inbox: Inbox | undefined) =>
        inbox && { unread: Math.max(0, inbox.unread - 1), items: inbox.items.map((item) => (item.id === id ? { ...item, readAt } : item)) };
      queries.setQueryData<Inbox>(queryKeys.notificationsList, markOne);
      queries.setQueryData<Inbox>(queryKeys.notificationsUnread, markOne);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: queryKeys.notifications }),
  });

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  function onBlur(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (open && next && !wrapper.current?.contains(next)) setOpen(false);
  }

  const count = unread.data ?? 0;
  return (
    <div ref={wrapper} className="md:relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-label={fa.notifications.bell(count > 0 ? badgeText(count) : null)}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((current) => !current)}
        className="relative rounded-lg p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <Bell aria-hidden="true" className="h-5 w-5" />
        {count > 0 ? (
          <span data-testid="notification-count" aria-hidden="true" className="absolute -top-0.5 -end-0.5 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs leading-5 font-bold text-white">
            {badgeText(count)}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel
          id={panelId}
          onOpen={(notification) => {
            if (notification.readAt === null) markRead.mutate(notification.id);
            setOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}

function NotificationPanel({ id, onOpen }: { id: string; onOpen: (notification: AppNotification) => void }) {
  const queries = useQueryClient();
  const me = useMe();
  const headingId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const inbox = useRead(reads.notificationsList(PANEL_LIMIT), { refetchInterval: POLL_INTERVAL_MS, staleTime: 0 });

  useEffect(() => panel.current?.focus(), []);
  // The list brings the unread count along: the bell's badge takes it from here while the panel is open.
  useEffect(() => {
    if (inbox.data) queries.setQueryData<Inbox>(queryKeys.notificationsUnread, { unread: inbox.data.unread, items: inbox.data.items.slice(0, 1) });
  }, [inbox.data, queries]);

  const organizations = new Map(me.data?.memberships.map((membership) => [membership.organizationId, membership.organizationName]));
  return (
    <div
      ref={panel}
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      className="absolute inset-x-2 top-full z-20 mt-1 max-h-[70vh] overflow-y-auto rounded-xl bg-white text-sm shadow-lg ring-1 ring-slate-200 focus:outline-none md:inset-x-auto md:end-0 md:w-96"
    >
      <h2 id={headingId} className="border-b border-slate-100 px-4 py-3 font-bold text-slate-800">
        {fa.notifications.title}
      </h2>
      {inbox.data ? (
        inbox.data.items.length ? (
          <ul data-testid="notification-list" className="divide-y divide-slate-100">
            {inbox.data.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                viewerId={me.data?.id}
                organizationName={organizations.get(notification.organizationId)}
                onOpen={() => onOpen(notification)}
              />
            ))}
          </ul>
        ) : (
          <p className="p-4 text-center text-slate-600">{fa.notifications.empty}</p>
        )
      ) : inbox.error ? (
        <div className="p-3">
          <ErrorBanner error={inbox.error} />
        </div>
      ) : (
        <Loading />
      )}
    </div>
  );
}

/** Interface words as they are; the user's own (a title, a reason) as text in its own direction, never as HTML. */
function Parts({ parts }: { parts: readonly Part[] }) {
  return parts.map((part, index) =>
    typeof part === 'string' ? (
      <Fragment key={index}>{part}</Fragment>
    ) : (
      <span key={index} dir="auto">
        {part.userText}
      </span>
    ),
  );
}

function NotificationItem({ notification, viewerId, organizationName, onOpen }: { notification: AppNotification; viewerId?: string; organizationName?: string; onOpen: () => void }) {
  const message = describeNotification(notification, viewerId);
  const unread = notification.readAt === null;
  const body = (
    <>
      <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${unread ? 'bg-indigo-600' : ''}`} />
      <span className="flex min-w-0 flex-col gap-0.5">
        {unread ? <span className="sr-only">{fa.notifications.unread}: </span> : null}
        <span className={`break-words ${unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>
          <Parts parts={message.sentence} />
        </span>
        {message.detail ? (
          <span className="break-words text-xs text-slate-600">
            <Parts parts={[message.detail]} />
          </span>
        ) : null}
        <span className="text-xs text-slate-600">
          <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
            {formatRelativeTime(notification.createdAt)}
          </time>
          {organizationName ? (
            <>
              {' · '}
              <span dir="auto">{organizationName}</span>
            </>
          ) : null}
        </span>
      </span>
    </>
  );
  const style = 'flex w-full gap-2 px-4 py-3 text-start hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600';
  return (
    <li data-unread={unread ? 'true' : undefined} className={unread ? 'bg-indigo-50' : undefined}>
      {message.href ? (
        <Link href={message.href} prefetch={false} onClick={onOpen} className={style}>
          {body}
        </Link>
      ) : (
        <button type="button" onClick={onOpen} className={style}>
          {body}
        </button>
      )}
    </li>
  );
}
