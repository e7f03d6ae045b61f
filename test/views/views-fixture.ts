import { expect } from "vitest";
import { gql } from "../harness/graphql.ts";
import type { TestWorker } from "../harness/test-worker.ts";
import type { WorkspaceFixture } from "../harness/workspace-fixture.ts";

export const viewSelection = `id name objectMetadataId type key icon position isCompact isCustom openRecordIn visibility workspaceId deletedAt
  viewFields { id fieldMetadataId isVisible size position viewId }
  viewFilters { id } viewFilterGroups { id } viewSorts { id } viewGroups { id } viewFieldGroups { id }`;

/** A GraphQL call that must succeed. */
export async function run(worker: TestWorker, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await gql(worker, query, variables, { token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}

export interface ObjectInfo {
  id: string;
  nameSingular: string;
  labelPlural: string;
  labelIdentifierFieldMetadataId: string | null;
  fields: Array<{ id: string; name: string; type: string; isSystem: boolean }>;
}

export async function objectsOf(worker: TestWorker, ws: WorkspaceFixture): Promise<Map<string, ObjectInfo>> {
  const data = await run(
    worker,
    ws.accessToken,
    `{ objects(paging: { first: 1000 }) { edges { node { id nameSingular labelPlural isSystem labelIdentifierFieldMetadataId
      fieldsList { id name type isSystem } } } } }`,
  );
  return new Map(
    data.objects.edges.map((e: { node: ObjectInfo & { fieldsList: ObjectInfo["fields"] } }) => [e.node.nameSingular, { ...e.node, fields: e.node.fieldsList }]),
  );
}
