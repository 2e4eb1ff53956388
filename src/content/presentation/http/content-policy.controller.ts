import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money, type Actor } from '#libs/ddd';
import { CurrentActor, RequireRole, RequireStepUp } from '../../../accounts';
import { GetContentPolicyUseCase } from '../../application/use-cases/policy/get-content-policy.use-case';
import { UpdateContentPolicyUseCase } from '../../application/use-cases/policy/update-content-policy.use-case';
import { ContentPolicyResponseDto, UpdateContentPolicyDto } from './dto/content-policy.dto';

@ApiTags('Personal data')
@ApiBearerAuth()
@Controller('organizations/:orgId/content-policy')
export class ContentPolicyController {
  constructor(
    private readonly getPolicy: GetContentPolicyUseCase,
    private readonly updatePolicy: UpdateContentPolicyUseCase,
  ) {}

  @Get()
  @RequireRole('VIEWER')
  @ApiOperation({
    summary: "The organization's content policy",
    description: 'Any member may read it. Errors: 404 (not a member).',
  })
  @ApiOkResponse({ type: ContentPolicyResponseDto })
  async get(@Param('orgId') orgId: string): Promise<ContentPolicyResponseDto> {
    return ContentPolicyResponseDto.from(await this.getPolicy.execute(orgId));
  }

  @Put()
  @RequireRole('ADMIN')
  @RequireStepUp()
  @ApiOperation({
    summary:
      'Set whether prompts with personal data may be sent to the model, whether exports mask personal data, whether an ADMIN may approve their own text, ' +
      'the cost ceiling per generation and the models contents may use',
    description:
      'A change is audited (`content.policy_changed`, with the settings that changed). `redactPiiInExports`, `allowSelfApproval`, ' +
      '`maxCostPerGenerationUsd` and `allowedModels` left out keep their values. With a ceiling, POST /contents/:id/generate refuses a generation ' +
      'whose worst case costs more with 402 GENERATION_COST_CEILING; with an allow-list, a content of another model with 400 MODEL_NOT_ALLOWED; ' +
      'both before anything is reserved or sent. ' +
      'Errors: 400 VALIDATION_FAILED, 403 FORBIDDEN (not ADMIN), 404 (not a member).',
  })
  @ApiOkResponse({ type: ContentPolicyResponseDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('orgId') orgId: string,
    @Body() body: UpdateContentPolicyDto,
  ): Promise<ContentPolicyResponseDto> {
    return ContentPolicyResponseDto.from(
      await this.updatePolicy.execute(actor, orgId, {
        blockPromptsWithPii: body.blockPromptsWithPii,
        redactPiiInExports: body.redactPiiInExports,
        allowSelfApproval: body.allowSelfApproval,
        maxCostPerGenerationUsd:
          body.maxCostPerGenerationUsd === undefined
            ? undefined
            : body.maxCostPerGenerationUsd === null
              ? null
              : Money.parse(body.maxCostPerGenerationUsd),
        allowedModels: body.allowedModels,
      }),
    );
  }
}
