import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { objectsOf, run, viewSelection } from "./views-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "defviews");
});
afterAll(() => worker?.close());

const viewsOf = async (objectMetadataId: string) =>
  (await run(worker, ws.accessToken, `query($o: String) { getViews(objectMetadataId: $o) { ${viewSelection} } }`, { o: objectMetadataId })).getViews;

describe("default INDEX views", () => {
  it("a fresh workspace has one 'All <plural>' table view per non-system standard object, label identifier first", async () => {
    const objects = await objectsOf(worker, ws);
    const all = (await run(worker, ws.accessToken, `{ getCoreViews { id objectMetadataId key name } }`)).getCoreViews;
    const company = objects.get("company")!;
    const companyViews = await viewsOf(company.id);
    expect(companyViews).toHaveLength(1);
    const [view] = companyViews;
    expect(view).toMatchObject({ name: "All Companies", type: "TABLE", key: "INDEX", isCustom: false, visibility: "WORKSPACE", openRecordIn: "SIDE_PANEL", deletedAt: null });
    expect(view.viewFields[0].fieldMetadataId).toBe(company.labelIdentifierFieldMetadataId);
    expect(view.viewFields.map((f: { position: number }) => f.position)).toEqual(view.viewFields.map((_: unknown, i: number) => i));
    const names = view.viewFields.map((f: { fieldMetadataId: string }) => company.fields.find((field) => field.id === f.fieldMetadataId)!.name);
    expect(names).toEqual(expect.arrayContaining(["name", "domainName", "employees", "createdAt"]));
    expect(names).not.toContain("id");
    expect(names).not.toContain("searchVector");
    for (const name of ["person", "opportunity", "note", "task"]) {
      expect(all.filter((v: { objectMetadataId: string }) => v.objectMetadataId === objects.get(name)!.id)).toHaveLength(1);
    }
    expect(all.filter((v: { key: string }) => v.key !== "INDEX")).toEqual([]);
    expect(all.every((v: { objectMetadataId: string }) => [...objects.values()].some((o) => o.id === v.objectMetadataId && !(o as { isSystem?: boolean }).isSystem))).toBe(true);
  });

  it("a custom object gets its view at creation, a new field joins it, a deleted field leaves it, a deleted object takes its views", async () => {
    const created = await run(
      worker,
      ws.accessToken,
      `mutation { createOneObject(input: { object: { nameSingular: "rocket", namePlural: "rockets", labelSingular: "Rocket", labelPlural: "Rockets" } }) { id labelIdentifierFieldMetadataId } }`,
    );
    const objectId = created.createOneObject.id;
    const [view] = await viewsOf(objectId);
    expect(view).toMatchObject({ name: "All Rockets", key: "INDEX" });
    expect(view.viewFields[0].fieldMetadataId).toBe(created.createOneObject.labelIdentifierFieldMetadataId);
    const before = view.viewFields.length;

    const field = await run(
      worker,
      ws.accessToken,
      `mutation($o: UUID!) { createOneField(input: { field: { objectMetadataId: $o, type: NUMBER, name: "thrust", label: "Thrust" } }) { id } }`,
      { o: objectId },
    );
    const fieldId = field.createOneField.id;
    const [after] = await viewsOf(objectId);
    expect(after.viewFields).toHaveLength(before + 1);
    expect(after.viewFields.at(-1)).toMatchObject({ fieldMetadataId: fieldId, isVisible: true, position: before });

    const sort = await run(worker, ws.accessToken, `mutation($i: CreateViewSortInput!) { createViewSort(input: $i) { id direction } }`, {
      i: { viewId: view.id, fieldMetadataId: fieldId, direction: "DESC" },
    });
    expect(sort.createViewSort.direction).toBe("DESC");
    await run(worker, ws.accessToken, `mutation($i: CreateViewFilterInput!) { createViewFilter(input: $i) { id } }`, {
      i: { viewId: view.id, fieldMetadataId: fieldId, operand: "GREATER_THAN_OR_EQUAL", value: 10 },
    });

    await run(worker, ws.accessToken, `mutation($id: UUID!) { deleteOneField(input: { id: $id }) { id } }`, { id: fieldId });
    const [gone] = await viewsOf(objectId);
    expect(gone.viewFields).toHaveLength(before);
    expect(gone.viewSorts).toEqual([]);
    expect(gone.viewFilters).toEqual([]);

    await run(worker, ws.accessToken, `mutation($id: UUID!) { deleteOneObject(input: { id: $id }) { id } }`, { id: objectId });
    const lookup = await gql(worker, `query($id: String!) { getView(id: $id) { id } }`, { id: view.id }, { token: ws.accessToken });
    expect(lookup.data.getView).toBeNull();
    const rest = await worker.json(`/rest/metadata/viewFields?viewId=${view.id}`, { token: ws.accessToken });
    expect(rest.body).toEqual([]);
  });

  it("a relation field joins the INDEX views of both objects", async () => {
    const objects = await objectsOf(worker, ws);
    const company = objects.get("company")!;
    const person = objects.get("person")!;
    await run(
      worker,
      ws.accessToken,
      `mutation($f: CreateFieldInput!) { createOneField(input: { field: $f }) { id } }`,
      {
        f: {
          objectMetadataId: company.id,
          type: "RELATION",
          name: "mentor",
          label: "Mentor",
          relationCreationPayload: { type: "MANY_TO_ONE", targetObjectMetadataId: person.id, targetFieldLabel: "Mentees", targetFieldIcon: "IconUsers" },
        },
      },
    );
    const fresh = await objectsOf(worker, ws);
    const mentor = fresh.get("company")!.fields.find((f) => f.name === "mentor")!;
    const mentees = fresh.get("person")!.fields.find((f) => f.name === "mentees")!;
    const [companyView] = await viewsOf(company.id);
    const [personView] = await viewsOf(person.id);
    expect(companyView.viewFields.map((f: { fieldMetadataId: string }) => f.fieldMetadataId)).toContain(mentor.id);
    expect(personView.viewFields.map((f: { fieldMetadataId: string }) => f.fieldMetadataId)).toContain(mentees.id);
  });
});
