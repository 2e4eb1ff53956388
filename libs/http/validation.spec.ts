import { IsString, MaxLength } from 'class-validator';
import { createValidationPipe, ValidationFailedError } from './validation';

class NameDto {
  @IsString()
  @MaxLength(5)
  name!: string;
}

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const metadata = { type: 'body' as const, metatype: NameDto };

  it('turns a valid body into the DTO class', async () => {
    await expect(pipe.transform({ name: 'ok' }, metadata)).resolves.toBeInstanceOf(NameDto);
  });

  it('lists every bad field under details.fields', async () => {
    const error = await pipe.transform({ name: 'far too long' }, metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).code).toBe('VALIDATION_FAILED');
    expect((error as ValidationFailedError).details).toEqual({
      fields: [{ field: 'name', messages: [expect.stringContaining('5')] }],
    });
  });

  it('rejects unknown fields rather than dropping them', async () => {
    const error = await pipe.transform({ name: 'ok', admin: true }, metadata).catch((e: unknown) => e);
    expect((error as ValidationFailedError).details.fields).toEqual([
      { field: 'admin', messages: [expect.stringContaining('should not exist')] },
    ]);
  });
});
