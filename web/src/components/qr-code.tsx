'use client';

import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code drawn as SVG in the browser (uqr, no canvas): the text never leaves the page, which
 * matters for an authenticator's otpauth:// URI, whose secret is the second factor itself.
 */
export function QrCode({ value, label, size = 208 }: { value: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    const qr = encode(value, { ecc: 'M', border: 2 });
    const cells: string[] = [];
    qr.data.forEach((row, y) => row.forEach((dark, x) => dark && cells.push(`M${x} ${y}h1v1h-1z`)));
    return { path: cells.join(''), modules: qr.size };
  }, [value]);
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${modules} ${modules}`} shapeRendering="crispEdges" className="rounded-lg ring-1 ring-slate-200">
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
