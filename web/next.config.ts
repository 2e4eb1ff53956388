import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Only the icons a page uses end up in its bundle.
  experimental: { optimizePackageImports: ['lucide-react'] },
};

export default config;
