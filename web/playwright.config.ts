import { defineConfig } from '@playwright/test';

export const PORTS = { web: Number(process.env.WEB_E2E_PORT ?? 38101), api: Number(process.env.API_E2E_PORT ?? 38102), control: Number(process.env.CONTROL_E2E_PORT ?? 38103) };

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-output/results',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORTS.web}`,
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
