import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { scalarResolvers } from "../../src/graphql/static/scalars.ts";
import type { Db } from "../../src/db/database.ts";
import { AppError } from "../../src/errors/app-error.ts";
import { connectLookupSql } from "../../src/graphql/workspace/inputs/connect-sql.ts";
import { applyConnects, resolveDataInputs, splitDataInput, type ConnectRequest } from "../../src/graphql/workspace/inputs/data-input.ts";
import { filterInputToNode } from "../../src/graphql/workspace/inputs/filter-input.ts";
import { orderInputToItems } from "../../src/graphql/workspace/inputs/order-input.ts";
import { buildStandardMetadata } from "../../src/metadata/provisioning/build-standard-metadata.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";
import type { ObjectMetadata } from "../../src/metadata/types.ts";
import { WorkspaceMetadata } from "../../src/metadata/workspace-metadata.ts";
import { RecordAccess } from "../../src/query/access.ts";
import type { AuthRole } from "../../src/auth/auth-context.ts";
import { planFilter } from "../../src/query/plan/plan-filter.ts";
import { planOrder } from "../../src/query/plan/plan-order.ts";
import { createScope } from "../../src/query/sql/where.ts";
import { refusal } from "../harness/refusal.ts";

const everything = RecordAccess.everything;

const schema = "workspace_test";
const metadata = new WorkspaceMetadata("00000000-0000-4000-8000-000000000001", schema, 1, buildStandardMetadata(standardObjects));
const object = (name: string): ObjectMetadata => metadata.objectsBySingular.get(name)!;
const company = object("company");
const person = object("person");
const someId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const otherId = "9b2c3d4e-1111-4222-8333-444455556666";
const hostile = ["O'Brien", "'; drop table x; --", `a"b`];

const render = (statement: SQL) => new PgDialect().sqlToQuery(statement);
/** A connect's conditions with each field by name. */
const conditionsOf = (request: ConnectRequest) => request.conditions.map(({ field, ...condition }) => ({ field: field.name, ...condition }));

describe("filterInputToNode", () => {
  it("turns each operator of a field into a condition, several ANDed", () => {
    expect(filterInputToNode(metadata, company, { employees: { gte: 1, lte: 5 } })).toEqual({
      kind: "and",
      children: [
        { kind: "condition", path: ["employees"], operator: "gte", value: 1 },
        { kind: "condition", path: ["employees"], operator: "lte", value: 5 },
      ],
    });
    expect(filterInputToNode(metadata, company, { name: { eq: "Acme" } })).toEqual({ kind: "condition", path: ["name"], operator: "eq", value: "Acme" });
  });

  it("reads composite sub-fields and join columns", () => {
    expect(filterInputToNode(metadata, company, { address: { addressCity: { eq: "Paris" }, addressCountry: { in: ["France"] } } })).toEqual({
      kind: "and",
      children: [
        { kind: "condition", path: ["address", "addressCity"], operator: "eq", value: "Paris" },
        { kind: "condition", path: ["address", "addressCountry"], operator: "in", value: ["France"] },
      ],
    });
    expect(filterInputToNode(metadata, person, { companyId: { eq: someId } })).toEqual({ kind: "condition", path: ["companyId"], operator: "eq", value: someId });
  });

  it("nests and, or and not, ignoring null ones and null children", () => {
    const node = filterInputToNode(metadata, person, {
      or: [{ city: { eq: "Paris" } }, null, { not: { city: { is: "NULL" } } }],
      and: null,
      not: null,
    });
    expect(node).toEqual({
      kind: "or",
      children: [
        { kind: "condition", path: ["city"], operator: "eq", value: "Paris" },
        { kind: "not", child: { kind: "condition", path: ["city"], operator: "is", value: "NULL" } },
      ],
    });
  });

  it("keeps date-times as the ISO text the DateTime scalar gives, in lists too", () => {
    const at = scalarResolvers.DateTime.parseValue("2024-05-01T12:00:00+02:00") as string;
    expect(filterInputToNode(metadata, company, { createdAt: { gte: at, in: [at] } })).toEqual({
      kind: "and",
      children: [
        { kind: "condition", path: ["createdAt"], operator: "gte", value: "2024-05-01T10:00:00.000Z" },
        { kind: "condition", path: ["createdAt"], operator: "in", value: ["2024-05-01T10:00:00.000Z"] },
      ],
    });
  });

  it("reads {} and fields without operators as no condition", () => {
    expect(filterInputToNode(metadata, company, {})).toEqual({ kind: "and", children: [] });
    expect(filterInputToNode(metadata, company, { name: null, address: {}, employees: {} })).toEqual({ kind: "and", children: [] });
    expect(filterInputToNode(metadata, person, { companyId: {}, name: { firstName: null } })).toEqual({ kind: "and", children: [] });
  });

  it("passes unknown keys on for the planner to refuse by name", () => {
    for (const input of [{ nmae: { eq: "x" } }, { nmae: {} }, { nmae: null }]) {
      const node = filterInputToNode(metadata, company, input);
      const error = refusal(() => planFilter(metadata, company, node, "json", everything));
      expect(error.code).toBe("UNKNOWN_FIELD");
      expect(error.message).toContain(`"nmae"`);
    }
  });

  it("produces nodes the planner accepts", () => {
    const node = filterInputToNode(metadata, person, { name: { firstName: { ilike: "%jo%" } }, createdAt: { lt: "1970-01-01T00:00:00.000Z" } });
    expect(planFilter(metadata, person, node, "json", everything).filter.kind).toBe("and");
  });
});

describe("orderInputToItems", () => {
  it("reads a list of single-key objects in order", () => {
    expect(orderInputToItems([{ createdAt: "DescNullsLast" }, { name: "AscNullsFirst" }])).toEqual([
      { path: ["createdAt"], direction: "DescNullsLast" },
      { path: ["name"], direction: "AscNullsFirst" },
    ]);
  });

  it("expands composites to their sub-fields, in order, and accepts a lone object", () => {
    expect(orderInputToItems({ name: { firstName: "AscNullsLast", lastName: "DescNullsFirst" } })).toEqual([
      { path: ["name", "firstName"], direction: "AscNullsLast" },
      { path: ["name", "lastName"], direction: "DescNullsFirst" },
    ]);
    const [first] = planOrder(metadata, person, orderInputToItems({ name: { firstName: "AscNullsLast" } }), everything);
    expect(first!.target.column).toBe("nameFirstName");
  });

  it("skips null entries and null keys", () => {
    expect(orderInputToItems(null)).toEqual([]);
    expect(orderInputToItems([null, { createdAt: null, position: "AscNullsFirst" }])).toEqual([{ path: ["position"], direction: "AscNullsFirst" }]);
  });

  it("refuses unknown directions", () => {
    expect(refusal(() => orderInputToItems([{ createdAt: "Sideways" }])).code).toBe("INVALID_ORDER_BY");
    expect(refusal(() => orderInputToItems([{ name: { firstName: "ASC" } }])).code).toBe("INVALID_ORDER_BY");
    expect(refusal(() => orderInputToItems([{ company: { address: { addressCity: { deeper: "AscNullsLast" } } } }])).code).toBe("INVALID_ORDER_BY");
  });

  it("leaves a composite ordered as a whole to the planner", () => {
    const items = orderInputToItems([{ name: "AscNullsFirst" }]);
    expect(items).toEqual([{ path: ["name"], direction: "AscNullsFirst" }]);
    expect(() => planOrder(metadata, person, items, everything)).toThrow(AppError);
  });
});

describe("splitDataInput", () => {
  it("copies plain fields, the DateTime scalar's ISO text at any depth", () => {
    const at = scalarResolvers.DateTime.parseLiteral({ kind: Kind.STRING, value: "2024-05-01T10:00:00Z" }) as string;
    const { body, connects } = splitDataInput(metadata, company, { name: "Acme", address: { addressCity: "Paris" }, createdAt: at, tagline: null, nested: { list: [at] } });
    expect(body).toEqual({ name: "Acme", address: { addressCity: "Paris" }, createdAt: "2024-05-01T10:00:00.000Z", tagline: null, nested: { list: ["2024-05-01T10:00:00.000Z"] } });
    expect(connects).toEqual([]);
  });

  it("keeps join columns as given and nulls them on disconnect", () => {
    expect(splitDataInput(metadata, person, { companyId: someId }).body).toEqual({ companyId: someId });
    expect(splitDataInput(metadata, person, { company: { disconnect: true } }).body).toEqual({ companyId: null });
    expect(splitDataInput(metadata, person, { company: { disconnect: false } }).body).toEqual({});
    expect(splitDataInput(metadata, person, { company: null }).body).toEqual({});
  });

  it("connects by id, by a unique scalar and by a unique composite sub-field", () => {
    const byId = splitDataInput(metadata, person, { company: { connect: { where: { id: someId.toUpperCase() } } } });
    expect(byId.body).toEqual({});
    expect(byId.connects).toHaveLength(1);
    const [request] = byId.connects;
    expect([request!.field.name, request!.joinColumn, request!.target.nameSingular]).toEqual(["company", "companyId", "company"]);
    expect(conditionsOf(request!)).toEqual([{ field: "id", column: "id", value: someId, cast: "uuid" }]);

    const byDomain = splitDataInput(metadata, person, { company: { connect: { where: { domainName: { primaryLinkUrl: "acme.com" } } } } });
    expect(conditionsOf(byDomain.connects[0]!)).toEqual([{ field: "domainName", column: "domainNamePrimaryLinkUrl", value: "acme.com", cast: "text" }]);

    const byEmail = splitDataInput(metadata, company, { accountOwner: { connect: { where: { userEmail: "jo@acme.com" } } } });
    expect(conditionsOf(byEmail.connects[0]!)).toEqual([{ field: "userEmail", column: "userEmail", value: "jo@acme.com", cast: "text" }]);
    expect(byEmail.connects[0]!.joinColumn).toBe("accountOwnerId");
  });

  it("ANDs several unique fields, skipping null ones", () => {
    const { connects } = splitDataInput(metadata, person, { company: { connect: { where: { id: someId, domainName: { primaryLinkUrl: "acme.com" }, name: undefined } } } });
    expect(connects[0]!.conditions.map((c) => c.column)).toEqual(["id", "domainNamePrimaryLinkUrl"]);
    const withNull = splitDataInput(metadata, person, { company: { connect: { where: { id: someId, domainName: null } } } });
    expect(withNull.connects[0]!.conditions.map((c) => c.column)).toEqual(["id"]);
  });

  it("refuses connect on fields that are not unique, and empty wheres", () => {
    for (const where of [{ name: "Acme" }, {}, { id: null }, { domainName: { primaryLinkLabel: "x" } }, { domainName: {} }, { nmae: "x" }]) {
      const error = refusal(() => splitDataInput(metadata, person, { company: { connect: { where } } }));
      expect(error.code).toBe("CONNECT_NOT_ALLOWED");
      expect(error.message).toContain("Connect is only allowed on unique fields: id, domainName.primaryLinkUrl");
    }
    expect(refusal(() => splitDataInput(metadata, person, { company: { connect: {} } })).code).toBe("CONNECT_NOT_ALLOWED");
  });

  it("refuses connect with disconnect, a relation with its join column, and one-to-many relations", () => {
    const both = refusal(() => splitDataInput(metadata, person, { company: { connect: { where: { id: someId } }, disconnect: true } }));
    expect([both.code, both.message]).toEqual(["CONNECT_NOT_ALLOWED", "Cannot have both connect and disconnect for the same field on company."]);
    const twice = refusal(() => splitDataInput(metadata, person, { companyId: someId, company: { disconnect: true } }));
    expect([twice.code, twice.message]).toEqual(["CONNECT_NOT_ALLOWED", "company and companyId cannot be both provided."]);
    const many = refusal(() => splitDataInput(metadata, company, { people: { connect: { where: { id: someId } } } }));
    expect(many.code).toBe("CONNECT_NOT_ALLOWED");
    expect(many.message).toContain("one-to-many");
  });

  it("checks where values with the field's type", () => {
    expect(refusal(() => splitDataInput(metadata, person, { company: { connect: { where: { id: "nope" } } } })).message).toContain("Invalid UUID");
  });
});

describe("connectLookupSql", () => {
  const requestsFor = (...wheres: Array<Record<string, unknown>>): ConnectRequest[] =>
    wheres.flatMap((where) => splitDataInput(metadata, person, { company: { connect: { where } } }).connects);

  it("looks every connect up in one statement, values as parameters", () => {
    const { sql, params } = render(connectLookupSql(createScope(schema), requestsFor({ id: someId }, { domainName: { primaryLinkUrl: "acme.com" } })));
    expect(sql).toBe(
      `SELECT array_to_json(ARRAY[` +
        `(SELECT coalesce(json_agg(t2.id), '[]'::json) FROM (SELECT t1."id" AS id FROM "${schema}"."company" t1 WHERE t1."id" = $1::uuid AND t1."deletedAt" IS NULL LIMIT 2) t2), ` +
        `(SELECT coalesce(json_agg(t4.id), '[]'::json) FROM (SELECT t3."id" AS id FROM "${schema}"."company" t3 WHERE t3."domainNamePrimaryLinkUrl" = $2::text AND t3."deletedAt" IS NULL LIMIT 2) t4)` +
        `]::json[])::text AS result`,
    );
    expect(params).toEqual([someId, "acme.com"]);
  });

  it("ANDs the conditions of one connect and never inlines values", () => {
    // Probes are normalised as stored links are (so each must be a URL), then bound as parameters.
    for (const value of hostile) {
      const url = `https://acme.com/${encodeURIComponent(value)}`;
      const { sql, params } = render(connectLookupSql(createScope(schema), requestsFor({ id: someId, domainName: { primaryLinkUrl: url } })));
      expect(sql).toContain(`t1."id" = $1::uuid AND t1."domainNamePrimaryLinkUrl" = $2::text AND t1."deletedAt" IS NULL`);
      expect(sql).not.toContain(value);
      expect(params).toEqual([someId, url]);
    }
  });
});

describe("applyConnects", () => {
  const [byId] = splitDataInput(metadata, person, { company: { connect: { where: { id: someId } } } }).connects;
  const [byDomain] = splitDataInput(metadata, person, { company: { connect: { where: { domainName: { primaryLinkUrl: "acme.com" } } } } }).connects;

  it("sets each join column from the ids found, in order, without touching the inputs", () => {
    const bodies = [{ jobTitle: "A" }, {}, { jobTitle: "C" }];
    const out = applyConnects(bodies, [[byId!], [], [byDomain!]], [[someId], [otherId]]);
    expect(out).toEqual([{ jobTitle: "A", companyId: someId }, {}, { jobTitle: "C", companyId: otherId }]);
    expect(bodies[0]).toEqual({ jobTitle: "A" });
  });

  it("refuses a connect that finds no record or several", () => {
    const none = refusal(() => applyConnects([{}], [[byDomain!]], [[]]));
    expect([none.code, none.message]).toEqual(["CONNECT_RECORD_NOT_FOUND", "Expected 1 record to connect to company, but found 0 for domainNamePrimaryLinkUrl = acme.com"]);
    const two = refusal(() => applyConnects([{}], [[byId!]], [[someId, otherId]]));
    expect([two.code, two.message]).toEqual(["CONNECT_UNIQUE_CONSTRAINT_ERROR", `Expected 1 record to connect to company, but found 2 for id = ${someId}`]);
  });
});

describe("resolveDataInputs", () => {
  /** A Db that answers every statement with `result` and records what it was asked. */
  const fakeDb = (result: unknown) => {
    const statements: SQL[] = [];
    const db = { execute: async (statement: SQL) => (statements.push(statement), { rows: [{ result: JSON.stringify(result) }] }) } as unknown as Db;
    return { db, statements };
  };

  it("runs no statement without connects", async () => {
    const { db, statements } = fakeDb([]);
    expect(await resolveDataInputs(db, metadata, RecordAccess.everything, person, [{ jobTitle: "A", company: { disconnect: true } }])).toEqual([{ jobTitle: "A", companyId: null }]);
    expect(statements).toHaveLength(0);
  });

  it("resolves the connects of all inputs with one statement", async () => {
    const { db, statements } = fakeDb([[someId], [otherId]]);
    const out = await resolveDataInputs(db, metadata, RecordAccess.everything, person, [
      { jobTitle: "A", company: { connect: { where: { id: someId } } } },
      { jobTitle: "B", company: { connect: { where: { id: otherId } } } },
    ]);
    expect(out).toEqual([
      { jobTitle: "A", companyId: someId },
      { jobTitle: "B", companyId: otherId },
    ]);
    expect(statements).toHaveLength(1);
    expect(render(statements[0]!).params).toEqual([someId, otherId]);
  });

  it("refuses a batch whose records connect one relation by different unique fields, before any lookup", async () => {
    const { db, statements } = fakeDb([[someId], [otherId]]);
    const mixed = await resolveDataInputs(db, metadata, RecordAccess.everything, person, [
      { company: { connect: { where: { id: someId } } } },
      { company: { connect: { where: { domainName: { primaryLinkUrl: "acme.com" } } } } },
    ]).catch((error: unknown) => error as AppError);
    expect([(mixed as AppError).code, (mixed as AppError).message]).toEqual([
      "CONNECT_NOT_ALLOWED",
      "Expected the same constraint fields to be used consistently across all operations for company.",
    ]);
    expect(statements).toHaveLength(0);
  });

  it("refuses connects the role may not make before any lookup, so a refusal never says whether a record exists", async () => {
    const role = (changes: Partial<AuthRole>): RecordAccess =>
      new RecordAccess({
        id: "r",
        label: "Member",
        canUpdateAllSettings: false,
        canReadAllObjectRecords: true,
        canUpdateAllObjectRecords: true,
        canSoftDeleteAllObjectRecords: true,
        canDestroyAllObjectRecords: true,
        permissionFlags: [],
        objectPermissions: [],
        fieldPermissions: [],
        ...changes,
      });
    const override = (objectMetadataId: string, canRead: boolean | null, canUpdate: boolean | null) => ({ objectMetadataId, canRead, canUpdate, canSoftDelete: null, canDestroy: null });
    const field = (o: ObjectMetadata, name: string) => o.fields.find((f) => f.name === name)!.id;
    const denied: Array<[string, RecordAccess]> = [
      ["no update on person", role({ objectPermissions: [override(person.id, true, false)] })],
      ["no read on company", role({ objectPermissions: [override(company.id, false, null)] })],
      ["relation frozen", role({ fieldPermissions: [{ fieldMetadataId: field(person, "company"), canRead: null, canUpdate: false }] })],
      ["where field hidden", role({ fieldPermissions: [{ fieldMetadataId: field(company, "domainName"), canRead: false, canUpdate: null }] })],
    ];
    for (const [why, access] of denied) {
      const { db, statements } = fakeDb([[someId]]);
      const input = { company: { connect: { where: { domainName: { primaryLinkUrl: "acme.com" } } } } };
      const error = await resolveDataInputs(db, metadata, access, person, [input]).then(() => undefined, (e: unknown) => e);
      expect(error, why).toMatchObject({ code: "PERMISSION_DENIED" });
      expect(statements, why).toHaveLength(0);
    }
    const { db } = fakeDb([[someId]]);
    const allowed = role({ objectPermissions: [override(company.id, true, false)] });
    expect(await resolveDataInputs(db, metadata, allowed, person, [{ company: { connect: { where: { id: someId } } } }])).toEqual([{ companyId: someId }]);
  });
});
