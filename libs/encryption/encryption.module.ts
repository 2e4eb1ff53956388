import { Global, Module } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { DataCipher } from './data-cipher';

/** The one DataCipher of a process, over the keys of DATA_ENCRYPTION_KEYS. */
@Global()
@Module({
  providers: [
    {
      provide: DataCipher,
      useFactory: (config: AppConfig) => new DataCipher(config.dataEncryptionKeys),
      inject: [AppConfig],
    },
  ],
  exports: [DataCipher],
})
export class EncryptionModule {}
