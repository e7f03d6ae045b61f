import { buildASTSchema, GraphQLObjectType, printType, validateSchema, type GraphQLInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";
import { buildWorkspaceSchema, workspaceSchemaDocument } from "../../src/graphql/workspace/workspace-schema.ts";

const metadata = new WorkspaceMetadata("00000000-0000-4000-8000-000000000001", "workspace_test", 1, buildStandardMetadata(standardObjects));

describe("the workspace schema document", () => {
  it("is valid SDL and a valid schema (the Worker builds it without re-validating)", () => {
    const schema = buildASTSchema(workspaceSchemaDocument(metadata));
    expect(validateSchema(schema)).toEqual([]);
  });

  it("has Twenty's operation and type names, arguments and relation shapes", () => {
    const schema = buildWorkspaceSchema(metadata);
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    expect(String(query.companies!.type)).toBe("CompanyConnection");
    expect(query.companies!.args.map((a) => `${a.name}: ${a.type}`)).toEqual([
      "first: Int", "last: Int", "offset: Int", "before: String", "after: String", "filter: CompanyFilterInput", "orderBy: [CompanyOrderByInput]",
    ]);
    expect(String(query.company!.args[0]!.type)).toBe("CompanyFilterInput!");
    expect(String(query.peopleGroupBy!.type)).toBe("[PersonGroupByConnection!]");
    expect(String(query.personDuplicates!.type)).toBe("[PersonConnection!]");
    for (const name of ["createPeople", "updatePerson", "deletePeople", "destroyPerson", "restorePeople", "mergePeople"]) expect(mutation[name]).toBeDefined();
    // No duplicate criteria, no duplicates or merge.
    expect(query.noteDuplicates).toBeUndefined();
    expect(mutation.mergeNotes).toBeUndefined();
    // Static operations stay on /graphql.
    expect(query.currentUser).toBeDefined();
    expect(query.search).toBeDefined();

    const person = schema.getType("Person") as GraphQLObjectType;
    expect(String(person.getFields().company!.type)).toBe("Company");
    expect(String(person.getFields().companyId!.type)).toBe("ID");
    const people = (schema.getType("Company") as GraphQLObjectType).getFields().people!;
    expect(String(people.type)).toBe("PersonConnection");
    expect(people.args.map((a) => a.name)).toEqual(["first", "last", "offset", "before", "after", "filter", "orderBy"]);

    const connection = (schema.getType("OpportunityConnection") as GraphQLObjectType).getFields();
    expect(String(connection.totalCount!.type)).toBe("Int");
    expect(String(connection.sumAmountAmountMicros!.type)).toBe("Float");
    expect(String(connection.minCloseDate!.type)).toBe("DateTime");
    expect(String(connection.percentageEmptyName!.type)).toBe("Float");
    expect(String(connection.edges!.type)).toBe("[OpportunityEdge!]!");
    expect(String(connection.pageInfo!.type)).toBe("PageInfo!");

    const filter = (schema.getType("PersonFilterInput") as GraphQLInputObjectType).getFields();
    expect(String(filter.and!.type)).toBe("[PersonFilterInput]");
    expect(String(filter.companyId!.type)).toBe("UUIDFilter");
    expect(String(filter.company!.type)).toBe("CompanyFilterInput");
    const order = (schema.getType("PersonOrderByInput") as GraphQLInputObjectType).getFields();
    expect(String(order.company!.type)).toBe("CompanyOrderByInput");
    const groupBy = (schema.getType("PersonGroupByInput") as GraphQLInputObjectType).getFields();
    expect(String(groupBy.company!.type)).toBe("CompanyGroupByInput");
    expect(groupBy.companyId).toBeUndefined();
    expect(groupBy.id).toBeUndefined();
    expect(String((schema.getType("PersonOrderByWithGroupByInput") as GraphQLInputObjectType).getFields().company!.type)).toBe("CompanyOrderByWithGroupByInput");
    expect(String((schema.getType("CompanyConnectInput") as GraphQLInputObjectType).getFields().where!.type)).toBe("CompanyWhereUniqueInput");
    expect(String((schema.getType("CompanyWhereUniqueInput") as GraphQLInputObjectType).getFields().id!.type)).toBe("ID");
    const pageInfo = (schema.getType("PageInfo") as GraphQLObjectType).getFields();
    expect([String(pageInfo.hasNextPage!.type), String(pageInfo.hasPreviousPage!.type)]).toEqual(["Boolean!", "Boolean!"]);
    expect(printType(schema.getType("BooleanFilter")!)).toBe("input BooleanFilter {\n  eq: Boolean\n  is: FilterIs\n}");
    expect(Object.keys((schema.getType("StringFilter") as GraphQLInputObjectType).getFields())).toEqual(expect.arrayContaining(["regex", "iregex"]));
    expect(String((schema.getType("Person") as GraphQLObjectType).getFields().jobTitle!.type)).toBe("String");
    expect(String((schema.getType("Person") as GraphQLObjectType).getFields().createdBy!.type)).toBe("Actor!");
    const companies = (schema.getType("CompanyConnection") as GraphQLObjectType).getFields();
    for (const name of ["countUniqueValuesAddress", "countEmptySearchVector", "minAnnualRecurringRevenueAmountMicros"]) expect(companies[name], name).toBeDefined();
    expect(companies.avgPosition).toBeUndefined();
    expect(String(filter.name!.type)).toBe("FullNameFilterInput");
    const create = (schema.getType("PersonCreateInput") as GraphQLInputObjectType).getFields();
    expect(String(create.id!.type)).toBe("ID");
    expect(String(create.company!.type)).toBe("CompanyRelationInput");
    expect(String(create.updatedAt!.type)).toBe("DateTime");
    expect(String(create.searchVector!.type)).toBe("TSVector");
    const update = (schema.getType("PersonUpdateInput") as GraphQLInputObjectType).getFields();
    expect(["id", "createdAt", "updatedAt", "deletedAt"].map((name) => String(update[name]?.type))).toEqual(["ID", "DateTime", "DateTime", "DateTime"]);
    expect(String(create.emails!.type)).toBe("EmailsCreateInput");
    expect(String((schema.getType("PersonUpdateInput") as GraphQLInputObjectType).getFields().emails!.type)).toBe("EmailsUpdateInput");
    expect(printType(schema.getType("CompanyRelationInput")!)).toContain("connect: CompanyConnectInput");
    expect(schema.getType("OpportunityStageEnum")).toBeDefined();
    for (const name of ["Links", "Currency", "FullName", "Emails", "Phones", "Address", "Actor", "RichText", "UUID", "DateTime", "Date", "BigFloat", "Position", "Cursor", "TSVector"]) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });
});
