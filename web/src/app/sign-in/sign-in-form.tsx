'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter, useSearchParams } from 'next/navigation';
import { safeNextPath } from '@/lib/safe-next-path';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button, Card, Field } from '@/components/ui';
import { codeTimers } from '@/lib/countdown';
import { formatCountdown, toPersianDigits } from '@/lib/format';
import { codeSchema, phoneSchema } from '@/lib/sign-in-schema';
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
  const phoneForm = useForm<{ phone: string }, unknown, { phone: string }>({ resolver: zodResolver(phoneSchema), defaultValues: { phone: '' } });
  const codeForm = useForm<{ code: string }, unknown, { code: string }>({ resolver: zodResolver(codeSchema), defaultValues: { code: '' } });
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
    codeForm.reset({ code: '' });
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
        <form onSubmit={phoneForm.handleSubmit(({ phone }) => requestCode(phone, phoneForm.getValues('phone')))} className="flex flex-col gap-4" noValidate>
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
            {...phoneForm.register('phone')}
          />
          {phoneForm.formState.errors.phone ? (
            <p role="alert" className="text-sm text-rose-700">
              {errorMessage(phoneForm.formState.errors.phone.message)}
            </p>
          ) : null}
          <Button type="submit" disabled={busy}>
            {fa.signIn.sendCode}
          </Button>
        </form>
      ) : (
        <form onSubmit={codeForm.handleSubmit(({ code }) => verify(code))} className="flex flex-col gap-4" noValidate>
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
            {...codeForm.register('code')}
          />
          {codeForm.formState.errors.code ? (
            <p role="alert" className="text-sm text-rose-700">
              {errorMessage(codeForm.formState.errors.code.message)}
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
