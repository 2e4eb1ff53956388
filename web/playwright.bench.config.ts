import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run bench` (or the root's `npm run bench -- web`): figures printed, nothing asserted. */
export default defineConfig({ ...base, testDir: './bench', testMatch: '**/*.bench.ts', timeout: 180_000 });
