/**
 * The layer rule, checked in CI by `npm run lint:layers`:
 *   domain        → only its own domain and libs/ddd (plain TypeScript)
 *   application   → its domain, its ports, libs; never infrastructure or presentation
 *   infrastructure→ anything of its own context except presentation
 *   another context → only through that context's index.ts
 *   libs          → never src
 */
const CONTEXT = '(accounts|content|ai|usage|notifications)';
const FRAMEWORKS =
  '^(node_modules/)?(@nestjs|typeorm|bullmq|ioredis|openai|pg|class-validator|class-transformer|@fastify|fastify|nestjs-pino|pino|prom-client)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain-typescript',
      comment: 'Domain code imports no framework, driver or SDK.',
      severity: 'error',
      from: { path: `(?:^|/)src/${CONTEXT}/domain/` },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-depends-on-domain-only',
      comment: 'Domain code imports only its own domain and the shared kernel (libs/ddd).',
      severity: 'error',
      from: { path: `(?:^|/)src/${CONTEXT}/domain/` },
      to: {
        path: '^',
        pathNot: [`(?:^|/)src/$1/domain/`, '(?:^|/)libs/ddd/', '^node:', '^(crypto|util)$'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'application-does-not-know-adapters',
      comment: 'Use cases talk to ports, never to infrastructure or presentation; metrics are recorded by adapters.',
      severity: 'error',
      from: { path: `(?:^|/)src/${CONTEXT}/application/` },
      to: {
        path: [
          `(?:^|/)src/$1/(infrastructure|presentation)/`,
          '^(node_modules/)?(typeorm|bullmq|ioredis|openai|pg|@fastify|fastify|prom-client)(/|$)',
        ],
      },
    },
    {
      name: 'infrastructure-does-not-know-presentation',
      severity: 'error',
      from: { path: `(?:^|/)src/${CONTEXT}/infrastructure/` },
      to: { path: `(?:^|/)src/$1/presentation/` },
    },
    {
      name: 'contexts-meet-through-their-index',
      comment: "A context may import another context only through that context's index.ts.",
      severity: 'error',
      from: { path: `(?:^|/)src/${CONTEXT}/` },
      to: { path: `(?:^|/)src/${CONTEXT}/.+`, pathNot: [`(?:^|/)src/$1/`, `(?:^|/)src/${CONTEXT}/index\\.ts$`] },
    },
    {
      name: 'ai-is-a-gateway',
      comment: 'The ai context (models, tokens, live events) imports no other context: the workflow owner calls it.',
      severity: 'error',
      from: { path: '(?:^|/)src/ai/' },
      to: { path: '(?:^|/)src/(accounts|content|usage|notifications)/' },
    },
    {
      name: 'libs-do-not-import-src',
      severity: 'error',
      from: { path: '(?:^|/)libs/' },
      to: { path: '(?:^|/)src/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
    moduleSystems: ['cjs', 'es6'],
  },
};
