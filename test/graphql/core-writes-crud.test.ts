import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { createGadgetObject, ok, refused, restRecord, tableRows, type Vars } from "./core-writes-fixture.ts";

/** Every mutation of §2.2 on two standard objects and a custom one, over /graphql, read back to prove the write. */
let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "gql-crud");
  await createGadgetObject(worker, ws);
});
afterAll(() => worker?.close());

interface Subject {
  singular: string;
  plural: string;
  table: string;
  /** A TEXT field each test writes and reads. */
  text: string;
  /** The unique value an upsert can match on, as a create input and as the field's output selection. */
  unique: (value: string) => Vars;
  uniqueSelection: string;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const subjects: Subject[] = [
  { singular: "company", plural: "companies", table: "company", text: "name", unique: (v) => ({ domainName: { primaryLinkUrl: `https://${v}.com` } }), uniqueSelection: "domainName { primaryLinkUrl }" },
  { singular: "person", plural: "people", table: "person", text: "jobTitle", unique: (v) => ({ emails: { primaryEmail: `${v}@example.com` } }), uniqueSelection: "emails { primaryEmail }" },
  { singular: "gadget", plural: "gadgets", table: "_gadget", text: "name", unique: (v) => ({ code: v }), uniqueSelection: "code" },
];

describe.each(subjects)("mutations on $singular", (s) => {
  const S = cap(s.singular);
  const P = cap(s.plural);
  const run = (query: string, vars: Vars = {}) => ok(worker, ws.apiKeyToken, query, vars);
  const findOne = async (id: string) => (await run(`query($id: UUID!) { ${s.singular}(filter: {id: {eq: $id}}) { id ${s.text} deletedAt } }`, { id }))[s.singular];
  const live = async (tag: string) =>
    (await run(`query($t: String!) { ${s.plural}(filter: {${s.text}: {startsWith: $t}}, orderBy: [{${s.text}: AscNullsFirst}]) { totalCount edges { node { ${s.text} } } } }`, { t: tag }))[s.plural];
  const deleted = async (tag: string) =>
    (await run(`query($t: String!) { ${s.plural}(filter: {${s.text}: {startsWith: $t}, deletedAt: {is: NOT_NULL}}, orderBy: [{${s.text}: AscNullsFirst}]) { totalCount edges { node { ${s.text} deletedAt } } } }`, { t: tag }))[s.plural];
  const createMany = async (values: string[]) =>
    (await run(`mutation($d: [${S}CreateInput!]!) { create${P}(data: $d) { id ${s.text} } }`, { d: values.map((v) => ({ [s.text]: v })) }))[`create${P}`] as Array<{ id: string }>;

  it(`create${S} writes the record and answers the selection`, async () => {
    const created = (await run(`mutation($d: ${S}CreateInput!) { create${S}(data: $d) { id ${s.text} createdAt deletedAt } }`, { d: { [s.text]: "one-A" } }))[`create${S}`];
    expect(created).toMatchObject({ [s.text]: "one-A", deletedAt: null });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await findOne(created.id)).toEqual({ id: created.id, [s.text]: "one-A", deletedAt: null });
    const given = crypto.randomUUID();
    const withId = (await run(`mutation($d: ${S}CreateInput!) { create${S}(data: $d) { id } }`, { d: { id: given, [s.text]: "one-B" } }))[`create${S}`];
    expect(withId.id).toBe(given);
    expect((await restRecord(worker, ws.apiKeyToken, s.plural, given))?.[s.text]).toBe("one-B");
  });

  it(`create${P} keeps the input order; more than 200 records are refused whole`, async () => {
    const values = ["many-c", "many-a", "many-b"];
    const created = await createMany(values);
    expect(created.map((r: Vars) => r[s.text])).toEqual(values);
    expect((await live("many-")).edges.map((e: { node: Vars }) => e.node[s.text])).toEqual(["many-a", "many-b", "many-c"]);

    const tooMany = await refused(worker, ws.apiKeyToken, `mutation($d: [${S}CreateInput!]!) { create${P}(data: $d) { id } }`, { d: Array.from({ length: 201 }, (_, i) => ({ [s.text]: `bulk-${i}` })) });
    expect(tooMany.error.message).toBe("Maximum number of records to upsert is 200.");
    expect(tooMany.error.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(tooMany.data).toEqual({ [`create${P}`]: null });
    expect((await live("bulk-")).totalCount).toBe(0);
  });

  it(`create${S}/create${P} with upsert: true update what matches by id or by a unique field`, async () => {
    const [first] = await createMany(["ups-1"]);
    const byId = (await run(`mutation($d: ${S}CreateInput!) { create${S}(data: $d, upsert: true) { id ${s.text} } }`, { d: { id: first!.id, [s.text]: "ups-1-renamed" } }))[`create${S}`];
    expect(byId).toEqual({ id: first!.id, [s.text]: "ups-1-renamed" });

    const keyed = (await run(`mutation($d: ${S}CreateInput!) { create${S}(data: $d) { id } }`, { d: { [s.text]: "ups-2", ...s.unique(`uniq-${s.singular}`) } }))[`create${S}`];
    const upserted = (
      await run(`mutation($d: [${S}CreateInput!]!) { create${P}(data: $d, upsert: true) { id ${s.text} ${s.uniqueSelection} } }`, {
        d: [{ [s.text]: "ups-new" }, { [s.text]: "ups-2-updated", ...s.unique(`uniq-${s.singular}`) }],
      })
    )[`create${P}`];
    expect(upserted[0].id).not.toBe(keyed.id);
    expect(upserted[0][s.text]).toBe("ups-new");
    expect(upserted[1]).toMatchObject({ id: keyed.id, [s.text]: "ups-2-updated" });
    expect((await live("ups-")).edges.map((e: { node: Vars }) => e.node[s.text])).toEqual(["ups-1-renamed", "ups-2-updated", "ups-new"]);

    // A soft-deleted match is updated and restored (§1.12).
    await run(`mutation($id: UUID!) { delete${S}(id: $id) { id } }`, { id: keyed.id });
    const revived = (await run(`mutation($d: ${S}CreateInput!) { create${S}(data: $d, upsert: true) { id ${s.text} deletedAt } }`, { d: { [s.text]: "ups-2-revived", ...s.unique(`uniq-${s.singular}`) } }))[`create${S}`];
    expect(revived).toEqual({ id: keyed.id, [s.text]: "ups-2-revived", deletedAt: null });
    const clash = await refused(worker, ws.apiKeyToken, `mutation($d: ${S}CreateInput!) { create${S}(data: $d, upsert: true) { id } }`, { d: { id: first!.id, ...s.unique(`uniq-${s.singular}`) } });
    expect(clash.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "UPSERT_MULTIPLE_MATCHES" });
    expect(clash.error.message).toBe("Multiple records found with the same unique field values");
    expect((await live("ups-")).totalCount).toBe(3);
  });

  it(`update${S} changes only what is given; update${P} changes every record its filter matches`, async () => {
    const [a, b, c] = await createMany(["upd-a", "upd-b", "upd-c"]);
    const one = (await run(`mutation($id: UUID!, $d: ${S}UpdateInput!) { update${S}(id: $id, data: $d) { id ${s.text} } }`, { id: a!.id, d: { [s.text]: "upd-a2" } }))[`update${S}`];
    expect(one).toEqual({ id: a!.id, [s.text]: "upd-a2" });
    expect((await findOne(a!.id))[s.text]).toBe("upd-a2");

    const many = (
      await run(`mutation($ids: [UUID!], $d: ${S}UpdateInput!) { update${P}(filter: {id: {in: $ids}}, data: $d) { id ${s.text} } }`, { ids: [b!.id, c!.id], d: { [s.text]: "upd-bc" } })
    )[`update${P}`];
    expect(many.map((r: { id: string }) => r.id).sort()).toEqual([b!.id, c!.id].sort());
    expect(many.every((r: Vars) => r[s.text] === "upd-bc")).toBe(true);
    expect((await live("upd-")).edges.map((e: { node: Vars }) => e.node[s.text])).toEqual(["upd-a2", "upd-bc", "upd-bc"]);

    // A filter that names nothing would match every row: it counts as none, for every many-variant.
    for (const filter of ["{}", "{and: []}", "{or: [{}], not: {}}", `{${s.text}: {}}`]) {
      const update = await refused(worker, ws.apiKeyToken, `mutation { update${P}(filter: ${filter}, data: {${s.text}: "all"}) { id } }`);
      expect(update.error.message, filter).toBe("Filter is required");
      expect(update.error.extensions).toMatchObject({ code: "BAD_USER_INPUT", subCode: "FILTER_REQUIRED" });
      expect(update.data).toEqual({ [`update${P}`]: null });
      for (const op of ["delete", "destroy", "restore"]) {
        const res = await refused(worker, ws.apiKeyToken, `mutation { ${op}${P}(filter: ${filter}) { id } }`);
        expect(res.error.message, `${op} ${filter}`).toBe("Filter is required");
      }
    }
    expect((await live("all")).totalCount).toBe(0);
    expect((await live("upd-")).totalCount).toBe(3);
  });

  it(`delete${S}/delete${P} soft-delete; restore${S}/restore${P} bring records back`, async () => {
    const [a, b, c] = await createMany(["del-a", "del-b", "del-c"]);
    const gone = (await run(`mutation($id: UUID!) { delete${S}(id: $id) { id ${s.text} deletedAt } }`, { id: a!.id }))[`delete${S}`];
    expect(gone).toMatchObject({ id: a!.id, [s.text]: "del-a" });
    expect(Date.parse(gone.deletedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await live("del-")).edges.map((e: { node: Vars }) => e.node[s.text])).toEqual(["del-b", "del-c"]);
    expect((await deleted("del-")).edges).toEqual([{ node: { [s.text]: "del-a", deletedAt: gone.deletedAt } }]);
    expect((await restRecord(worker, ws.apiKeyToken, s.plural, a!.id))?.deletedAt).toBe(gone.deletedAt);

    const both = (await run(`mutation($ids: [UUID!]) { delete${P}(filter: {id: {in: $ids}}) { id deletedAt } }`, { ids: [b!.id, c!.id] }))[`delete${P}`];
    expect(both).toHaveLength(2);
    expect(both.every((r: Vars) => typeof r.deletedAt === "string")).toBe(true);
    expect((await live("del-")).totalCount).toBe(0);
    expect((await deleted("del-")).totalCount).toBe(3);

    const back = (await run(`mutation($id: UUID!) { restore${S}(id: $id) { id deletedAt } }`, { id: a!.id }))[`restore${S}`];
    expect(back).toEqual({ id: a!.id, deletedAt: null });
    const rest = (await run(`mutation($ids: [UUID!]) { restore${P}(filter: {id: {in: $ids}}) { id deletedAt } }`, { ids: [b!.id, c!.id] }))[`restore${P}`];
    expect(rest.map((r: Vars) => r.deletedAt)).toEqual([null, null]);
    expect((await live("del-")).edges.map((e: { node: Vars }) => e.node[s.text])).toEqual(["del-a", "del-b", "del-c"]);
    expect((await deleted("del-")).totalCount).toBe(0);
  });

  it(`destroy${S}/destroy${P} remove rows for good, soft-deleted ones included`, async () => {
    const [a, b, c] = await createMany(["gone-a", "gone-b", "gone-c"]);
    const destroyed = (await run(`mutation($id: UUID!) { destroy${S}(id: $id) { id ${s.text} } }`, { id: a!.id }))[`destroy${S}`];
    expect(destroyed).toEqual({ id: a!.id, [s.text]: "gone-a" });
    await run(`mutation($id: UUID!) { delete${S}(id: $id) { id } }`, { id: b!.id });
    const many = (await run(`mutation($ids: [UUID!]) { destroy${P}(filter: {id: {in: $ids}, deletedAt: {is: NOT_NULL}}) { id } }`, { ids: [b!.id, c!.id] }))[`destroy${P}`];
    expect(many).toEqual([{ id: b!.id }]);
    expect(await tableRows(worker, ws, s.table, `id = ANY($1::uuid[])`, [[a!.id, b!.id, c!.id]])).toEqual([expect.objectContaining({ id: c!.id })]);
    const rest = (await run(`mutation($ids: [UUID!]) { destroy${P}(filter: {id: {in: $ids}}) { id } }`, { ids: [c!.id] }))[`destroy${P}`];
    expect(rest).toEqual([{ id: c!.id }]);
    expect(await tableRows(worker, ws, s.table, `id = ANY($1::uuid[])`, [[a!.id, b!.id, c!.id]])).toEqual([]);
  });

  it(`delete${S}, destroy${S}, restore${S} and update${S} of an unknown id are NOT_FOUND with data null`, async () => {
    const id = crypto.randomUUID();
    for (const op of ["delete", "destroy", "restore"]) {
      const res = await refused(worker, ws.apiKeyToken, `mutation($id: UUID!) { ${op}${S}(id: $id) { id } }`, { id });
      expect(res.error.extensions, op).toMatchObject({ code: "NOT_FOUND", subCode: "RECORD_NOT_FOUND" });
      expect(res.error.message).toBe("Record not found");
      expect(res.data).toEqual({ [`${op}${S}`]: null });
    }
    const update = await refused(worker, ws.apiKeyToken, `mutation($id: UUID!) { update${S}(id: $id, data: {${s.text}: "x"}) { id } }`, { id });
    expect(update.error.extensions).toMatchObject({ code: "NOT_FOUND", subCode: "RECORD_NOT_FOUND" });
    expect(update.data).toEqual({ [`update${S}`]: null });
  });
});
