import type pg from "pg";

const companies = [
  { name: "Airbnb", domain: "https://airbnb.com", employees: 5000, city: "San Francisco", person: ["Brian", "Chesky", "chesky@airbnb.com", "CEO"] },
  { name: "Anthropic", domain: "https://anthropic.com", employees: 1100, city: "San Francisco", person: ["Dario", "Amodei", "amodei@anthropic.com", "CEO"] },
  { name: "Stripe", domain: "https://stripe.com", employees: 8000, city: "San Francisco", person: ["Patrick", "Collison", "collison@stripe.com", "CEO"] },
  { name: "Figma", domain: "https://figma.com", employees: 800, city: "San Francisco", person: ["Dylan", "Field", "field@figma.com", "CEO"] },
  { name: "Notion", domain: "https://notion.com", employees: 400, city: "San Francisco", person: ["Ivan", "Zhao", "zhao@notion.com", "CEO"] },
] as const;

const stages = ["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER"] as const;

/**
 * Realistic records for the demo workspace (the companies and people a new Twenty workspace starts with, plus
 * an opportunity, a note and a task each), written straight into the workspace's tables in one transaction.
 */
export async function insertDemoRecords(client: pg.Client, schema: string): Promise<void> {
  const s = `"${schema.replaceAll('"', '""')}"`;
  const system = { source: "SYSTEM", name: "System" };
  await client.query("BEGIN");
  try {
    for (const [i, company] of companies.entries()) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO ${s}.company (name, "domainNamePrimaryLinkUrl", employees, "addressAddressCity", "addressAddressCountry", position, "createdBySource", "createdByName")
         VALUES ($1, $2, $3, $4, 'United States', $5, $6, $7) RETURNING id`,
        [company.name, company.domain, company.employees, company.city, i + 1, system.source, system.name],
      );
      const companyId = rows[0]!.id;
      const [firstName, lastName, email, jobTitle] = company.person;
      const person = await client.query<{ id: string }>(
        `INSERT INTO ${s}.person ("nameFirstName", "nameLastName", "emailsPrimaryEmail", "jobTitle", city, "phonesPrimaryPhoneCallingCode", "companyId", position, "createdBySource", "createdByName")
         VALUES ($1, $2, $3, $4, $5, '+1', $6, $7, $8, $9) RETURNING id`,
        [firstName, lastName, email, jobTitle, company.city, companyId, i + 1, system.source, system.name],
      );
      await client.query(
        `INSERT INTO ${s}.opportunity (name, "amountAmountMicros", "amountCurrencyCode", stage, "closeDate", "companyId", "pointOfContactId", position, "createdBySource", "createdByName")
         VALUES ($1, $2, 'USD', $3, now() + ($4 || ' days')::interval, $5, $6, $7, $8, $9)`,
        [`${company.name} expansion`, (i + 1) * 25_000 * 1_000_000, stages[i % stages.length], String(30 * (i + 1)), companyId, person.rows[0]!.id, i + 1, system.source, system.name],
      );
      const note = await client.query<{ id: string }>(
        `INSERT INTO ${s}.note (title, "bodyV2Markdown", position, "createdBySource", "createdByName") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [`First call with ${company.name}`, `${firstName} wants a demo next week.`, i + 1, system.source, system.name],
      );
      await client.query(`INSERT INTO ${s}."noteTarget" ("noteId", "companyId") VALUES ($1, $2)`, [note.rows[0]!.id, companyId]);
      const task = await client.query<{ id: string }>(
        `INSERT INTO ${s}.task (title, status, "dueAt", position, "createdBySource", "createdByName") VALUES ($1, 'TODO', now() + interval '7 days', $2, $3, $4) RETURNING id`,
        [`Send ${company.name} a proposal`, i + 1, system.source, system.name],
      );
      await client.query(`INSERT INTO ${s}."taskTarget" ("taskId", "personId") VALUES ($1, $2)`, [task.rows[0]!.id, person.rows[0]!.id]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
