import { viewsInputTypeDefs, viewsObjectTypeDefs } from "./views-types-schema.ts";

/**
 * Views as Twenty 2.21 serves them on /metadata. The root fields come twice: 2.21's names (`getViews`,
 * `createView`) and the older `Core` names the seeds use (`getCoreViews`, `createCoreView`), same arguments.
 */
export const viewQueryFields = [
  "getViewFilterGroups(viewId: String): [ViewFilterGroup!]!",
  "getViewFilterGroup(id: String!): ViewFilterGroup",
  "getViewFilters(viewId: String): [ViewFilter!]!",
  "getViewFilter(id: String!): ViewFilter",
  "getViews(objectMetadataId: String, viewTypes: [ViewType!]): [View!]!",
  "getView(id: String!): View",
  "getViewSorts(viewId: String): [ViewSort!]!",
  "getViewSort(id: String!): ViewSort",
  "getViewFields(viewId: String!): [ViewField!]!",
  "getViewField(id: String!): ViewField",
  "getViewFieldGroups(viewId: String!): [ViewFieldGroup!]!",
  "getViewFieldGroup(id: String!): ViewFieldGroup",
  "getViewGroups(viewId: String): [ViewGroup!]!",
  "getViewGroup(id: String!): ViewGroup",
];

export const viewMutationFields = [
  "createViewFilterGroup(input: CreateViewFilterGroupInput!): ViewFilterGroup!",
  "updateViewFilterGroup(id: String!, input: UpdateViewFilterGroupInput!): ViewFilterGroup!",
  "deleteViewFilterGroup(id: String!): Boolean!",
  "destroyViewFilterGroup(id: String!): Boolean!",
  "createViewFilter(input: CreateViewFilterInput!): ViewFilter!",
  "updateViewFilter(input: UpdateViewFilterInput!): ViewFilter!",
  "deleteViewFilter(input: DeleteViewFilterInput!): ViewFilter!",
  "destroyViewFilter(input: DestroyViewFilterInput!): ViewFilter!",
  "createView(input: CreateViewInput!): View!",
  "updateView(id: String!, input: UpdateViewInput!): View!",
  "deleteView(id: String!): Boolean!",
  "destroyView(id: String!): Boolean!",
  "createViewSort(input: CreateViewSortInput!): ViewSort!",
  "updateViewSort(input: UpdateViewSortInput!): ViewSort!",
  "deleteViewSort(input: DeleteViewSortInput!): Boolean!",
  "destroyViewSort(input: DestroyViewSortInput!): Boolean!",
  "updateViewField(input: UpdateViewFieldInput!): ViewField!",
  "createViewField(input: CreateViewFieldInput!): ViewField!",
  "createManyViewFields(inputs: [CreateViewFieldInput!]!): [ViewField!]!",
  "deleteViewField(input: DeleteViewFieldInput!): ViewField!",
  "destroyViewField(input: DestroyViewFieldInput!): ViewField!",
  "updateViewFieldGroup(input: UpdateViewFieldGroupInput!): ViewFieldGroup!",
  "createViewFieldGroup(input: CreateViewFieldGroupInput!): ViewFieldGroup!",
  "createManyViewFieldGroups(inputs: [CreateViewFieldGroupInput!]!): [ViewFieldGroup!]!",
  "deleteViewFieldGroup(input: DeleteViewFieldGroupInput!): ViewFieldGroup!",
  "destroyViewFieldGroup(input: DestroyViewFieldGroupInput!): ViewFieldGroup!",
  "createViewGroup(input: CreateViewGroupInput!): ViewGroup!",
  "createManyViewGroups(inputs: [CreateViewGroupInput!]!): [ViewGroup!]!",
  "updateViewGroup(input: UpdateViewGroupInput!): ViewGroup!",
  "updateManyViewGroups(inputs: [UpdateViewGroupInput!]!): [ViewGroup!]!",
  "deleteViewGroup(input: DeleteViewGroupInput!): ViewGroup!",
  "destroyViewGroup(input: DestroyViewGroupInput!): ViewGroup!",
];

/** `getViews` → `getCoreViews`, `createManyViewFields` → `createManyCoreViewFields`. */
export const coreAlias = (name: string) => name.replace("View", "CoreView");

const withAliases = (fields: string[]) => [...fields, ...fields.map(coreAlias)].join("\n    ");

export const viewsTypeDefs = /* GraphQL */ `
  ${viewsObjectTypeDefs}
  ${viewsInputTypeDefs}

  extend type Workspace {
    views: [View!]
    viewFields: [ViewField!]
    viewFilters: [ViewFilter!]
    viewFilterGroups: [ViewFilterGroup!]
    viewGroups: [ViewGroup!]
    viewSorts: [ViewSort!]
  }

  type Query {
    ${withAliases(viewQueryFields)}
  }

  type Mutation {
    ${withAliases(viewMutationFields)}
  }
`;
