import { buildASTSchema, isObjectType, Kind, parse, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { BoundedCache } from "../../cache/bounded-cache.ts";
import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { staticResolvers, staticTypeDefs } from "../static/index.ts";
import { attachResolvers } from "./attach-resolvers.ts";
import { markRecordTypes } from "./lenient-record-fields.ts";
import { rootFieldNames, servedObjects, typeNameOf } from "./names.ts";
import { markSqlShapedRootFields } from "./sql-shaped-execution.ts";
import { objectSdl } from "./object-sdl.ts";
import { workspaceResolvers } from "./root-resolvers.ts";
import { sharedWorkspaceSdl } from "./shared-sdl.ts";

/** The workspace's SDL: shared types, then each object's, each name once; and the root fields. */
export function workspaceSdl(metadata: WorkspaceMetadata): { typeDefs: Map<string, string>; queries: string[]; mutations: string[] } {
  const typeDefs = new Map(sharedWorkspaceSdl);
  const queries: string[] = [];
  const mutations: string[] = [];
  for (const object of servedObjects(metadata.objects)) {
    const sdl = objectSdl(metadata, object);
    for (const [name, text] of sdl.typeDefs) if (!typeDefs.has(name)) typeDefs.set(name, text);
    queries.push(...sdl.queries);
    mutations.push(...sdl.mutations);
  }
  return { typeDefs, queries, mutations };
}

const rootTypes = new Set(["Query", "Mutation"]);
const fieldName = (line: string) => line.slice(0, line.search(/[(:]/)).trim();

/** The static type definitions do not change within an isolate: parsed once. */
let staticDocuments: DocumentNode[] | undefined;
const parsedStatic = () => (staticDocuments ??= staticTypeDefs.map((typeDef) => parse(typeDef)));

/**
 * The static schema's definitions, less what the workspace defines itself: a generated type replaces the
 * static one of the same name (`WorkspaceMember`, `FullName`, `UUIDFilter`, ...), a generated root field the
 * static one. Root fields come back apart, to be merged with the generated ones.
 */
function staticDefinitions(typeNames: Set<string>, rootFields: Set<string>): { definitions: DefinitionNode[]; roots: Map<string, FieldDefinitionNode[]> } {
  const definitions: DefinitionNode[] = [];
  const roots = new Map<string, FieldDefinitionNode[]>([...rootTypes].map((name) => [name, []]));
  for (const document of parsedStatic()) {
    for (const definition of document.definitions) {
      if (!("name" in definition) || !definition.name) continue;
      const name = definition.name.value;
      if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && rootTypes.has(name)) {
        roots.get(name)!.push(...(definition.fields ?? []).filter((field) => !rootFields.has(field.name.value)));
      } else if (!typeNames.has(name)) definitions.push(definition);
    }
  }
  return { definitions, roots };
}

/**
 * Records, connections and edges are built by Postgres keyed by the caller's response keys (aliases), so the
 * same field asked twice with different arguments has two values; what other code built is keyed by name.
 */
const byResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) =>
  info.path.key in source ? source[info.path.key as string] : source[info.fieldName];

/** The whole /graphql document of a workspace: the static operations and the generated ones. */
export function workspaceSchemaDocument(metadata: WorkspaceMetadata, sdl = workspaceSdl(metadata)): DocumentNode {
  const { typeDefs, queries, mutations } = sdl;
  const rootFields = new Set([...queries, ...mutations].map(fieldName));
  const { definitions, roots } = staticDefinitions(new Set(typeDefs.keys()), rootFields);
  const generated = parse([...typeDefs.values(), `type Query {\n  ${queries.join("\n  ")}\n}`, `type Mutation {\n  ${mutations.join("\n  ")}\n}`].join("\n\n"));
  // graphql's builder takes each type once: the static modules' Query and Mutation parts join the generated ones.
  for (const definition of generated.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION && rootTypes.has(definition.name.value)) {
      definitions.push({ ...definition, fields: [...roots.get(definition.name.value)!, ...(definition.fields ?? [])] });
    } else definitions.push(definition);
  }
  return { kind: Kind.DOCUMENT, definitions };
}

export function buildWorkspaceSchema(metadata: WorkspaceMetadata): GraphQLSchema {
  // The document's validity is a unit test's business (test/unit/workspace-schema.test.ts), not each build's.
  const sdl = workspaceSdl(metadata);
  const schema = buildASTSchema(workspaceSchemaDocument(metadata, sdl), { assumeValidSDL: true });
  attachResolvers(schema, [...staticResolvers, workspaceResolvers(metadata)]);
  markRecordTypes(schema, servedObjects(metadata.objects).map(typeNameOf));
  markSqlShapedRootFields(schema, servedObjects(metadata.objects).flatMap((object) => [rootFieldNames(object).findMany, rootFieldNames(object).findOne]));
  // Every generated object type (records, connections, edges, composites) and PageInfo is read by response key.
  for (const name of [...sdl.typeDefs.keys(), "PageInfo"]) {
    const type = schema.getType(name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= byResponseKey as GraphQLFieldResolver<unknown, unknown>;
  }
  return schema;
}

/**
 * Schemas per workspace and metadata version: a metadata change bumps the version, so a stale schema is never
 * asked for again and ages out. Bounded by count: a schema of the 29 standard objects is a few MB.
 */
const cache = new BoundedCache<string, GraphQLSchema>(20);

export function workspaceSchema(metadata: WorkspaceMetadata): GraphQLSchema {
  const key = `${metadata.workspaceId}:${metadata.version}`;
  let schema = cache.get(key);
  if (!schema) {
    schema = buildWorkspaceSchema(metadata);
    cache.set(key, schema);
  }
  return schema;
}
