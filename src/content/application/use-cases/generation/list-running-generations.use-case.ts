import { Injectable } from '@nestjs/common';
import { ContentRepository, type RunningGeneration } from '../../ports/content.repository';

export interface ListRunningGenerationsInput {
  /** Only generations started before this moment. */
  startedBefore: Date;
  limit: number;
}

/** For the ai context's recovery of lost jobs: contents IN_PROGRESS for a while, oldest first. */
@Injectable()
export class ListRunningGenerationsUseCase {
  constructor(private readonly contents: ContentRepository) {}

  execute(input: ListRunningGenerationsInput): Promise<RunningGeneration[]> {
    return this.contents.findRunningGenerations(input.startedBefore, Math.max(1, Math.min(input.limit, 500)));
  }
}
