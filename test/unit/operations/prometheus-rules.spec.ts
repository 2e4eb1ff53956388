import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '#libs/config';

const PROMETHEUS = join(__dirname, '..', '..', '..', 'docker', 'prometheus');

function promtool(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, { cwd: PROMETHEUS, encoding: 'utf8' });
  return { status: run.status, output: run.error ? run.error.message : `${run.stdout}${run.stderr}` };
}

// Debian's `prometheus` package carries promtool; .ci/run installs it when it is missing. Only a
// machine that is not CI and lacks it skips these.
const available = spawnSync('promtool', ['--version']).error === undefined;
const describeWithPromtool = available || process.env.CI ? describe : describe.skip;

describeWithPromtool('docker/prometheus, checked by promtool', () => {
  it('has valid alert rules', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toMatchObject({ status: 0 });
  });

  it('has a valid scrape configuration, and the rule files it loads are valid', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatchObject({ status: 0 });
  });

  it("passes the alert rules' unit tests (alerts.test.yml)", () => {
    expect(promtool('test', 'rules', 'alerts.test.yml')).toMatchObject({ status: 0 });
  });
});

describe('docker/prometheus/prometheus.yml', () => {
  it('scrapes the api on its HTTP port and workers on the default METRICS_PORT', () => {
    const config = readFileSync(join(PROMETHEUS, 'prometheus.yml'), 'utf8');
    const defaults = loadConfig({});
    expect(config).toMatch(new RegExp(`names: \\[api\\]\\s+type: A\\s+port: ${defaults.http.port}\\b`));
    expect(config).toMatch(new RegExp(`names: \\[worker\\]\\s+type: A\\s+port: ${defaults.metrics.port}\\b`));
  });
});
