import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnitOfWork } from '#libs/ddd';
import { inTransaction } from './transaction-scope';

/** A UnitOfWork run is one PostgreSQL transaction of the app's data source; adapters join it through `managerOf`. */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, () => work());
  }
}
