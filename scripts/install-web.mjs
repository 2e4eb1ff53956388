// Root `postinstall`: installs the dashboard's own dependencies (web/ has its own lock), so that the
// README's `npm ci` prepares everything. Skipped where web/ is absent (the API's Docker image) or
// when CONTEXOR_SKIP_WEB=1.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.CONTEXOR_SKIP_WEB === '1' || !existsSync('web/package-lock.json')) process.exit(0);
execFileSync('npm', ['ci', '--prefix', 'web', '--no-audit', '--no-fund'], { stdio: 'inherit' });
