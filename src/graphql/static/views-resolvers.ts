import type { GraphQLResolveInfo, ResponsePath } from "graphql";
import { viewChildren, viewEntities, type ViewEntity, type ViewEntityKind } from "../../views/view-entities.ts";
import type { ViewRow } from "../../views/view-rows.ts";
import { createViewRows, destroyViewRow, findViewRow, listViewRows, softDeleteViewRow, updateViewRow, viewWriterOf } from "../../views/view-store.ts";
import type { GraphQLContext } from "../context.ts";
import { requireSettings, requireWorkspace } from "../guards.ts";
import { coreAlias, viewMutationFields, viewQueryFields } from "./views-schema.ts";

type Args = Record<string, unknown>;
type Resolver = (source: unknown, args: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => unknown;
type Input = Record<string, unknown>;

const readerOf = (ctx: GraphQLContext) => requireWorkspace(ctx).workspace.id;
// Twenty 2.21 guards view writes with the VIEWS settings permission.
const writerOf = (ctx: GraphQLContext) => requireSettings(ctx, "VIEWS").workspace.id;
const creatorOf = (ctx: GraphQLContext) => viewWriterOf(requireSettings(ctx, "VIEWS"));

/** `ViewFilterGroup` → `viewFilterGroup`. */
const kindOf = (typeName: string) => (typeName.charAt(0).toLowerCase() + typeName.slice(1)) as ViewEntityKind;

const idOf = (args: Args): string => String(args.id ?? (args.input as Input | undefined)?.id);

/**
 * One resolver per 2.21 root field, read off its signature: the verb and entity from the name, the argument
 * shape (`id`, `input`, `inputs`, `id` + `input`, `input: {id, update}`) and whether it answers a Boolean.
 */
function rootResolver(signature: string): Resolver {
  const name = signature.slice(0, signature.indexOf("("));
  const argsText = signature.slice(signature.indexOf("(") + 1, signature.indexOf(")"));
  const answersBoolean = signature.endsWith("Boolean!");
  const [, named, typeName] = /^(get|createMany|create|updateMany|update|delete|destroy)(\w+)$/.exec(name)!;
  const plural = typeName!.endsWith("s");
  const verb = named === "get" && plural ? "getMany" : named;
  const entity = viewEntities[kindOf(plural ? typeName!.slice(0, -1) : typeName!)];
  if (!entity) throw new Error(`no view entity for ${name}`);
  const answer = (row: ViewRow) => (answersBoolean ? true : row);
  switch (verb) {
    case "getMany":
      return (_s, args, ctx) =>
        listViewRows(ctx.db.http, readerOf(ctx), entity, {
          viewId: args.viewId as string | null | undefined,
          objectMetadataId: args.objectMetadataId as string | null | undefined,
          types: args.viewTypes as string[] | null | undefined,
        });
    case "get":
      return (_s, args, ctx) => findViewRow(ctx.db.http, readerOf(ctx), entity, String(args.id));
    case "createMany":
      return (_s, args, ctx) => createViewRows(ctx.db.http, creatorOf(ctx), entity, args.inputs as Input[]);
    case "create":
      return async (_s, args, ctx) => (await createViewRows(ctx.db.http, creatorOf(ctx), entity, [args.input as Input]))[0];
    case "updateMany":
      return (_s, args, ctx) => {
        const workspaceId = writerOf(ctx);
        return ctx.db.transaction(async (tx) => {
          const rows: ViewRow[] = [];
          for (const input of args.inputs as Input[]) rows.push(await updateViewRow(tx, workspaceId, entity, String(input.id), input.update as Input));
          return rows;
        });
      };
    case "update":
      return argsText.startsWith("id:")
        ? (_s, args, ctx) => updateViewRow(ctx.db.http, writerOf(ctx), entity, String(args.id), args.input as Input)
        : (_s, args, ctx) => {
            const input = args.input as Input;
            return updateViewRow(ctx.db.http, writerOf(ctx), entity, String(input.id), input.update as Input);
          };
    case "delete":
      return async (_s, args, ctx) => answer(await softDeleteViewRow(ctx.db.http, writerOf(ctx), entity, idOf(args)));
    default:
      return async (_s, args, ctx) => answer(await destroyViewRow(ctx.db.http, writerOf(ctx), entity, idOf(args)));
  }
}

function rootResolvers(signatures: string[]): Record<string, Resolver> {
  const resolvers: Record<string, Resolver> = {};
  for (const signature of signatures) {
    const name = signature.slice(0, signature.indexOf("("));
    resolvers[name] = resolvers[coreAlias(name)] = rootResolver(signature);
  }
  return resolvers;
}

/**
 * A view's parts are read per request and kind, for the whole workspace at once: listing 40 views with
 * their fields, filters and sorts takes six queries, not 240. The cache is per root field, so a mutation
 * later in the same document sees what the earlier ones wrote.
 */
const childCache = new WeakMap<GraphQLContext, Map<string, Promise<Map<string, ViewRow[]>>>>();

function rootKey(path: ResponsePath): string | number {
  let current = path;
  while (current.prev) current = current.prev;
  return current.key;
}

function childrenOf(ctx: GraphQLContext, info: GraphQLResolveInfo, entity: ViewEntity, viewId: string): Promise<ViewRow[]> {
  let cache = childCache.get(ctx);
  if (!cache) childCache.set(ctx, (cache = new Map()));
  const key = `${rootKey(info.path)}:${entity.kind}`;
  let rows = cache.get(key);
  if (!rows) {
    rows = listViewRows(ctx.db.http, readerOf(ctx), entity).then((all) => {
      const byView = new Map<string, ViewRow[]>();
      for (const row of all) byView.set(String(row.viewId), [...(byView.get(String(row.viewId)) ?? []), row]);
      return byView;
    });
    cache.set(key, rows);
  }
  return rows.then((byView) => byView.get(viewId) ?? []);
}

const viewFieldResolvers = Object.fromEntries(
  Object.entries(viewChildren).map(([field, entity]) => [field, (view: ViewRow, _: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) => childrenOf(ctx, info, entity, view.id)]),
);

/** `Workspace.views`, `.viewFields`, ...: every live row of the caller's own workspace, null for any other. */
const workspaceListResolvers = Object.fromEntries(
  (
    [
      ["views", viewEntities.view],
      ["viewFields", viewEntities.viewField],
      ["viewFilters", viewEntities.viewFilter],
      ["viewFilterGroups", viewEntities.viewFilterGroup],
      ["viewGroups", viewEntities.viewGroup],
      ["viewSorts", viewEntities.viewSort],
    ] as const
  ).map(([field, entity]) => [
    field,
    (workspace: { id: string }, _: Args, ctx: GraphQLContext) => {
      const auth = ctx.auth;
      if (!auth || auth.kind === "workspaceAgnostic" || auth.workspace.id !== workspace.id) return null;
      return listViewRows(ctx.db.http, workspace.id, entity);
    },
  ]),
);

export const viewsResolvers = {
  Workspace: workspaceListResolvers,
  Query: rootResolvers(viewQueryFields),
  Mutation: rootResolvers(viewMutationFields),
  View: viewFieldResolvers,
  ViewFieldGroup: {
    viewFields: async (group: ViewRow, _: Args, ctx: GraphQLContext, info: GraphQLResolveInfo) =>
      (await childrenOf(ctx, info, viewEntities.viewField, String(group.viewId))).filter((field) => field.viewFieldGroupId === group.id),
    isOverridden: () => false,
  },
  ViewField: { isOverridden: () => false },
};
