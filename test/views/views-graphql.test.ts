import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { addMember, createWorkspace, type MemberFixture, type WorkspaceFixture } from "../harness/workspace-fixture.ts";
import { objectsOf, run, type ObjectInfo } from "./views-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
let other: WorkspaceFixture;
let member: MemberFixture;
let company: ObjectInfo;
let person: ObjectInfo;
const fieldOf = (object: ObjectInfo, name: string) => object.fields.find((f) => f.name === name)!.id;

beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "views");
  other = await createWorkspace(worker, "views-other");
  member = await addMember(worker, ws);
  const objects = await objectsOf(worker, ws);
  company = objects.get("company")!;
  person = objects.get("person")!;
});
afterAll(() => worker?.close());

const ok = (query: string, variables: Record<string, unknown> = {}, token = ws.accessToken) => run(worker, token, query, variables);
async function refused(query: string, variables: Record<string, unknown>, code: string, token: string | null = ws.accessToken) {
  const res = await gql(worker, query, variables, { token: token ?? undefined });
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe(code);
  return res.errors![0]!.message;
}

/** Every flow runs under 2.21's names and under the seeds' `Core` names. */
describe.each([
  ["2.21 names", ""],
  ["seed (Core) names", "Core"],
])("views over GraphQL, %s", (_label, core) => {
  const op = (name: string) => name.replace("View", `${core}View`);
  let viewId: string;

  it("createView, getView, getViews (by object and type), updateView, deleteView, destroyView", async () => {
    const created = await ok(
      `mutation($i: CreateViewInput!) { v: ${op("createView")}(input: $i) { id name type key icon position isCompact isCustom openRecordIn visibility objectMetadataId workspaceId shouldHideEmptyGroups kanbanColumnWidth createdAt updatedAt deletedAt isActive createdByUserWorkspaceId viewFields { id } } }`,
      { i: { name: "Big ones", objectMetadataId: company.id, icon: "IconBuilding" } },
    );
    expect(created.v).toMatchObject({
      name: "Big ones",
      type: "TABLE",
      key: null,
      position: 0,
      isCompact: false,
      isCustom: true,
      openRecordIn: "SIDE_PANEL",
      visibility: "WORKSPACE",
      objectMetadataId: company.id,
      workspaceId: ws.workspaceId,
      shouldHideEmptyGroups: false,
      kanbanColumnWidth: null,
      deletedAt: null,
      isActive: true,
      createdByUserWorkspaceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      viewFields: [],
    });
    viewId = created.v.id;
    expect((await ok(`query($id: String!) { v: ${op("getView")}(id: $id) { id name } }`, { id: viewId })).v).toEqual({ id: viewId, name: "Big ones" });
    const listed = await ok(`query($o: String) { v: ${op("getViews")}(objectMetadataId: $o) { id key } }`, { o: company.id });
    expect(listed.v.map((v: { id: string }) => v.id)).toContain(viewId);
    expect(listed.v.filter((v: { key: string | null }) => v.key === "INDEX")).toHaveLength(1);
    const kanbans = await ok(`query($o: String) { v: ${op("getViews")}(objectMetadataId: $o, viewTypes: [KANBAN]) { id } }`, { o: company.id });
    expect(kanbans.v.map((v: { id: string }) => v.id)).not.toContain(viewId);

    const updated = await ok(
      `mutation($id: String!, $i: UpdateViewInput!) { v: ${op("updateView")}(id: $id, input: $i) { id name type isCompact mainGroupByFieldMetadataId } }`,
      { id: viewId, i: { name: "Big ones (kanban)", type: "KANBAN", isCompact: true, mainGroupByFieldMetadataId: fieldOf(company, "idealCustomerProfile") } },
    );
    expect(updated.v).toEqual({ id: viewId, name: "Big ones (kanban)", type: "KANBAN", isCompact: true, mainGroupByFieldMetadataId: fieldOf(company, "idealCustomerProfile") });

    const scratch = await ok(`mutation($i: CreateViewInput!) { v: ${op("createView")}(input: $i) { id } }`, {
      i: { name: "Scratch", objectMetadataId: person.id, icon: "IconUser", type: "CALENDAR", calendarLayout: "WEEK", calendarFieldMetadataId: fieldOf(person, "createdAt") },
    });
    expect((await ok(`mutation($id: String!) { d: ${op("deleteView")}(id: $id) }`, { id: scratch.v.id })).d).toBe(true);
    expect((await ok(`query($id: String!) { v: ${op("getView")}(id: $id) { id } }`, { id: scratch.v.id })).v).toBeNull();
    expect((await ok(`mutation($id: String!) { d: ${op("destroyView")}(id: $id) }`, { id: scratch.v.id })).d).toBe(true);
    await refused(`mutation($id: String!) { d: ${op("destroyView")}(id: $id) }`, { id: scratch.v.id }, "NOT_FOUND");
  });

  it("view fields: create, createMany, get, list, update, delete, destroy; nested under the view", async () => {
    const one = await ok(
      `mutation($i: CreateViewFieldInput!) { f: ${op("createViewField")}(input: $i) { id fieldMetadataId viewId isVisible size position aggregateOperation viewFieldGroupId workspaceId isActive deletedAt isOverridden } }`,
      { i: { viewId, fieldMetadataId: fieldOf(company, "name"), size: 180 } },
    );
    expect(one.f).toMatchObject({ viewId, isVisible: true, size: 180, position: 0, aggregateOperation: null, viewFieldGroupId: null, workspaceId: ws.workspaceId, isActive: true, deletedAt: null });
    const many = await ok(`mutation($i: [CreateViewFieldInput!]!) { f: ${op("createManyViewFields")}(inputs: $i) { id position aggregateOperation } }`, {
      i: [
        { viewId, fieldMetadataId: fieldOf(company, "employees"), position: 1, aggregateOperation: "SUM" },
        { viewId, fieldMetadataId: fieldOf(company, "domainName"), position: 2 },
      ],
    });
    expect(many.f.map((f: { position: number }) => f.position)).toEqual([1, 2]);
    const listed = await ok(`query($v: String!) { f: ${op("getViewFields")}(viewId: $v) { id } }`, { v: viewId });
    expect(listed.f.map((f: { id: string }) => f.id)).toEqual([one.f.id, ...many.f.map((f: { id: string }) => f.id)]);
    expect((await ok(`query($id: String!) { f: ${op("getViewField")}(id: $id) { id } }`, { id: one.f.id })).f.id).toBe(one.f.id);
    const updated = await ok(`mutation($i: UpdateViewFieldInput!) { f: ${op("updateViewField")}(input: $i) { id isVisible size } }`, {
      i: { id: one.f.id, update: { isVisible: false, size: 240 } },
    });
    expect(updated.f).toEqual({ id: one.f.id, isVisible: false, size: 240 });
    const nested = await ok(`query($id: String!) { v: ${op("getView")}(id: $id) { viewFields { id isVisible } } }`, { id: viewId });
    expect(nested.v.viewFields).toHaveLength(3);
    const deleted = await ok(`mutation($id: UUID!) { f: ${op("deleteViewField")}(input: { id: $id }) { id deletedAt } }`, { id: many.f[1].id });
    expect(deleted.f.deletedAt).toEqual(expect.any(String));
    const destroyed = await ok(`mutation($id: UUID!) { f: ${op("destroyViewField")}(input: { id: $id }) { id } }`, { id: many.f[1].id });
    expect(destroyed.f.id).toBe(many.f[1].id);
    expect((await ok(`query($v: String!) { f: ${op("getViewFields")}(viewId: $v) { id } }`, { v: viewId })).f).toHaveLength(2);
  });

  it("view field groups: create, createMany, get, list, update (fields nested), delete, destroy", async () => {
    const group = await ok(
      `mutation($i: CreateViewFieldGroupInput!) { g: ${op("createViewFieldGroup")}(input: $i) { id name position isVisible viewId isActive isOverridden viewFields { id } } }`,
      { i: { viewId, name: "Main" } },
    );
    expect(group.g).toMatchObject({ name: "Main", position: 0, isVisible: true, viewId, isActive: true, isOverridden: false, viewFields: [] });
    const many = await ok(`mutation($i: [CreateViewFieldGroupInput!]!) { g: ${op("createManyViewFieldGroups")}(inputs: $i) { id name } }`, {
      i: [
        { viewId, name: "Money", position: 1 },
        { viewId, name: "Other", position: 2, isVisible: false },
      ],
    });
    expect(many.g.map((g: { name: string }) => g.name)).toEqual(["Money", "Other"]);
    const fields = await ok(`query($v: String!) { f: ${op("getViewFields")}(viewId: $v) { id } }`, { v: viewId });
    await ok(`mutation($i: UpdateViewFieldInput!) { f: ${op("updateViewField")}(input: $i) { id } }`, { i: { id: fields.f[0].id, update: { viewFieldGroupId: group.g.id } } });
    const updated = await ok(`mutation($i: UpdateViewFieldGroupInput!) { g: ${op("updateViewFieldGroup")}(input: $i) { id name viewFields { id } } }`, {
      i: { id: group.g.id, update: { name: "Main info" } },
    });
    expect(updated.g).toEqual({ id: group.g.id, name: "Main info", viewFields: [{ id: fields.f[0].id }] });
    expect((await ok(`query($v: String!) { g: ${op("getViewFieldGroups")}(viewId: $v) { id } }`, { v: viewId })).g).toHaveLength(3);
    expect((await ok(`query($id: String!) { g: ${op("getViewFieldGroup")}(id: $id) { name } }`, { id: many.g[0].id })).g.name).toBe("Money");
    expect((await ok(`mutation($id: UUID!) { g: ${op("deleteViewFieldGroup")}(input: { id: $id }) { deletedAt } }`, { id: many.g[1].id })).g.deletedAt).toEqual(expect.any(String));
    expect((await ok(`mutation($id: UUID!) { g: ${op("destroyViewFieldGroup")}(input: { id: $id }) { id } }`, { id: many.g[1].id })).g.id).toBe(many.g[1].id);
  });

  it("view filter groups and filters: nested groups, create, get, list, update, delete, destroy", async () => {
    const root = await ok(
      `mutation($i: CreateViewFilterGroupInput!) { g: ${op("createViewFilterGroup")}(input: $i) { id logicalOperator parentViewFilterGroupId positionInViewFilterGroup viewId } }`,
      { i: { viewId, logicalOperator: "OR" } },
    );
    expect(root.g).toMatchObject({ logicalOperator: "OR", parentViewFilterGroupId: null, positionInViewFilterGroup: null, viewId });
    const child = await ok(`mutation($i: CreateViewFilterGroupInput!) { g: ${op("createViewFilterGroup")}(input: $i) { id logicalOperator parentViewFilterGroupId } }`, {
      i: { viewId, parentViewFilterGroupId: root.g.id },
    });
    expect(child.g).toMatchObject({ logicalOperator: "AND", parentViewFilterGroupId: root.g.id });
    const filter = await ok(
      `mutation($i: CreateViewFilterInput!) { f: ${op("createViewFilter")}(input: $i) { id fieldMetadataId operand value viewFilterGroupId positionInViewFilterGroup subFieldName viewId } }`,
      { i: { viewId, fieldMetadataId: fieldOf(company, "employees"), operand: "GREATER_THAN_OR_EQUAL", value: 100, viewFilterGroupId: child.g.id, positionInViewFilterGroup: 0 } },
    );
    expect(filter.f).toMatchObject({ operand: "GREATER_THAN_OR_EQUAL", value: 100, viewFilterGroupId: child.g.id, positionInViewFilterGroup: 0, subFieldName: null });
    const defaulted = await ok(`mutation($i: CreateViewFilterInput!) { f: ${op("createViewFilter")}(input: $i) { id operand value subFieldName } }`, {
      i: { viewId, fieldMetadataId: fieldOf(company, "address"), value: "Paris", subFieldName: "addressCity" },
    });
    expect(defaulted.f).toMatchObject({ operand: "IS", value: "Paris", subFieldName: "addressCity" });
    const updated = await ok(`mutation($i: UpdateViewFilterInput!) { f: ${op("updateViewFilter")}(input: $i) { id operand value } }`, {
      i: { id: filter.f.id, update: { operand: "LESS_THAN_OR_EQUAL", value: 10 } },
    });
    expect(updated.f).toEqual({ id: filter.f.id, operand: "LESS_THAN_OR_EQUAL", value: 10 });
    const regrouped = await ok(
      `mutation($id: String!, $i: UpdateViewFilterGroupInput!) { g: ${op("updateViewFilterGroup")}(id: $id, input: $i) { id logicalOperator } }`,
      { id: child.g.id, i: { logicalOperator: "NOT" } },
    );
    expect(regrouped.g.logicalOperator).toBe("NOT");
    expect((await ok(`query($v: String) { f: ${op("getViewFilters")}(viewId: $v) { id } }`, { v: viewId })).f).toHaveLength(2);
    expect((await ok(`query($id: String!) { f: ${op("getViewFilter")}(id: $id) { id } }`, { id: filter.f.id })).f.id).toBe(filter.f.id);
    expect((await ok(`query($v: String) { g: ${op("getViewFilterGroups")}(viewId: $v) { id } }`, { v: viewId })).g).toHaveLength(2);
    expect((await ok(`query($id: String!) { g: ${op("getViewFilterGroup")}(id: $id) { id } }`, { id: root.g.id })).g.id).toBe(root.g.id);
    const nested = await ok(`query($id: String!) { v: ${op("getView")}(id: $id) { viewFilters { id } viewFilterGroups { id } } }`, { id: viewId });
    expect(nested.v.viewFilters).toHaveLength(2);
    expect((await ok(`mutation($id: UUID!) { f: ${op("deleteViewFilter")}(input: { id: $id }) { id deletedAt } }`, { id: defaulted.f.id })).f.deletedAt).toEqual(expect.any(String));
    expect((await ok(`mutation($id: UUID!) { f: ${op("destroyViewFilter")}(input: { id: $id }) { id } }`, { id: defaulted.f.id })).f.id).toBe(defaulted.f.id);
    expect((await ok(`mutation($id: String!) { d: ${op("deleteViewFilterGroup")}(id: $id) }`, { id: child.g.id })).d).toBe(true);
    // Destroying the root group takes its sub-groups and their filters with it.
    expect((await ok(`mutation($id: String!) { d: ${op("destroyViewFilterGroup")}(id: $id) }`, { id: root.g.id })).d).toBe(true);
    expect((await ok(`query($v: String) { f: ${op("getViewFilters")}(viewId: $v) { id } }`, { v: viewId })).f).toEqual([]);
  });

  it("view groups: create (on the view's group-by field), createMany, get, list, update, updateMany, delete, destroy", async () => {
    const one = await ok(`mutation($i: CreateViewGroupInput!) { g: ${op("createViewGroup")}(input: $i) { id fieldValue isVisible position viewId } }`, {
      i: { viewId, fieldValue: "true" },
    });
    expect(one.g).toMatchObject({ fieldValue: "true", isVisible: true, position: 0, viewId });
    const many = await ok(`mutation($i: [CreateViewGroupInput!]!) { g: ${op("createManyViewGroups")}(inputs: $i) { id fieldValue position } }`, {
      i: [
        { viewId, fieldValue: "false", position: 1 },
        { viewId, fieldValue: "", position: 2, isVisible: false },
      ],
    });
    expect(many.g.map((g: { fieldValue: string }) => g.fieldValue)).toEqual(["false", ""]);
    const updated = await ok(`mutation($i: UpdateViewGroupInput!) { g: ${op("updateViewGroup")}(input: $i) { id isVisible } }`, { i: { id: one.g.id, update: { isVisible: false } } });
    expect(updated.g.isVisible).toBe(false);
    const reordered = await ok(`mutation($i: [UpdateViewGroupInput!]!) { g: ${op("updateManyViewGroups")}(inputs: $i) { id position } }`, {
      i: [
        { id: many.g[0].id, update: { position: 5 } },
        { id: many.g[1].id, update: { position: 6 } },
      ],
    });
    expect(reordered.g.map((g: { position: number }) => g.position)).toEqual([5, 6]);
    expect((await ok(`query($v: String) { g: ${op("getViewGroups")}(viewId: $v) { id position } }`, { v: viewId })).g.map((g: { id: string }) => g.id)).toEqual([
      one.g.id,
      many.g[0].id,
      many.g[1].id,
    ]);
    expect((await ok(`query($id: String!) { g: ${op("getViewGroup")}(id: $id) { fieldValue } }`, { id: one.g.id })).g.fieldValue).toBe("true");
    expect((await ok(`mutation($id: UUID!) { g: ${op("deleteViewGroup")}(input: { id: $id }) { deletedAt } }`, { id: one.g.id })).g.deletedAt).toEqual(expect.any(String));
    expect((await ok(`mutation($id: UUID!) { g: ${op("destroyViewGroup")}(input: { id: $id }) { id } }`, { id: one.g.id })).g.id).toBe(one.g.id);
  });

  it("view sorts: create, get, list, update, delete, destroy", async () => {
    const sort = await ok(`mutation($i: CreateViewSortInput!) { s: ${op("createViewSort")}(input: $i) { id fieldMetadataId direction subFieldName viewId } }`, {
      i: { viewId, fieldMetadataId: fieldOf(company, "name") },
    });
    expect(sort.s).toMatchObject({ fieldMetadataId: fieldOf(company, "name"), direction: "ASC", subFieldName: null, viewId });
    const updated = await ok(`mutation($i: UpdateViewSortInput!) { s: ${op("updateViewSort")}(input: $i) { id direction } }`, { i: { id: sort.s.id, update: { direction: "DESC" } } });
    expect(updated.s.direction).toBe("DESC");
    expect((await ok(`query($v: String) { s: ${op("getViewSorts")}(viewId: $v) { id } }`, { v: viewId })).s).toEqual([{ id: sort.s.id }]);
    expect((await ok(`query($id: String!) { s: ${op("getViewSort")}(id: $id) { direction } }`, { id: sort.s.id })).s.direction).toBe("DESC");
    expect((await ok(`mutation($id: UUID!) { d: ${op("deleteViewSort")}(input: { id: $id }) }`, { id: sort.s.id })).d).toBe(true);
    expect((await ok(`query($id: String!) { s: ${op("getViewSort")}(id: $id) { id } }`, { id: sort.s.id })).s).toBeNull();
    expect((await ok(`mutation($id: UUID!) { d: ${op("destroyViewSort")}(input: { id: $id }) }`, { id: sort.s.id })).d).toBe(true);
  });
});

describe("bad input", () => {
  let viewId: string;
  beforeAll(async () => {
    viewId = (await ok(`mutation($i: CreateViewInput!) { createView(input: $i) { id } }`, { i: { name: "Checks", objectMetadataId: company.id, icon: "IconList" } })).createView.id;
  });

  it("refuses what names nothing, or the wrong thing, with BAD_USER_INPUT or NOT_FOUND", async () => {
    const createView = `mutation($i: CreateViewInput!) { createView(input: $i) { id } }`;
    expect(await refused(createView, { i: { name: "x", objectMetadataId: crypto.randomUUID(), icon: "IconList" } }, "BAD_USER_INPUT")).toBe("Object metadata not found");
    await refused(createView, { i: { name: "x", objectMetadataId: company.id, icon: "IconList", type: "GRID" } }, "BAD_USER_INPUT");
    await refused(createView, { i: { name: "x", objectMetadataId: company.id } }, "BAD_USER_INPUT");
    expect(await refused(createView, { i: { name: "x", objectMetadataId: company.id, icon: "I", mainGroupByFieldMetadataId: fieldOf(person, "city") } }, "BAD_USER_INPUT")).toContain(
      "does not belong to the view's object",
    );
    expect(await refused(`query { getView(id: "nope") { id } }`, {}, "BAD_USER_INPUT")).toBe('Invalid UUID "nope" for "id"');
    expect(await refused(`mutation($id: String!) { updateView(id: $id, input: { name: "y" }) { id } }`, { id: crypto.randomUUID() }, "NOT_FOUND")).toBe("View not found");
    await refused(`mutation($id: String!) { updateView(id: $id, input: { icon: null }) { id } }`, { id: viewId }, "BAD_USER_INPUT");

    const createField = `mutation($i: CreateViewFieldInput!) { createViewField(input: $i) { id } }`;
    expect(await refused(createField, { i: { viewId: crypto.randomUUID(), fieldMetadataId: fieldOf(company, "name") } }, "NOT_FOUND")).toBe("View not found");
    expect(await refused(createField, { i: { viewId, fieldMetadataId: crypto.randomUUID() } }, "BAD_USER_INPUT")).toContain("not found");
    await refused(createField, { i: { viewId, fieldMetadataId: fieldOf(person, "city") } }, "BAD_USER_INPUT");
    await ok(createField, { i: { viewId, fieldMetadataId: fieldOf(company, "name") } });
    expect(await refused(createField, { i: { viewId, fieldMetadataId: fieldOf(company, "name") } }, "BAD_USER_INPUT")).toBe("This field is already in the view");
    // All or none: one bad row in a batch creates nothing.
    await refused(
      `mutation($i: [CreateViewFieldInput!]!) { createManyViewFields(inputs: $i) { id } }`,
      { i: [{ viewId, fieldMetadataId: fieldOf(company, "employees") }, { viewId, fieldMetadataId: fieldOf(person, "city") }] },
      "BAD_USER_INPUT",
    );
    expect((await ok(`query($v: String!) { getViewFields(viewId: $v) { id } }`, { v: viewId })).getViewFields).toHaveLength(1);

    const otherView = (await ok(`mutation($i: CreateViewInput!) { createView(input: $i) { id } }`, { i: { name: "Other", objectMetadataId: company.id, icon: "I" } })).createView.id;
    const foreignGroup = (await ok(`mutation($i: CreateViewFilterGroupInput!) { createViewFilterGroup(input: $i) { id } }`, { i: { viewId: otherView } })).createViewFilterGroup.id;
    expect(
      await refused(
        `mutation($i: CreateViewFilterInput!) { createViewFilter(input: $i) { id } }`,
        { i: { viewId, fieldMetadataId: fieldOf(company, "name"), value: "a", viewFilterGroupId: foreignGroup } },
        "BAD_USER_INPUT",
      ),
    ).toContain("not found in this view");
    await refused(`mutation($i: CreateViewFilterInput!) { createViewFilter(input: $i) { id } }`, { i: { viewId, fieldMetadataId: fieldOf(company, "name"), operand: "LIKE", value: "a" } }, "BAD_USER_INPUT");
    await refused(`mutation { deleteViewSort(input: { id: "${crypto.randomUUID()}" }) }`, {}, "NOT_FOUND");
  });
});

describe("security", () => {
  let viewId: string;
  beforeAll(async () => {
    viewId = (await ok(`mutation($i: CreateViewInput!) { createView(input: $i) { id } }`, { i: { name: "Private", objectMetadataId: company.id, icon: "IconList" } })).createView.id;
  });

  it("no token: UNAUTHENTICATED, for reads and writes, under both names", async () => {
    await refused(`{ getViews { id } }`, {}, "UNAUTHENTICATED", null);
    await refused(`{ getCoreViews { id } }`, {}, "UNAUTHENTICATED", null);
    await refused(`mutation($id: String!) { deleteCoreView(id: $id) }`, { id: viewId }, "UNAUTHENTICATED", null);
  });

  it("another workspace neither sees nor touches this one's views", async () => {
    const theirs = await ok(`{ getViews { id objectMetadataId } }`, {}, other.accessToken);
    expect(theirs.getViews.map((v: { id: string }) => v.id)).not.toContain(viewId);
    expect(theirs.getViews.length).toBeGreaterThan(0);
    expect((await ok(`query($id: String!) { getView(id: $id) { id } }`, { id: viewId }, other.accessToken)).getView).toBeNull();
    expect((await ok(`query($v: String!) { getViewFields(viewId: $v) { id } }`, { v: viewId }, other.accessToken)).getViewFields).toEqual([]);
    await refused(`mutation($id: String!) { updateView(id: $id, input: { name: "mine" }) { id } }`, { id: viewId }, "NOT_FOUND", other.accessToken);
    await refused(`mutation($id: String!) { destroyView(id: $id) }`, { id: viewId }, "NOT_FOUND", other.accessToken);
    await refused(`mutation($i: CreateViewFieldInput!) { createViewField(input: $i) { id } }`, { i: { viewId, fieldMetadataId: fieldOf(company, "name") } }, "NOT_FOUND", other.accessToken);
    // Their own view cannot point at this workspace's object or fields either.
    await refused(`mutation($i: CreateViewInput!) { createView(input: $i) { id } }`, { i: { name: "x", objectMetadataId: company.id, icon: "I" } }, "BAD_USER_INPUT", other.accessToken);
    expect((await ok(`query($id: String!) { getView(id: $id) { name } }`, { id: viewId })).getView.name).toBe("Private");
  });

  it("a member without the VIEWS permission reads views but cannot change them", async () => {
    const listed = await ok(`{ getCoreViews { id } }`, {}, member.accessToken);
    expect(listed.getCoreViews.map((v: { id: string }) => v.id)).toContain(viewId);
    expect(await refused(`mutation($i: CreateViewInput!) { createView(input: $i) { id } }`, { i: { name: "x", objectMetadataId: company.id, icon: "I" } }, "FORBIDDEN", member.accessToken)).toBe(
      "Entity performing the request does not have permission",
    );
    await refused(`mutation($id: String!) { updateCoreView(id: $id, input: { name: "x" }) { id } }`, { id: viewId }, "FORBIDDEN", member.accessToken);
    await refused(`mutation($id: String!) { deleteView(id: $id) }`, { id: viewId }, "FORBIDDEN", member.accessToken);
    await refused(`mutation($i: CreateViewSortInput!) { createViewSort(input: $i) { id } }`, { i: { viewId, fieldMetadataId: fieldOf(company, "name") } }, "FORBIDDEN", member.accessToken);
  });

  it("currentWorkspace lists the workspace's views and their parts (2.21's Workspace.views ...)", async () => {
    for (const endpoint of ["/metadata", "/graphql"] as const) {
      const res = await gql(worker, `{ currentWorkspace { id views { id } viewFields { id viewId } viewFilters { id } viewFilterGroups { id } viewGroups { id } viewSorts { id } } }`, {}, { token: ws.accessToken, endpoint });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const workspace = res.data.currentWorkspace;
      expect(workspace.views.map((v: { id: string }) => v.id)).toContain(viewId);
      expect(workspace.viewFields.length).toBeGreaterThan(10);
      expect(workspace.viewSorts).toEqual(expect.any(Array));
    }
  });

  it("the operations are served on /graphql too", async () => {
    const res = await gql(worker, `query($id: String!) { getCoreView(id: $id) { name viewFields { id } } }`, { id: viewId }, { token: ws.accessToken, endpoint: "/graphql" });
    expect(res.errors).toBeUndefined();
    expect(res.data.getCoreView).toEqual({ name: "Private", viewFields: [] });
  });
});
