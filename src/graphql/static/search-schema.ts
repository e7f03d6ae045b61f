/**
 * Twenty's global search. `UUIDFilter`, `DateTimeFilter` and `FilterIs` are also generated for the
 * workspace schema; their text here is the same, field for field, so both can be merged into /graphql.
 */
export const searchTypeDefs = /* GraphQL */ `
  enum FilterIs {
    NULL
    NOT_NULL
  }
  input UUIDFilter {
    eq: UUID
    neq: UUID
    in: [UUID!]
    nin: [UUID!]
    is: FilterIs
    gt: UUID
    gte: UUID
    lt: UUID
    lte: UUID
  }
  input DateTimeFilter {
    eq: DateTime
    neq: DateTime
    in: [DateTime!]
    nin: [DateTime!]
    is: FilterIs
    gt: DateTime
    gte: DateTime
    lt: DateTime
    lte: DateTime
  }
  input ObjectRecordFilterInput {
    and: [ObjectRecordFilterInput!]
    or: [ObjectRecordFilterInput!]
    not: ObjectRecordFilterInput
    id: UUIDFilter
    createdAt: DateTimeFilter
    updatedAt: DateTimeFilter
    deletedAt: DateTimeFilter
  }

  type SearchRecord {
    recordId: UUID!
    objectNameSingular: String!
    label: String!
    imageUrl: String
    tsRankCD: Float!
    tsRank: Float!
  }
  type SearchResultEdge {
    node: SearchRecord!
    cursor: String!
  }
  type SearchResultPageInfo {
    endCursor: String
    hasNextPage: Boolean!
  }
  type SearchResultConnection {
    edges: [SearchResultEdge!]!
    pageInfo: SearchResultPageInfo!
  }

  type Query {
    search(
      searchInput: String!
      limit: Int!
      after: String
      includedObjectNameSingulars: [String!]
      excludedObjectNameSingulars: [String!]
      filter: ObjectRecordFilterInput
    ): SearchResultConnection!
  }
`;
