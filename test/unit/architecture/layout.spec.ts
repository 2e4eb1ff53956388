import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * The layout every bounded context follows, so that the next one follows it without being told:
 * the four layers, infrastructure folders named by technology, adapters named `<technology>-<port>`,
 * TypeORM entities and queue processors where their technology is.
 */
const root = join(__dirname, '..', '..', '..');
const src = join(root, 'src');
const CONTEXTS = ['accounts', 'ai', 'content', 'notifications', 'usage'];
const LAYERS = ['domain', 'application', 'infrastructure'];

/** The technologies an adapter may be built on; a new one is added here on purpose. */
const TECHNOLOGIES = [
  'bullmq',
  'config',
  'crypto',
  'dns',
  'http',
  'in-process',
  'jsdiff',
  'jwt',
  'kavenegar',
  'log',
  'openai',
  'otpauth',
  'prometheus',
  'redis',
  'tiktoken',
  'typeorm',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const infrastructureOf = (context: string) => join(src, context, 'infrastructure');
const sourceFiles = (dir: string) => filesUnder(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

/** Classes that extend a port: an abstract class imported from the context's application layer. */
function adapterClassesIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const ports = new Set(
    [...text.matchAll(/import (?:type )?\{([^}]*)\} from '(?:\.\.\/)+application\/[^']+';/g)].flatMap((m) =>
      m[1]!.split(',').map((name) => name.replace(/^\s*type\s+/, '').trim()),
    ),
  );
  return [...text.matchAll(/export class (\w+) extends (\w+)/g)].filter((m) => ports.has(m[2]!)).map((m) => m[1]!);
}

describe('the layout of a bounded context', () => {
  it.each(CONTEXTS)('%s has its module, its index and the layers', (context) => {
    const entries = readdirSync(join(src, context));
    expect(entries).toEqual(expect.arrayContaining([`${context}.module.ts`, 'index.ts', ...LAYERS]));
  });

  it.each(CONTEXTS)('%s names its infrastructure folders by technology, with no loose files', (context) => {
    const entries = readdirSync(infrastructureOf(context));
    expect(entries.filter((name) => !TECHNOLOGIES.includes(name))).toEqual([]);
  });

  it.each(CONTEXTS)("%s names each adapter after its folder's technology: <technology>-<port>.ts", (context) => {
    const misnamed = sourceFiles(infrastructureOf(context)).filter((file) => {
      const technology = relative(infrastructureOf(context), file).split('/')[0]!;
      return adapterClassesIn(file).length > 0 && !basename(file).startsWith(`${technology}-`);
    });
    expect(misnamed.map((file) => relative(root, file))).toEqual([]);
  });

  it.each(CONTEXTS)('%s keeps TypeORM entities in typeorm/ and queue processors in bullmq/', (context) => {
    const misplaced = sourceFiles(join(src, context)).filter((file) => {
      const folder = relative(infrastructureOf(context), file).split('/')[0];
      if (file.endsWith('.entity.ts')) return folder !== 'typeorm';
      if (file.endsWith('.processor.ts')) return folder !== 'bullmq';
      return false;
    });
    expect(misplaced.map((file) => relative(root, file))).toEqual([]);
  });

  it('finds the adapters it checks (a rule that checks nothing proves nothing)', () => {
    const adapters = CONTEXTS.flatMap((context) => sourceFiles(infrastructureOf(context)).flatMap(adapterClassesIn));
    expect(adapters).toEqual(
      expect.arrayContaining(['TypeOrmContentRepository', 'KavenegarSmsSender', 'OpenAiLlmClient']),
    );
  });
});
