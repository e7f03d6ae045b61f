import type { WorkspaceMetadata } from "../../metadata/workspace-metadata.ts";
import { rootFieldNames, servedObjects } from "./names.ts";
import { findDuplicatesResolver, findManyResolver, findOneResolver, groupByResolver } from "./read-resolvers.ts";
import { writeResolvers } from "./write-resolvers.ts";

/** Query and Mutation resolvers of every served object, under Twenty's names. */
export function workspaceResolvers(metadata: WorkspaceMetadata) {
  const Query: Record<string, unknown> = {};
  const Mutation: Record<string, unknown> = {};
  for (const object of servedObjects(metadata.objects)) {
    const names = rootFieldNames(object);
    const hasDuplicates = (object.duplicateCriteria ?? []).length > 0;
    Query[names.findMany] = findManyResolver(object);
    Query[names.findOne] = findOneResolver(object);
    Query[names.groupBy] = groupByResolver(object);
    if (hasDuplicates) Query[names.findDuplicates] = findDuplicatesResolver(object);
    const writes = writeResolvers(object);
    for (const [operation, resolver] of Object.entries(writes)) {
      if (operation === "mergeMany" && !hasDuplicates) continue;
      Mutation[names[operation as keyof typeof writes]] = resolver;
    }
  }
  return { Query, Mutation };
}
