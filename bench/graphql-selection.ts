import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type IntrospectionQuery,
} from "graphql";

/** POSTs one GraphQL operation to the Worker's /graphql; throws on an HTTP or GraphQL error. */
export async function coreGraphql(baseUrl: string, token: string, query: string): Promise<Record<string, any>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (!res.ok || body.errors) throw new Error(`/graphql answered ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data!;
}

const isConnection = (type: GraphQLObjectType) => type.name.endsWith("Connection") && "edges" in type.getFields();
const isRecord = (type: GraphQLObjectType) => "id" in type.getFields() && !isConnection(type);

function nodeOf(connection: GraphQLObjectType): GraphQLObjectType {
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
}

/**
 * The selection REST's `depth` returns, from the introspected schema: every leaf and composite field (search
 * vectors aside), and while depth > 0 each relation's records (to-one as the record, to-many as a connection's
 * nodes). For Company at depth 1 the response holds exactly what GET /rest/companies?depth=1 returns.
 */
function recordSelection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    // REST leaves search vectors out.
    if (named.name === "TSVector" || field.args.some((arg) => isNonNullType(arg.type))) continue;
    if (isLeafType(named)) parts.push(field.name);
    else if (!isObjectType(named)) continue;
    else if (isConnection(named)) {
      if (depth > 0) parts.push(`${field.name} { edges { node { ${recordSelection(nodeOf(named), depth - 1)} } } }`);
    } else if (isRecord(named)) {
      if (depth > 0) parts.push(`${field.name} { ${recordSelection(named, depth - 1)} }`);
    } else parts.push(`${field.name} { ${recordSelection(named, 0)} }`);
  }
  return parts.join(" ");
}

/** `Company`'s REST-depth selection, read from the Worker's own introspection of the workspace schema. */
export async function depthSelection(baseUrl: string, token: string, typeName: string, depth: number): Promise<string> {
  const schema = buildClientSchema((await coreGraphql(baseUrl, token, getIntrospectionQuery())) as IntrospectionQuery);
  const type = schema.getType(typeName);
  if (!type || !isObjectType(type)) throw new Error(`no object type ${typeName} in /graphql`);
  return recordSelection(type, depth);
}
