import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Only the chart parts a page uses end up in its bundle.
  experimental: { optimizePackageImports: ['recharts', 'lucide-react'] },
};

export default config;
