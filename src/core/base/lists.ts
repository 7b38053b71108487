/** Lists. */

/**
 * Appends `items` to `list`, one by one: `list.push(...items)` passes each item as an argument, and a
 * list of a few hundred thousand (the problems of one 5 MB file) overflows the call stack.
 */
export function pushAll<T>(list: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) list.push(items[i]);
}
