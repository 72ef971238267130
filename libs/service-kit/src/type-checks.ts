/**
 * Build-time checks that a route's response schema and the TS type its service already has cannot
 * drift (api-contract.ts checks the answers at run time; these catch the drift when compiling).
 *
 * - Same: the two types are the same.
 * - SameKeys: the same top-level fields (a field added to one and not the other fails the build, as
 *   the strict schema would fail the answer), where the service's type is looser than the schema.
 * - Fits: the same fields, and every value the type allows passes the schema.
 * - Assert / sameType: a false one is a type error.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SameKeys<T, S> = [keyof T] extends [keyof S] ? ([keyof S] extends [keyof T] ? true : false) : false;
export type Fits<T, S> = [T] extends [S] ? SameKeys<T, S> : false;
export type Assert<T extends true> = T;

/** `sameType<A, B>(true)` does not compile unless A and B are the same type; at run time it does nothing. */
export function sameType<A, B>(same: Same<A, B>): void {
  void same;
}
