/** GraphQL enums whose values are the stored lower-case strings, named in upper case. */
import { builder } from './builder.ts';

export function upperEnum<T extends string>(name: string, values: readonly T[], description?: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])) as Record<Uppercase<T>, { value: T }>,
  });
}
