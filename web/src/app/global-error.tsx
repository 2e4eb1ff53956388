'use client';

import { boundary } from '@/messages/fa-boundary';
import { vazirmatn } from './fonts';
import './globals.css';

/**
 * The last resort, when the dashboard's own frame failed (its layout's read of the user, for one): it
 * replaces the root layout, so it brings its own html and body.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body className="min-h-screen">
        <main className="mx-auto flex min-h-screen max-w-xl flex-col items-center justify-center gap-4 p-4 text-center">
          <h1 className="text-2xl font-bold">{boundary.globalErrorTitle}</h1>
          <p role="alert" className="text-slate-700">
            {boundary.errorBody}
          </p>
          {error.digest ? (
            <p className="text-sm text-slate-600">
              {boundary.digest}: <bdi dir="ltr">{error.digest}</bdi>
            </p>
          ) : null}
          <div className="flex gap-3">
            <button type="button" onClick={reset} className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
              {boundary.tryAgain}
            </button>
            {/* A full load: the frame that failed is rendered anew. */}
            <a href="/" className="rounded-lg px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100">
              {boundary.goHome}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
