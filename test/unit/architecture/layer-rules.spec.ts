import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

const root = join(__dirname, '..', '..', '..');

function cruise(target: string): Violation[] {
  const output = execFileSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    [target, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    {
      cwd: root,
      encoding: 'utf8',
      // The JSON report of the whole tree passed the default 1 MiB and came back cut off.
      maxBuffer: 64 * 1024 * 1024,
      // depcruise exits non-zero when it finds violations; the JSON report is what we assert on.
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).toString();
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

function safeCruise(target: string): Violation[] {
  try {
    return cruise(target);
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }
}

describe('the layer rule (dependency-cruiser)', () => {
  const violations = safeCruise('test/unit/architecture/fixtures');
  const ruleFor = (fromSuffix: string) => violations.filter((v) => v.from.endsWith(fromSuffix)).map((v) => v.rule.name);

  it('fails a domain file that imports @nestjs/common', () => {
    expect(ruleFor('content/domain/framework-in-domain.ts')).toContain('domain-is-plain-typescript');
  });

  it('fails a use case that imports an infrastructure adapter', () => {
    expect(ruleFor('content/application/use-cases/adapter-in-use-case.ts')).toContain(
      'application-does-not-know-adapters',
    );
  });

  it('fails a use case that imports prom-client (adapters and processors record metrics)', () => {
    expect(ruleFor('content/application/use-cases/metrics-in-use-case.ts')).toContain(
      'application-does-not-know-adapters',
    );
  });

  it("fails a context that imports another context's internals", () => {
    expect(ruleFor('content/domain/other-context-internals.ts')).toContain('contexts-meet-through-their-index');
  });

  it('fails the ai gateway importing another context, even through its index', () => {
    expect(ruleFor('ai/application/gateway-calls-usage.ts')).toContain('ai-is-a-gateway');
  });

  it('lets application code import its own domain', () => {
    expect(ruleFor('usage/application/allowed.ts')).toEqual([]);
  });

  it('finds no violation in the real source tree', () => {
    expect(safeCruise('src')).toEqual([]);
    expect(safeCruise('libs')).toEqual([]);
  });
});
