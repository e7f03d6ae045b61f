/** A GraphQL call for the benchmark's setup steps; throws on errors so a broken setup is loud. */
export async function graphql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${baseUrl}/metadata`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}
