import { registerDecorator, ValidateIf, type ValidationArguments, type ValidationOptions } from 'class-validator';

type Dto = Record<string, unknown>;

/** Optional, but `null` is a value to validate (and refuse), unlike @IsOptional(). */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** Refuses the field when `other` is sent too. */
export function NotWith(other: string, options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `send either ${other} or ${propertyName}, not both`, ...options },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => (args.object as Dto)[other] === undefined,
      },
    });
}

/** A JSON object of string values: at most `maxKeys` keys, values at most `maxLength` characters. */
export function IsStringMap(maxKeys: number, maxLength: number, options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isStringMap',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be an object of at most ${maxKeys} text values of at most ${maxLength} characters`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= maxKeys &&
          Object.values(value).every((item) => typeof item === 'string' && item.length <= maxLength),
      },
    });
}

/** An ISO date-time not earlier than the one in `other` (when both are sent). */
export function NotBefore(other: string, options: ValidationOptions = {}) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName,
      constraints: [other],
      options: { message: `${propertyName} must not be before ${other}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start = (args.object as Dto)[other];
          if (typeof start !== 'string' || typeof value !== 'string') return true;
          return Date.parse(value) >= Date.parse(start);
        },
      },
    });
}
