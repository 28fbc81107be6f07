import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** A number as the template will have it: Lazy values resolved; `undefined` stays; other tokens stay tokens. */
export function resolveNumber<T extends number | undefined>(scope: IConstruct, value: T): T {
  if (value === undefined || !Token.isUnresolved(value)) return value;
  try {
    const resolved = Stack.of(scope).resolve(value);
    return (typeof resolved === 'number' ? resolved : value) as T;
  } catch {
    return value;
  }
}
