import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { fa } from '@/messages/fa';
import { vazirmatn } from './fonts';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = { title: fa.appName };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
