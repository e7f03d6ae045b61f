import type { GraphQLResolveInfo } from "graphql";
import { AppError, notFound } from "../../errors/app-error.ts";
import type { ObjectMetadata } from "../../metadata/types.ts";
import { dbOf } from "../../query/operations/caller-gate.ts";
import { mergeRecords } from "../../query/operations/merge.ts";
import { upsertRecords } from "../../query/operations/upsert.ts";
import { createRecords, destroyRecords, requiredFilter, restoreRecords, softDeleteRecords, updateRecords, type WriteScope } from "../../query/operations/write.ts";
import type { Target } from "../../query/sql/write-sql.ts";
import type { GraphQLContext } from "../context.ts";
import { callerOf } from "./caller.ts";
import { resolveDataInputs } from "./inputs/data-input.ts";
import { filterInputToNode } from "./inputs/filter-input.ts";
import { recordSelection } from "./selection-from-info.ts";

type Args = Record<string, unknown>;
type Resolver = (_: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => Promise<unknown>;

/** The shared write operations, showing each written record as the caller's selection asks. */
async function writeScope(ctx: GraphQLContext, info: GraphQLResolveInfo, object: ObjectMetadata): Promise<WriteScope> {
  const { auth, metadata, access, source, runner } = await callerOf(ctx, info);
  return { db: runner, metadata, access, auth, object, selection: recordSelection(source, object, info.fieldNodes) };
}

function filterTarget(scope: WriteScope, args: Args): Target {
  return { filter: requiredFilter(scope, args.filter ? filterInputToNode(scope.metadata, scope.object, args.filter as Args) : undefined, "json") };
}

async function create(ctx: GraphQLContext, info: GraphQLResolveInfo, object: ObjectMetadata, args: Args, inputs: Args[]): Promise<unknown[]> {
  const scope = await writeScope(ctx, info, object);
  const bodies = await resolveDataInputs(dbOf(scope.db), scope.metadata, scope.access, object, inputs);
  if (args.upsert === true) return upsertRecords(ctx.db, scope, bodies);
  return createRecords(scope, bodies);
}

async function update(ctx: GraphQLContext, info: GraphQLResolveInfo, object: ObjectMetadata, args: Args, target: (scope: WriteScope) => Target): Promise<unknown[]> {
  const scope = await writeScope(ctx, info, object);
  const [body] = await resolveDataInputs(dbOf(scope.db), scope.metadata, scope.access, object, [args.data as Args]);
  return updateRecords(scope, target(scope), body);
}

type Change = typeof softDeleteRecords;

const one =
  (object: ObjectMetadata, change: Change): Resolver =>
  async (_, args, ctx, info) =>
    (await change(await writeScope(ctx, info, object), { id: args.id as string }))[0];

const many =
  (object: ObjectMetadata, change: Change): Resolver =>
  async (_, args, ctx, info) => {
    const scope = await writeScope(ctx, info, object);
    return change(scope, filterTarget(scope, args));
  };

/** A one-record mutation on a missing record: 2.21's query-runner code, RECORD_NOT_FOUND, as the subCode. */
const recordNotFound =
  (resolver: Resolver): Resolver =>
  async (...args) => {
    try {
      return await resolver(...args);
    } catch (error) {
      if (error instanceof AppError && error.status === 404 && error.code === "NOT_FOUND") throw notFound(error.message, "RECORD_NOT_FOUND");
      throw error;
    }
  };

/** Every mutation of §2.2 for one object, keyed by operation. */
export function writeResolvers(object: ObjectMetadata) {
  return Object.fromEntries(Object.entries(resolversOf(object)).map(([operation, resolver]) => [operation, recordNotFound(resolver)])) as ReturnType<typeof resolversOf>;
}

function resolversOf(object: ObjectMetadata) {
  return {
    createOne: (async (_, args, ctx, info) => (await create(ctx, info, object, args, [args.data as Args]))[0]) as Resolver,
    createMany: (async (_, args, ctx, info) => create(ctx, info, object, args, args.data as Args[])) as Resolver,
    updateOne: (async (_, args, ctx, info) => (await update(ctx, info, object, args, () => ({ id: args.id as string })))[0]) as Resolver,
    updateMany: (async (_, args, ctx, info) => update(ctx, info, object, args, (scope) => filterTarget(scope, args))) as Resolver,
    deleteOne: one(object, softDeleteRecords),
    deleteMany: many(object, softDeleteRecords),
    destroyOne: one(object, destroyRecords),
    destroyMany: many(object, destroyRecords),
    restoreOne: one(object, restoreRecords),
    restoreMany: many(object, restoreRecords),
    mergeMany: (async (_, args, ctx, info) => {
      return mergeRecords(ctx.db, await writeScope(ctx, info, object), { ids: args.ids, conflictPriorityIndex: args.conflictPriorityIndex, dryRun: args.dryRun });
    }) as Resolver,
  };
}
