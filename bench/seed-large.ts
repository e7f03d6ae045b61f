import pg from "pg";

/** The workspace's schema (quoted for SQL) and how many companies it holds. */
export async function companyTable(client: pg.Client, workspaceId: string): Promise<{ schema: string; companies: number }> {
  const { rows } = await client.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [workspaceId]);
  const schema = `"${rows[0].schemaName}"`;
  const { rows: count } = await client.query(`SELECT count(*)::int AS n FROM ${schema}.company`);
  return { schema, companies: count[0].n };
}

/** 10,000 companies with two people each in the demo workspace, written straight into its tables. */
export async function seedLargeWorkspace(databaseUrl: string, workspaceId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { schema: s, companies } = await companyTable(client, workspaceId);
    if (companies >= 10_000) return;
    await client.query(`INSERT INTO ${s}.company (name, employees, position, "domainNamePrimaryLinkUrl", "addressAddressCity", "createdBySource", "createdByName")
      SELECT 'Company ' || i, (i * 37) % 5000, i, 'https://company' || i || '.example.com', (ARRAY['Paris','Berlin','Lisbon','Austin'])[1 + i % 4], 'SYSTEM', 'Bench'
      FROM generate_series(1, 10000) AS i`);
    await client.query(`INSERT INTO ${s}.person ("nameFirstName", "nameLastName", "emailsPrimaryEmail", "companyId", position, "createdBySource", "createdByName")
      SELECT 'Person', c.name || ' #' || k, 'p' || k || '.' || replace(lower(c.name), ' ', '') || '@example.com', c.id, c.position * 2 + k, 'SYSTEM', 'Bench'
      FROM ${s}.company c CROSS JOIN generate_series(1, 2) AS k`);
    await client.query(`ANALYZE ${s}.company; ANALYZE ${s}.person`);
  } finally {
    await client.end();
  }
}

/**
 * One opportunity per seeded person, that person as point of contact. Their company is left empty so the
 * company lists at depth 1 (rest-companies, graphql-companies) read the same rows with or without them.
 */
export async function seedOpportunities(databaseUrl: string, workspaceId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [workspaceId]);
    const s = `"${rows[0].schemaName}"`;
    const { rows: count } = await client.query(`SELECT count(*)::int AS n FROM ${s}.opportunity WHERE "pointOfContactId" IS NOT NULL`);
    if (count[0].n >= 20_000) return;
    await client.query(`INSERT INTO ${s}.opportunity (name, "amountAmountMicros", "amountCurrencyCode", "pointOfContactId", position, "createdBySource", "createdByName")
      SELECT 'Deal ' || p."nameLastName", (p.position::bigint % 100 + 1) * 1000000000, 'EUR', p.id, p.position, 'SYSTEM', 'Bench'
      FROM ${s}.person p WHERE p."createdByName" = 'Bench'`);
    await client.query(`ANALYZE ${s}.opportunity`);
  } finally {
    await client.end();
  }
}
