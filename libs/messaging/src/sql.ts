/**
 * Schema names are spliced into SQL (identifiers cannot be bind parameters), so accept only plain
 * lower-case identifiers and quote them; anything else is a configuration mistake, reported at once.
 */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteSchema(schema: string): string {
  if (!PLAIN_IDENTIFIER.test(schema)) {
    throw new Error(`invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _ (max 63)`);
  }
  return `"${schema}"`;
}
