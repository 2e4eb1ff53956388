import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { latinTrimmed, trim } from '#libs/http';
import type { OrganizationProvider } from '../../../domain/organization-provider';
import { PROVIDER_LIMITS } from '../../../domain/organization-provider';

const PRICE = /^\d{1,5}(?:\.\d{1,6})?$/;
const priceMessage = (field: string) => ({
  message: `${field} must be a decimal string of USD per million tokens (at most 6 decimals, at most 10000), like "0.40"`,
});

export class AiProviderModelDto {
  @ApiProperty({ example: 'gpt-4.1-mini', description: 'The model name the provider expects (unique in the list)' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/, { message: 'id must be a model name (letters, digits, . _ : / -)' })
  id!: string;

  @ApiProperty({ example: '0.40', description: 'USD per million uncached prompt tokens (decimal string, 0 … 10000)' })
  @Transform(latinTrimmed)
  @IsString()
  @Matches(PRICE, priceMessage('inputUsdPerMTok'))
  inputUsdPerMTok!: string;

  @ApiProperty({ example: '0.10', description: 'USD per million cached prompt tokens (decimal string, 0 … 10000)' })
  @Transform(latinTrimmed)
  @IsString()
  @Matches(PRICE, priceMessage('cachedInputUsdPerMTok'))
  cachedInputUsdPerMTok!: string;

  @ApiProperty({
    example: '1.60',
    description: 'USD per million completion tokens, reasoning included (decimal string, 0 … 10000)',
  })
  @Transform(latinTrimmed)
  @IsString()
  @Matches(PRICE, priceMessage('outputUsdPerMTok'))
  outputUsdPerMTok!: string;
}

/** PUT body: the whole provider; the key must be sent every time (it is never read back). */
export class SetAiProviderDto {
  @ApiProperty({
    example: 'https://relay.example.ir/v1',
    description:
      "An OpenAI-compatible API's base URL (the part before /chat/completions). It passes the webhooks' address guard.",
  })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  baseUrl!: string;

  @ApiProperty({
    example: 'sk-relay-0123456789abcd',
    description: 'The API key, write-only: kept encrypted, answered only as its last 4 characters.',
    writeOnly: true,
  })
  @IsString()
  @MinLength(PROVIDER_LIMITS.minKeyLength)
  @MaxLength(PROVIDER_LIMITS.maxKeyLength)
  apiKey!: string;

  @ApiProperty({
    type: [AiProviderModelDto],
    description: `The models the organization may generate with, and their prices (1 … ${PROVIDER_LIMITS.maxModels}, unique ids)`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROVIDER_LIMITS.maxModels)
  @ValidateNested({ each: true })
  @Type(() => AiProviderModelDto)
  models!: AiProviderModelDto[];
}

export class AiProviderResponseDto {
  @ApiProperty({ example: 'https://relay.example.ir/v1' })
  baseUrl!: string;

  @ApiProperty({ example: 'abcd', description: 'The last 4 characters of the key; the key itself is never answered' })
  apiKeyLast4!: string;

  @ApiProperty({ type: [AiProviderModelDto] })
  models!: AiProviderModelDto[];

  @ApiProperty({ example: '2026-12-07T01:50:00.000Z' })
  updatedAt!: string;

  static from(provider: OrganizationProvider): AiProviderResponseDto {
    return {
      baseUrl: provider.baseUrl,
      apiKeyLast4: provider.apiKeyLast4,
      models: provider.models.map(({ id, inputUsdPerMTok, cachedInputUsdPerMTok, outputUsdPerMTok }) => ({
        id,
        inputUsdPerMTok,
        cachedInputUsdPerMTok,
        outputUsdPerMTok,
      })),
      updatedAt: provider.updatedAt.toISOString(),
    };
  }
}
