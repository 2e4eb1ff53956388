import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#libs/ddd';
import { ApiErrors } from '#libs/http';
import { CurrentActor, RequireRole, RequireStepUp } from '../../../accounts';
import { GetOrganizationProviderUseCase } from '../../application/use-cases/get-organization-provider.use-case';
import { RemoveOrganizationProviderUseCase } from '../../application/use-cases/remove-organization-provider.use-case';
import { SetOrganizationProviderUseCase } from '../../application/use-cases/set-organization-provider.use-case';
import { AiProviderResponseDto, SetAiProviderDto } from './dto/ai-provider.dto';

const RULES =
  'While set, every generation of the organization calls this base URL with this key, is charged by this price table, and may use only ' +
  'these models (another model is refused before anything is reserved with 400 MODEL_UNKNOWN). Usage records say which provider served ' +
  "each call (`provider`: `deployment` or `organization`). A quota or billing error from the organization's provider (429 insufficient_quota, " +
  "402, billing_hard_limit_reached) fails the generation at once with lastError.code PROVIDER_QUOTA (not Contexor's 402).";

@ApiTags('AI provider')
@ApiBearerAuth()
@Controller('organizations/:orgId/ai-provider')
export class AiProviderController {
  constructor(
    private readonly getProvider: GetOrganizationProviderUseCase,
    private readonly setProvider: SetOrganizationProviderUseCase,
    private readonly removeProvider: RemoveOrganizationProviderUseCase,
  ) {}

  @Get()
  @RequireRole('ADMIN')
  @ApiOperation({
    summary:
      "The organization's own OpenAI-compatible provider (ADMIN); 404 AI_PROVIDER_NOT_SET when it uses the deployment's",
    description: `The key is never answered, only its last 4 characters. ${RULES}`,
  })
  @ApiOkResponse({ type: AiProviderResponseDto })
  @ApiErrors({ 404: ['AI_PROVIDER_NOT_SET'] })
  async show(@Param('orgId') orgId: string): Promise<AiProviderResponseDto> {
    return AiProviderResponseDto.from(await this.getProvider.execute(orgId));
  }

  @Put()
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary:
      "Set or replace the organization's own provider: base URL, key (write-only) and price table (ADMIN, step-up)",
    description:
      'The key is encrypted at rest (AES-256-GCM under the deployment’s DATA_ENCRYPTION_KEYS, with the key id); the base URL passes the ' +
      'webhooks’ address guard (http or https, no credentials; loopback, private, link-local and reserved addresses refused unless the ' +
      'deployment sets WEBHOOK_ALLOW_PRIVATE_TARGETS). Audited as `ai_provider.set` without the key (its last 4 characters only). ' +
      `${RULES} Errors: 400 VALIDATION_FAILED, 400 AI_PROVIDER_INVALID (duplicate model, price over 10000), 400 AI_PROVIDER_URL_INVALID, ` +
      '400 AI_PROVIDER_TARGET_FORBIDDEN, 403 STEP_UP_REQUIRED.',
  })
  @ApiOkResponse({ type: AiProviderResponseDto })
  @ApiErrors({ 400: ['AI_PROVIDER_INVALID', 'AI_PROVIDER_URL_INVALID', 'AI_PROVIDER_TARGET_FORBIDDEN'] })
  async update(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: SetAiProviderDto,
  ): Promise<AiProviderResponseDto> {
    return AiProviderResponseDto.from(await this.setProvider.execute(actor, orgId, body));
  }

  @Delete()
  @RequireRole('ADMIN')
  @RequireStepUp()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      "Return the organization to the deployment's provider (ADMIN, step-up): its own provider and key are deleted",
    description:
      'Idempotent (204 without a provider too). Audited as `ai_provider.removed` when there was one. GET then answers 404 AI_PROVIDER_NOT_SET.',
  })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('orgId') orgId: string): Promise<void> {
    await this.removeProvider.execute(actor, orgId);
  }
}
