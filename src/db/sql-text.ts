/** Quotes an identifier for DDL and dynamic SQL; names are validated before they get here, this is the backstop. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A string literal for DDL (defaults), where parameters cannot be used. */
export function literal(value: string): string {
  if (value.includes("\0")) throw new Error("NUL byte in SQL literal");
  return `'${value.replaceAll("'", "''")}'`;
}

/** A short stable hash for index and constraint names that must fit in 63 characters. */
export function shortHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).toUpperCase();
}
