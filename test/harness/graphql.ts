import type { TestWorker } from "./test-worker.ts";

export interface GraphQLResult<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; extensions?: { code?: string; subCode?: string; userFriendlyMessage?: string } }>;
}

/** A GraphQL request over HTTP, as a client would send it. */
export async function gql<T = any>(
  worker: TestWorker,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; endpoint?: "/metadata" | "/graphql" } = {},
): Promise<GraphQLResult<T>> {
  const res = await worker.json(options.endpoint ?? "/metadata", { method: "POST", body: { query, variables }, token: options.token });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}
