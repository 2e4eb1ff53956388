import { ApiProperty } from '@nestjs/swagger';
import type { ErrorBody } from './error-body';

/** The contract's error body, as the OpenAPI document describes it (every error response refers to it). */
export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ type: 'integer', example: 409, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({
    example: 'CONTENT_INVALID_TRANSITION',
    description: 'Stable UPPER_SNAKE machine code; each response lists the codes it can carry',
  })
  code!: string;

  @ApiProperty({ example: 'Approved content cannot change', description: 'For people; may change between releases' })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {},
    description: 'More about the error, by code (for example `fields` for VALIDATION_FAILED)',
  })
  details!: Record<string, unknown>;

  @ApiProperty({ description: 'The X-Request-Id of the request: quote it to support' })
  requestId!: string;
}
