import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run verify` typechecks the whole repository with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default config;
