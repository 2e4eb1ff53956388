import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { FieldInvalidError, type FieldError } from '#libs/ddd';
import { unstorableTextIn } from './unstorable-text';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Refuses text no field can hold (NUL, lone surrogates) and input nested too deep in the body,
 * query and parameters, with 400 VALIDATION_FAILED, before the DTO's own rules run.
 */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const unstorable = unstorableTextIn(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (unstorable.length) throw new FieldInvalidError(unstorable);
    }
    return super.transform(value, metadata);
  }
}

/** The one global pipe: strips nothing silently — an unknown field is an error, as the contract says. */
export function createValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldInvalidError(flatten(errors)),
  });
}
