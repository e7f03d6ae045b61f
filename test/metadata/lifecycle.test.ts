import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { expectSchemaMatchesMetadata } from "../harness/schema-check.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "meta");
});
afterAll(() => worker?.close());

const run = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await gql(worker, query, variables, { token: ws.accessToken });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
};
const check = () => expectSchemaMatchesMetadata(worker, ws.accessToken, ws.workspaceId);

const objectId = async (nameSingular: string) => {
  const data = await run(`{ objects(paging: { first: 1000 }) { edges { node { id nameSingular } } } }`);
  return data.objects.edges.find((e: { node: { nameSingular: string } }) => e.node.nameSingular === nameSingular).node.id as string;
};

const createField = (field: Record<string, unknown>) =>
  run(`mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id name type options settings isNullable } }`, { f: field });

describe("a custom object through its whole life, the schema always matching the metadata", () => {
  it("the standard objects of a new workspace match their tables", check);

  it("creates an object with a field of every type and a relation to person", async () => {
    const created = await run(
      `mutation { createOneObject(input: { object: { nameSingular: "pet", namePlural: "pets", labelSingular: "pet", labelPlural: "pets", icon: "IconCat" } }) {
        id nameSingular labelSingular isCustom tableName: namePlural fieldsList { name type } } }`,
    );
    expect(created.createOneObject).toMatchObject({ nameSingular: "pet", labelSingular: "Pet", isCustom: true });
    expect(created.createOneObject.fieldsList.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(["id", "name", "createdAt", "updatedAt", "deletedAt", "createdBy", "position", "searchVector", "timelineActivities", "favorites", "attachments", "noteTargets", "taskTargets"]),
    );
    const petId = created.createOneObject.id;
    await check();

    const options = [
      { label: "Dog", value: "DOG", color: "blue", position: 0 },
      { label: "Cat", value: "CAT", color: "red", position: 1 },
    ];
    const fields: Array<Record<string, unknown>> = [
      { type: "TEXT", name: "comments", label: "Comments" },
      { type: "NUMBER", name: "age", label: "Age" },
      { type: "NUMERIC", name: "weight", label: "Weight" },
      { type: "BOOLEAN", name: "isGoodWithKids", label: "Good with kids", defaultValue: true },
      { type: "DATE", name: "birthday", label: "Birthday" },
      { type: "DATE_TIME", name: "lastVisit", label: "Last visit" },
      { type: "UUID", name: "chipId", label: "Chip" },
      { type: "SELECT", name: "species", label: "Species", options, defaultValue: "'DOG'" },
      { type: "MULTI_SELECT", name: "traits", label: "Traits", options: [{ label: "Calm", value: "CALM" }, { label: "Loud", value: "LOUD" }] },
      { type: "RATING", name: "soundSwag", label: "Sound swag" },
      { type: "POSITION", name: "rank", label: "Rank" },
      { type: "RAW_JSON", name: "extraData", label: "Extra" },
      { type: "ARRAY", name: "interestingFacts", label: "Facts" },
      { type: "RICH_TEXT_V2", name: "bio", label: "Bio" },
      { type: "FULL_NAME", name: "makesOwnerThinkOf", label: "Makes owner think of" },
      { type: "EMAILS", name: "vetEmail", label: "Vet email", isUnique: true },
      { type: "PHONES", name: "vetPhone", label: "Vet phone" },
      { type: "LINKS", name: "pictures", label: "Pictures" },
      { type: "CURRENCY", name: "averageCostOfKibblePerMonth", label: "Kibble" },
      { type: "ADDRESS", name: "location", label: "Location" },
      { type: "ACTOR", name: "adoptedBy", label: "Adopted by" },
    ];
    for (const field of fields) await createField({ ...field, objectMetadataId: petId });
    const rating = await run(`query($id: UUID!) { object(id: $id) { fieldsList { name options } } }`, { id: petId });
    expect(rating.object.fieldsList.find((f: { name: string }) => f.name === "soundSwag").options.map((o: { value: string }) => o.value)).toEqual(["RATING_1", "RATING_2", "RATING_3", "RATING_4", "RATING_5"]);

    const personId = await objectId("person");
    const relation = await run(
      `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { name settings relation { type targetObjectMetadata { nameSingular } targetFieldMetadata { name settings } } } }`,
      { f: { type: "RELATION", name: "owner", label: "Owner", objectMetadataId: petId, relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: personId, targetFieldLabel: "Pets", targetFieldIcon: "IconCat" } } },
    );
    expect(relation.createOneField).toEqual({
      name: "owner",
      settings: { relationType: "MANY_TO_ONE", onDelete: "SET_NULL", joinColumnName: "ownerId" },
      relation: { type: "MANY_TO_ONE", targetObjectMetadata: { nameSingular: "person" }, targetFieldMetadata: { name: "pets", settings: { relationType: "ONE_TO_MANY" } } },
    });
    await check();
    const fk = await worker.db.sql.query(
      `SELECT confdeltype FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = '_pet' AND c.contype = 'f' AND pg_get_constraintdef(c.oid) LIKE '%"ownerId"%'`,
    );
    expect(fk.rows).toEqual([{ confdeltype: "n" }]);
  });

  it("renames labels and the object; changes options with the data migrated", async () => {
    const petId = await objectId("pet");
    const renamed = await run(
      `mutation($id: UUID!) { updateOneObject(input: { id: $id, update: { labelSingular: "Animal", labelPlural: "Animals", nameSingular: "animal", namePlural: "animals" } }) { nameSingular labelPlural } }`,
      { id: petId },
    );
    expect(renamed.updateOneObject).toEqual({ nameSingular: "animal", labelPlural: "Animals" });
    const inverse = await run(`query($id: UUID!) { object(id: $id) { fieldsList { name } } }`, { id: await objectId("noteTarget") });
    expect(inverse.object.fieldsList.map((f: { name: string }) => f.name)).toContain("animal");
    await check();

    const schema = (await worker.db.sql.query(`SELECT "schemaName" FROM core.workspace WHERE id = $1`, [ws.workspaceId])).rows[0].schemaName;
    await worker.db.sql.query(`INSERT INTO "${schema}"."_animal" (name, species, traits) VALUES ('Rex', 'DOG', '{CALM,LOUD}'), ('Tom', 'CAT', '{LOUD}')`);
    const species = await run(`query($id: UUID!) { object(id: $id) { fieldsList { id name options } } }`, { id: petId });
    const speciesField = species.object.fieldsList.find((f: { name: string }) => f.name === "species");
    const [dog] = speciesField.options;
    await run(`mutation($id: UUID!, $o: JSON!) { updateOneField(input: { id: $id, update: { options: $o, label: "Kind" } }) { label } }`, {
      id: speciesField.id,
      o: [{ ...dog, value: "CANINE", label: "Canine" }, { label: "Bird", value: "BIRD", color: "sky" }],
    });
    const traits = species.object.fieldsList.find((f: { name: string }) => f.name === "traits");
    await run(`mutation($id: UUID!, $o: JSON!) { updateOneField(input: { id: $id, update: { options: $o } }) { id } }`, {
      id: traits.id,
      o: [traits.options[0]],
    });
    const rows = await worker.db.sql.query(`SELECT name, species::text, traits::text FROM "${schema}"."_animal" ORDER BY name`);
    expect(rows.rows).toEqual([
      { name: "Rex", species: "CANINE", traits: "{CALM}" },
      { name: "Tom", species: null, traits: "{}" },
    ]);
    await check();
  });

  it("drops an active field, a deactivated one, and deletes the object with its links", async () => {
    const animalId = await objectId("animal");
    const fields = await run(`query($id: UUID!) { object(id: $id) { fieldsList { id name } } }`, { id: animalId });
    const age = fields.object.fieldsList.find((f: { name: string }) => f.name === "age");
    const dropped = await run(`mutation($id: UUID!) { deleteOneField(input: { id: $id }) { id name isActive } }`, { id: age.id });
    expect(dropped.deleteOneField).toEqual({ id: age.id, name: "age", isActive: true });
    const columns = await worker.db.sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = (SELECT "schemaName" FROM core.workspace WHERE id = $1) AND table_name = '_animal'`, [ws.workspaceId]);
    expect(columns.rows.map((r: { column_name: string }) => r.column_name)).not.toContain("age");
    await check();

    const owner = fields.object.fieldsList.find((f: { name: string }) => f.name === "owner");
    await run(`mutation($id: UUID!) { updateOneField(input: { id: $id, update: { isActive: false } }) { id } }`, { id: owner.id });
    await run(`mutation($id: UUID!) { deleteOneField(input: { id: $id }) { id } }`, { id: owner.id });
    const person = await run(`query($id: UUID!) { object(id: $id) { fieldsList { name } } }`, { id: await objectId("person") });
    expect(person.object.fieldsList.map((f: { name: string }) => f.name)).not.toContain("pets");
    await check();

    const deleted = await run(`mutation($id: UUID!) { deleteOneObject(input: { id: $id }) { id nameSingular } }`, { id: animalId });
    expect(deleted.deleteOneObject.nameSingular).toBe("animal");
    const noteTarget = await run(`query($id: UUID!) { object(id: $id) { fieldsList { name } } }`, { id: await objectId("noteTarget") });
    expect(noteTarget.object.fieldsList.map((f: { name: string }) => f.name)).not.toContain("animal");
    await check();
  });
});
