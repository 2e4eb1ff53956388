'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, Field } from '@/components/ui';
import { codeTimers } from '@/lib/countdown';
import { formatCountdown, toLatinDigits } from '@/lib/format';
import { errorMessage, fa } from '@/messages/fa';

interface Sent {
  phone: string;
  at: number;
  ttl: number;
  resendAfter: number;
}

async function post(path: string, body: unknown): Promise<{ ok: boolean; status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { ok: response.ok, status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
}

export function SignInForm() {
  const router = useRouter();
  const next = useSearchParams().get('next') ?? '/';
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!sent) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [sent]);

  async function requestCode(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await post('/bff/auth/otp/request', { phone: toLatinDigits(phone) });
    setBusy(false);
    if (!answer.ok) {
      setError(errorMessage(String(answer.body.code), { seconds: answer.retryAfter ?? '' }));
      return;
    }
    setSent({ phone, at: Date.now(), ttl: Number(answer.body.ttl ?? 120), resendAfter: Number(answer.body.resendAfter ?? 60) });
    setNow(Date.now());
    setCode('');
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await post('/bff/auth/otp/verify', { phone: toLatinDigits(phone), code: toLatinDigits(code) });
    setBusy(false);
    if (!answer.ok) {
      setError(errorMessage(String(answer.body.code)));
      return;
    }
    router.replace(next.startsWith('/') && !next.startsWith('//') ? next : '/');
  }

  const timers = sent ? codeTimers(sent.at, now, sent.ttl, sent.resendAfter) : null;
  return (
    <Card>
      <h1 className="mb-6 text-xl font-bold">{fa.signIn.title}</h1>
      {!sent ? (
        <form onSubmit={requestCode} className="flex flex-col gap-4">
          <Field id="phone" label={fa.signIn.phoneLabel} placeholder={fa.signIn.phoneHint} value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="tel" dir="ltr" required />
          <Button type="submit" disabled={busy || !phone.trim()}>
            {fa.signIn.sendCode}
          </Button>
        </form>
      ) : (
        <form onSubmit={verify} className="flex flex-col gap-4">
          <p className="text-sm text-slate-600">{fa.signIn.codeSentTo(sent.phone)}</p>
          <Field id="code" label={fa.signIn.codeLabel} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} dir="ltr" required />
          <p className="text-sm text-slate-500" aria-live="polite">
            {timers?.expired ? fa.signIn.expired : fa.signIn.expiresIn(formatCountdown(timers?.expiresIn ?? 0))}
          </p>
          <Button type="submit" disabled={busy || toLatinDigits(code).replace(/\D/g, '').length !== 6 || timers?.expired}>
            {fa.signIn.verify}
          </Button>
          <div className="flex justify-between gap-2">
            <Button type="button" variant="secondary" disabled={busy || !timers?.canResend} onClick={() => void requestCode()}>
              {timers?.canResend ? fa.signIn.resend : fa.signIn.resendIn(formatCountdown(timers?.resendIn ?? 0))}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setSent(null)}>
              {fa.signIn.changePhone}
            </Button>
          </div>
        </form>
      )}
      {error ? (
        <p role="alert" className="mt-4 rounded-lg bg-rose-50 p-3 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
