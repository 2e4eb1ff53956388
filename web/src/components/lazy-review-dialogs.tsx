'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { Content, Version } from '@/lib/types';
import { ApproveButton, RejectButton } from './review-buttons';

// Radix Dialog and the diff are loaded on the first press (or hover, or focus) of a review button, not with the page.
const loadDialogs = () => import('./review-dialogs');
const ApproveDialog = dynamic(() => loadDialogs().then((dialogs) => dialogs.ApproveDialog), { ssr: false, loading: () => <ApproveButton aria-busy /> });
const RejectDialog = dynamic(() => loadDialogs().then((dialogs) => dialogs.RejectDialog), { ssr: false, loading: () => <RejectButton aria-busy /> });

type Review = 'approve' | 'reject';

/**
 * The approve and reject buttons of a content in review. Until one is first asked for (its button
 * or the page's A/R shortcut, through `open`), they are plain buttons of the same size; then the
 * dialogs replace them and open, with focus inside.
 */
export function LazyReviewDialogs({ content, versions, onChanged, open, onOpenChange }: { content: Content; versions: readonly Version[]; onChanged: () => void; open: Review | null; onOpenChange: (open: Review | null) => void }) {
  const [asked, setAsked] = useState(false);
  if (open !== null && !asked) setAsked(true);
  const preload = { onPointerEnter: () => void loadDialogs(), onFocus: () => void loadDialogs() };
  if (!asked && open === null) {
    return (
      <>
        <ApproveButton aria-expanded={false} {...preload} onClick={() => onOpenChange('approve')} />
        <RejectButton aria-expanded={false} {...preload} onClick={() => onOpenChange('reject')} />
      </>
    );
  }
  const opening = (name: Review) => ({ open: open === name, onOpenChange: (next: boolean) => onOpenChange(next ? name : null) });
  return (
    <>
      <ApproveDialog content={content} versions={versions} onChanged={onChanged} {...opening('approve')} />
      <RejectDialog content={content} onChanged={onChanged} {...opening('reject')} />
    </>
  );
}
