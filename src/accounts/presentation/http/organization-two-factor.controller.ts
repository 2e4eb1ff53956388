import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { SetOrganizationTwoFactorUseCase } from '../../application/two-factor/set-organization-two-factor.use-case';
import { CurrentActor, RequireRole, RequireStepUp } from './access/access.decorators';
import { OrganizationResponseDto } from './dto/organization.dto';
import { OrganizationTwoFactorDto } from './dto/two-factor.dto';

@ApiTags('Organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationTwoFactorController {
  constructor(private readonly setTwoFactor: SetOrganizationTwoFactorUseCase) {}

  @Put(':orgId/two-factor')
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary: 'Require (or stop requiring) an authenticator app of the organization’s ADMINs',
    description:
      'While required, an ADMIN without an authenticator gets 403 TWO_FACTOR_ENROLMENT_REQUIRED on sensitive actions, and one with it 403 STEP_UP_REQUIRED unless stepped up in the last 10 minutes. Errors: 403 TWO_FACTOR_ENROLMENT_REQUIRED when you have no authenticator yourself.',
  })
  @ApiOkResponse({ type: OrganizationResponseDto })
  async put(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: OrganizationTwoFactorDto,
  ): Promise<OrganizationResponseDto> {
    return OrganizationResponseDto.from(await this.setTwoFactor.execute(actor, orgId, body));
  }
}
