/** Node lookups that answer null for ids the caller cannot see, exactly as for ids that never existed. */
import { type GraphQLResolveInfo, isObjectType } from 'graphql';

/** Whether `typename` is a type that `node(id)` can load (an object type implementing Node). */
export function isNodeType(info: GraphQLResolveInfo, typename: string): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node');
}

/**
 * The drizzle plugin rejects a node load with `Model <table>(<id>) not found` when the row is not in
 * the (tenant-scoped) result. That is the "no such node" answer; any other failure is re-thrown.
 */
const MISSING_MODEL = /^Model \w+\(.*\) not found$/;

export async function nullWhenMissing<T>(value: T | Promise<T>): Promise<T | null> {
  try {
    return await value;
  } catch (error) {
    if (error instanceof Error && MISSING_MODEL.test(error.message)) return null;
    throw error;
  }
}
