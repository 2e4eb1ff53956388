import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#libs/ddd';

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationFailedError extends DomainError {
  constructor(fields: FieldError[]) {
    super('VALIDATION_FAILED', 'invalid', `Invalid request: ${fields.map((f) => f.field).join(', ')}`, { fields });
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The one global pipe: strips nothing silently — an unknown field is an error, as the contract says. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}
