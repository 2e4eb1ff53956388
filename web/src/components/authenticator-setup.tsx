'use client';

import { useState } from 'react';
import { groupSecret } from '@/lib/two-factor';
import type { TwoFactorEnrolment } from '@/lib/types';
import { fa } from '@/messages/fa';
import { QrCode } from './qr-code';
import { Button } from './ui';

/** What an authenticator app needs to add the account: the QR code of the otpauth:// URI, or the secret typed by hand. */
export function AuthenticatorSetup({ enrolment }: { enrolment: TwoFactorEnrolment }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{fa.security.scan}</p>
      <div className="self-center sm:self-start">
        <QrCode value={enrolment.otpauthUri} label={fa.security.qrLabel} />
      </div>
      <p className="text-sm text-slate-600">{fa.security.manual}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code dir="ltr" data-testid="two-factor-secret" className="rounded bg-slate-100 p-2 font-mono text-sm tracking-wider break-all select-all">
          {groupSecret(enrolment.secret)}
        </code>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(enrolment.secret).then(() => setCopied(true));
          }}
        >
          {copied ? fa.webhooks.copied : fa.webhooks.copy}
        </Button>
      </div>
    </div>
  );
}
