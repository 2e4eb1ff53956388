/** The content context's public surface: other contexts import only from here. */
export { ContentModule } from './content.module';
export { contentWorkers } from './content.workers';
export type { ContentView } from './application/ports/content.repository';
export type { ContentStatus } from './domain/content-status';
