import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { UnitOfWork } from '#libs/ddd';
import { dataSourceOptions } from './data-source-options';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

/** The app's data source, and the UnitOfWork every context's use cases make their writes atomic with. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), entities: [], autoLoadEntities: true }),
    }),
  ],
  providers: [{ provide: UnitOfWork, useClass: TypeOrmUnitOfWork }],
  exports: [UnitOfWork],
})
export class DatabaseModule {}
