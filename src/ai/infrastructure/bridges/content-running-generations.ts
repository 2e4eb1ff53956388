import { Injectable } from '@nestjs/common';
import { ListRunningGenerationsUseCase } from '../../../content';
import { RunningGenerations, type RunningGeneration } from '../../application/ports/running-generations';

/** `RunningGenerations` over the content context's `ListRunningGenerationsUseCase`. */
@Injectable()
export class ContentRunningGenerations extends RunningGenerations {
  constructor(private readonly listRunning: ListRunningGenerationsUseCase) {
    super();
  }

  startedBefore(moment: Date, limit: number): Promise<RunningGeneration[]> {
    return this.listRunning.execute({ startedBefore: moment, limit });
  }
}
