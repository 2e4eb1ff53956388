import { IsString, MaxLength } from 'class-validator';
import { FieldInvalidError } from '#libs/ddd';
import { createValidationPipe } from './validation';

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
    expect(error).toBeInstanceOf(FieldInvalidError);
    expect((error as FieldInvalidError).code).toBe('VALIDATION_FAILED');
    expect((error as FieldInvalidError).details).toEqual({
      fields: [{ field: 'name', messages: [expect.stringContaining('5')] }],
    });
  });

  it('rejects unknown fields rather than dropping them', async () => {
    const error = await pipe.transform({ name: 'ok', admin: true }, metadata).catch((e: unknown) => e);
    expect((error as FieldInvalidError).details.fields).toEqual([
      { field: 'admin', messages: [expect.stringContaining('should not exist')] },
    ]);
  });

  it('refuses a NUL or a lone surrogate in any string, at any depth, naming the field', async () => {
    const nul = await pipe.transform({ name: 'a\u0000b' }, metadata).catch((e: unknown) => e);
    expect((nul as FieldInvalidError).details.fields).toEqual([
      { field: 'name', messages: [expect.stringContaining('NUL')] },
    ]);
    const lone = await pipe
      .transform({ tags: ['ok', '\ud800'] }, { type: 'query' as const, metatype: Object })
      .catch((e: unknown) => e);
    expect((lone as FieldInvalidError).details.fields).toEqual([
      { field: 'tags.1', messages: [expect.stringContaining('surrogate')] },
    ]);
  });

  it('accepts a well-formed surrogate pair, Persian text and bidirectional marks', async () => {
    await expect(pipe.transform({ name: '😀\u200fسلام' }, metadata)).rejects.toMatchObject({
      details: { fields: [{ field: 'name', messages: [expect.stringContaining('5')] }] },
    });
    await expect(pipe.transform({ name: '\u202bسلا\u202c' }, metadata)).resolves.toBeInstanceOf(NameDto);
  });

  it('refuses input nested deeper than 32 levels before any validator walks it', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const error = await pipe.transform({ name: 'ok', deep }, metadata).catch((e: unknown) => e);
    expect((error as FieldInvalidError).details).toEqual({
      fields: [
        { field: expect.stringMatching(/^deep(\.d)+$/), messages: [expect.stringContaining('nested deeper than 32')] },
      ],
    });
  });
});
