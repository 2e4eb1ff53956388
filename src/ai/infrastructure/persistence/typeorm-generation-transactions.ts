import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OpenTransaction } from '../../../content';
import { GenerationTransactions } from '../../application/ports/generation-transactions';

@Injectable()
export class TypeOrmGenerationTransactions extends GenerationTransactions {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: (transaction: OpenTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ manager }));
  }
}
