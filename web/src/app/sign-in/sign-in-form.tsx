'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { safeNextPath } from '@/lib/safe-next-path';
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Card, Field } from '@/components/ui';
import { codeTimers } from '@/lib/countdown';
import { formatCountdown, toPersianDigits } from '@/lib/format';
import { codeOf } from '@/lib/otp-code';
import { phoneOf } from '@/lib/phone';
import { errorMessage, fa } from '@/messages/fa';

interface Sent {
  /** As typed, to show back. */
  phone: string;
  /** Latin digits, as sent to the API. */
  normalised: string;
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
  const next = safeNextPath(useSearchParams().get('next'));
  // Plain fields and two rules (src/lib/phone.ts, src/lib/otp-code.ts): no form library for two inputs.
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<'PHONE_INVALID' | 'OTP_INVALID' | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!sent) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [sent]);

  async function requestCode(phone: string, shown: string) {
    setBusy(true);
    setError(null);
    const answer = await post('/bff/auth/otp/request', { phone });
    setBusy(false);
    if (!answer.ok) {
      setError(errorMessage(String(answer.body.code), { seconds: answer.retryAfter ?? '' }));
      return;
    }
    setSent({ phone: shown, normalised: phone, at: Date.now(), ttl: Number(answer.body.ttl ?? 120), resendAfter: Number(answer.body.resendAfter ?? 60) });
    setNow(Date.now());
    setCode('');
    setProblem(null);
  }

  function submitPhone(event: FormEvent) {
    event.preventDefault();
    const normalised = phoneOf(phone);
    setProblem(normalised ? null : 'PHONE_INVALID');
    if (normalised) void requestCode(normalised, phone);
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    const typed = codeOf(code);
    setProblem(typed ? null : 'OTP_INVALID');
    if (typed) void verify(typed);
  }

  async function verify(code: string) {
    if (!sent) return;
    setBusy(true);
    setError(null);
    const answer = await post('/bff/auth/otp/verify', { phone: sent.normalised, code });
    setBusy(false);
    if (!answer.ok) {
      setError(errorMessage(String(answer.body.code)));
      return;
    }
    router.replace(next);
  }

  const timers = sent ? codeTimers(sent.at, now, sent.ttl, sent.resendAfter) : null;
  return (
    <Card>
      <h1 className="mb-6 text-xl font-bold">{fa.signIn.title}</h1>
      {!sent ? (
        <form onSubmit={submitPhone} className="flex flex-col gap-4" noValidate>
          <Field
            id="phone"
            label={fa.signIn.phoneLabel}
            hint={
              <>
                {fa.signIn.phoneHintBefore} <bdi dir="ltr">{fa.signIn.phoneExample}</bdi> — {fa.signIn.phoneHintAfter}
              </>
            }
            placeholder={fa.signIn.phoneExample}
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            name="phone"
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            aria-invalid={problem === 'PHONE_INVALID' ? true : undefined}
          />
          {problem === 'PHONE_INVALID' ? (
            <p role="alert" className="text-sm text-rose-700">
              {errorMessage(problem)}
            </p>
          ) : null}
          <Button type="submit" disabled={busy}>
            {fa.signIn.sendCode}
          </Button>
        </form>
      ) : (
        <form onSubmit={submitCode} className="flex flex-col gap-4" noValidate>
          <p className="text-sm text-slate-600">
            {fa.signIn.codeSentBefore} <bdi dir="ltr">{toPersianDigits(sent.phone)}</bdi> {fa.signIn.codeSentAfter}
          </p>
          <Field
            id="code"
            label={fa.signIn.codeLabel}
            hint={fa.signIn.codeHint}
            placeholder={fa.signIn.codeExample}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            dir="ltr"
            name="code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-invalid={problem === 'OTP_INVALID' ? true : undefined}
          />
          {problem === 'OTP_INVALID' ? (
            <p role="alert" className="text-sm text-rose-700">
              {errorMessage(problem)}
            </p>
          ) : null}
          <p className="text-sm text-slate-500" aria-live="polite">
            {timers?.expired ? fa.signIn.expired : fa.signIn.expiresIn(formatCountdown(timers?.expiresIn ?? 0))}
          </p>
          <Button type="submit" disabled={busy || timers?.expired}>
            {fa.signIn.verify}
          </Button>
          <div className="flex justify-between gap-2">
            <Button type="button" variant="secondary" disabled={busy || !timers?.canResend} onClick={() => void requestCode(sent.normalised, sent.phone)}>
              {timers?.canResend ? fa.signIn.resend : fa.signIn.resendIn(formatCountdown(timers?.resendIn ?? 0))}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setSent(null);
                setProblem(null);
              }}
            >
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
