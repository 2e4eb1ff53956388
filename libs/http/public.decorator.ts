import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'contexor:public';

/** Opens a route to callers without a token. Every other route requires one (deny by default). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
