import { Injectable } from '@nestjs/common';
import { CheckTargetAddressUseCase } from '../../../notifications';
import { ProviderAddressGuard, type TargetVerdict } from '../../application/ports/organization-providers';

/** The webhooks' own address guard (notifications context), exported for other contexts' outgoing calls. */
@Injectable()
export class InProcessProviderAddressGuard extends ProviderAddressGuard {
  constructor(private readonly targets: CheckTargetAddressUseCase) {
    super();
  }

  check(url: string): Promise<TargetVerdict> {
    return this.targets.execute(url);
  }
}
