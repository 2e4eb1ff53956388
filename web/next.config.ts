import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Only the icons a page uses end up in its bundle; authInterrupts gives forbidden() and forbidden.tsx (a 403 from the API).
  experimental: { optimizePackageImports: ['lucide-react'], authInterrupts: true },
};

export default config;
