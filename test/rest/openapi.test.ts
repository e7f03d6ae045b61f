import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../harness/graphql.ts";
import { startTestWorker, type TestWorker } from "../harness/test-worker.ts";
import { createWorkspace, type WorkspaceFixture } from "../harness/workspace-fixture.ts";

let worker: TestWorker;
let ws: WorkspaceFixture;
beforeAll(async () => {
  worker = await startTestWorker();
  ws = await createWorkspace(worker, "openapi");
});
afterAll(() => worker?.close());

async function validate(document: unknown) {
  const validator = new Validator();
  const result = await validator.validate(document as never);
  expect(result.errors, String(JSON.stringify(result.errors)).slice(0, 2000)).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");
}

describe("OpenAPI 3.1 documents from live metadata", () => {
  it("core: valid 3.1, every object's routes, Twenty's operation ids; a new object appears at once", async () => {
    const res = await worker.json("/rest/open-api/core", { token: ws.apiKeyToken });
    expect(res.status).toBe(200);
    await validate(res.body);
    expect(res.body.openapi).toBe("3.1.1");
    expect(res.body.info.title).toBe("Twenty Api");
    expect(res.body.paths["/companies"].get.operationId).toBe("findManyCompanies");
    expect(res.body.paths["/people/{id}"].get.operationId).toBe("findOnePerson");
    expect(res.body.paths["/batch/opportunities"].post.operationId).toBe("createManyOpportunities");
    expect(res.body.paths["/companies/duplicates"].post.operationId).toBe("findManyCompaniesDuplicates");
    expect(res.body.paths["/people/merge"].patch.operationId).toBe("mergeManyPeople");
    expect(res.body.paths["/companies/groupBy"].get.operationId).toBe("groupByCompanies");
    expect(JSON.stringify(res.body.components.schemas.Company.properties.domainName)).toContain('"$ref":"#/components/schemas/Links"');
    expect(res.body.components.schemas.Opportunity.properties.stage.enum).toEqual(["NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER", null]);
    expect(res.body.paths["/rockets"]).toBeUndefined();
    await gql(worker, `mutation { createOneObject(input: { object: { nameSingular: "rocket", namePlural: "rockets", labelSingular: "Rocket", labelPlural: "Rockets" } }) { id } }`, {}, { token: ws.accessToken });
    const after = await worker.json("/rest/open-api/core", { token: ws.apiKeyToken });
    expect(after.body.paths["/rockets"].post.operationId).toBe("createOneRocket");
    await validate(after.body);
  });

  it("metadata: valid 3.1 with objects, fields and API keys", async () => {
    const res = await worker.json("/rest/open-api/metadata", { token: ws.apiKeyToken });
    expect(res.status).toBe(200);
    await validate(res.body);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(["/objects", "/objects/{id}", "/fields", "/fields/{id}", "/apiKeys", "/apiKeys/{id}"]));
  });

  it("needs a token; the docs page is served", async () => {
    expect((await worker.json("/rest/open-api/core")).status).toBe(401);
    expect((await worker.json("/rest/open-api/core?token=" + ws.apiKeyToken)).status).toBe(401);
    const docs = await worker.fetch("/rest/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
    expect(await docs.text()).toContain("/rest/open-api/core");
  });
});
