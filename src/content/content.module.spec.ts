import { loadConfig } from '#libs/config';
import { ContentModule } from './content.module';

describe('ContentModule.forRole', () => {
  it('gives one config the same module object, so that contexts importing it share one instance', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(ContentModule.forRole(config)).toBe(ContentModule.forRole(config));
    expect(ContentModule.forRole(loadConfig({ NODE_ENV: 'test' }))).not.toBe(ContentModule.forRole(config));
  });

  it('mounts controllers only where the process serves HTTP', () => {
    expect(ContentModule.forRole(loadConfig({ NODE_ENV: 'test', APP_ROLE: 'worker' })).controllers).toEqual([]);
    expect(ContentModule.forRole(loadConfig({ NODE_ENV: 'test', APP_ROLE: 'api' })).controllers).toHaveLength(7);
  });
});
