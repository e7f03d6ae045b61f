/** Objects, fields and indexes as Twenty's metadata schema exposes them (nestjs-query connections). */
export const metadataTypeDefs = /* GraphQL */ `
  enum FieldMetadataType {
    ACTOR
    ADDRESS
    ARRAY
    BOOLEAN
    CURRENCY
    DATE
    DATE_TIME
    EMAILS
    FILES
    FULL_NAME
    LINKS
    MORPH_RELATION
    MULTI_SELECT
    NUMBER
    NUMERIC
    PHONES
    POSITION
    RATING
    RAW_JSON
    RELATION
    RICH_TEXT
    RICH_TEXT_V2
    SELECT
    TEXT
    TS_VECTOR
    UUID
  }
  enum RelationType {
    MANY_TO_ONE
    ONE_TO_MANY
  }
  enum IndexType {
    BTREE
    GIN
  }

  type PageInfo {
    hasNextPage: Boolean
    hasPreviousPage: Boolean
    startCursor: ConnectionCursor
    endCursor: ConnectionCursor
  }
  input CursorPaging {
    first: Int
    last: Int
    after: ConnectionCursor
    before: ConnectionCursor
  }
  input UUIDFilterComparison {
    eq: UUID
    neq: UUID
    gt: UUID
    gte: UUID
    lt: UUID
    lte: UUID
    like: UUID
    notLike: UUID
    iLike: UUID
    notILike: UUID
    in: [UUID!]
    notIn: [UUID!]
    is: Boolean
    isNot: Boolean
  }
  input BooleanFieldComparison {
    is: Boolean
    isNot: Boolean
  }
  input ObjectFilter {
    and: [ObjectFilter!]
    or: [ObjectFilter!]
    id: UUIDFilterComparison
    isRemote: BooleanFieldComparison
    isActive: BooleanFieldComparison
    isSystem: BooleanFieldComparison
    isUIEditable: BooleanFieldComparison
    isUICreatable: BooleanFieldComparison
    isUIReadOnly: BooleanFieldComparison
    isSearchable: BooleanFieldComparison
    isCustom: BooleanFieldComparison
  }
  input FieldFilter {
    and: [FieldFilter!]
    or: [FieldFilter!]
    id: UUIDFilterComparison
    isActive: BooleanFieldComparison
    isSystem: BooleanFieldComparison
    isUIEditable: BooleanFieldComparison
    isUIReadOnly: BooleanFieldComparison
    objectMetadataId: UUIDFilterComparison
    isCustom: BooleanFieldComparison
  }
  input IndexFilter {
    and: [IndexFilter!]
    or: [IndexFilter!]
    id: UUIDFilterComparison
    isCustom: BooleanFieldComparison
  }
  input IndexFieldFilter {
    and: [IndexFieldFilter!]
    or: [IndexFieldFilter!]
    id: UUIDFilterComparison
    fieldMetadataId: UUIDFilterComparison
  }

  type StandardOverrides {
    label: String
    description: String
    icon: String
    translations: JSON
  }
  type ObjectStandardOverrides {
    labelSingular: String
    labelPlural: String
    description: String
    icon: String
    translations: JSON
  }
  type Relation {
    type: RelationType!
    sourceObjectMetadata: Object!
    targetObjectMetadata: Object!
    sourceFieldMetadata: Field!
    targetFieldMetadata: Field!
  }
  type Field {
    id: UUID!
    universalIdentifier: String!
    type: FieldMetadataType!
    name: String!
    label: String!
    description: String
    icon: String
    standardOverrides: StandardOverrides
    isCustom: Boolean
    isActive: Boolean
    isSystem: Boolean
    isUIEditable: Boolean
    isUIReadOnly: Boolean @deprecated(reason: "Use isUIEditable")
    isNullable: Boolean
    isUnique: Boolean
    defaultValue: JSON
    options: JSON
    settings: JSON
    objectMetadataId: UUID!
    isLabelSyncedWithName: Boolean
    morphId: UUID
    createdAt: DateTime!
    updatedAt: DateTime!
    applicationId: UUID!
    object: Object
    relation: Relation
    morphRelations: [Relation!]
  }
  type FieldEdge {
    node: Field!
    cursor: ConnectionCursor!
  }
  type FieldConnection {
    edges: [FieldEdge!]!
    pageInfo: PageInfo!
  }
  type ObjectFieldsConnection {
    edges: [FieldEdge!]!
    pageInfo: PageInfo!
  }
  type IndexField {
    id: UUID!
    fieldMetadataId: UUID!
    order: Float!
    subFieldName: String
    createdAt: DateTime!
    updatedAt: DateTime!
  }
  type IndexFieldEdge {
    node: IndexField!
    cursor: ConnectionCursor!
  }
  type IndexIndexFieldMetadatasConnection {
    edges: [IndexFieldEdge!]!
    pageInfo: PageInfo!
  }
  type Index {
    id: UUID!
    name: String!
    isCustom: Boolean
    isUnique: Boolean!
    indexWhereClause: String
    indexType: IndexType!
    createdAt: DateTime!
    updatedAt: DateTime!
    indexFieldMetadataList: [IndexField!]!
    indexFieldMetadatas(filter: IndexFieldFilter! = {}, paging: CursorPaging! = { first: 10 }): IndexIndexFieldMetadatasConnection!
    objectMetadata(filter: ObjectFilter! = {}, paging: CursorPaging! = { first: 10 }): IndexObjectMetadataConnection!
  }
  type IndexEdge {
    node: Index!
    cursor: ConnectionCursor!
  }
  type IndexConnection {
    edges: [IndexEdge!]!
    pageInfo: PageInfo!
  }
  type ObjectIndexMetadatasConnection {
    edges: [IndexEdge!]!
    pageInfo: PageInfo!
  }
  type SearchField {
    id: UUID!
    fieldMetadataId: UUID!
    tsVectorFieldMetadataId: UUID!
    position: Float!
    createdAt: DateTime!
    updatedAt: DateTime!
  }
  type Object {
    id: UUID!
    universalIdentifier: String!
    nameSingular: String!
    namePlural: String!
    labelSingular: String!
    labelPlural: String!
    description: String
    icon: String
    shortcut: String
    color: String
    standardOverrides: ObjectStandardOverrides
    isCustom: Boolean!
    isRemote: Boolean!
    isActive: Boolean!
    isSystem: Boolean!
    isUIEditable: Boolean!
    isUICreatable: Boolean!
    isUIReadOnly: Boolean! @deprecated(reason: "Use isUIEditable")
    isSearchable: Boolean!
    isLabelSyncedWithName: Boolean!
    applicationId: UUID!
    labelIdentifierFieldMetadataId: UUID
    imageIdentifierFieldMetadataId: UUID
    duplicateCriteria: [[String!]!]
    createdAt: DateTime!
    updatedAt: DateTime!
    fields(filter: FieldFilter! = {}, paging: CursorPaging! = { first: 10 }): ObjectFieldsConnection!
    fieldsList: [Field!]!
    indexMetadatas(filter: IndexFilter! = {}, paging: CursorPaging! = { first: 10 }): ObjectIndexMetadatasConnection!
    indexMetadataList: [Index!]!
    searchFieldMetadataList: [SearchField!]!
  }
  type ObjectEdge {
    node: Object!
    cursor: ConnectionCursor!
  }
  type ObjectConnection {
    edges: [ObjectEdge!]!
    pageInfo: PageInfo!
  }
  type IndexObjectMetadataConnection {
    edges: [ObjectEdge!]!
    pageInfo: PageInfo!
  }

  input CreateObjectInput {
    nameSingular: String!
    namePlural: String!
    labelSingular: String!
    labelPlural: String!
    description: String
    icon: String
    shortcut: String
    color: String
    skipNameField: Boolean
    isRemote: Boolean
    isLabelSyncedWithName: Boolean
    primaryKeyColumnType: String
    primaryKeyFieldMetadataSettings: JSON
  }
  input CreateOneObjectInput {
    object: CreateObjectInput!
  }
  input UpdateObjectPayload {
    labelSingular: String
    labelPlural: String
    nameSingular: String
    namePlural: String
    description: String
    icon: String
    shortcut: String
    color: String
    isActive: Boolean
    isSearchable: Boolean
    isLabelSyncedWithName: Boolean
    labelIdentifierFieldMetadataId: UUID
    imageIdentifierFieldMetadataId: UUID
  }
  input UpdateOneObjectInput {
    id: UUID!
    update: UpdateObjectPayload!
  }
  input DeleteOneObjectInput {
    id: UUID!
  }
  input CreateFieldInput {
    type: FieldMetadataType!
    name: String!
    label: String!
    objectMetadataId: UUID!
    description: String
    icon: String
    isCustom: Boolean
    isActive: Boolean
    isSystem: Boolean
    isUIEditable: Boolean
    isUIReadOnly: Boolean
    isNullable: Boolean
    isUnique: Boolean
    defaultValue: JSON
    options: JSON
    settings: JSON
    isLabelSyncedWithName: Boolean
    isRemoteCreation: Boolean
    relationCreationPayload: JSON
    morphRelationsCreationPayload: [JSON!]
  }
  input CreateOneFieldMetadataInput {
    field: CreateFieldInput!
  }
  input UpdateFieldInput {
    universalIdentifier: String
    name: String
    label: String
    description: String
    icon: String
    isActive: Boolean
    isSystem: Boolean
    isUIEditable: Boolean
    isUIReadOnly: Boolean
    isNullable: Boolean
    isUnique: Boolean
    defaultValue: JSON
    options: JSON
    settings: JSON
    objectMetadataId: UUID
    isLabelSyncedWithName: Boolean
    morphRelationsUpdatePayload: [JSON!]
  }
  input UpdateOneFieldMetadataInput {
    id: UUID!
    update: UpdateFieldInput!
  }
  input DeleteOneFieldInput {
    id: UUID!
  }

  type Query {
    objects(filter: ObjectFilter! = {}, paging: CursorPaging! = { first: 10 }): ObjectConnection!
    object(id: UUID!): Object!
    fields(filter: FieldFilter! = {}, paging: CursorPaging! = { first: 10 }): FieldConnection!
    field(id: UUID!): Field!
    indexMetadatas(filter: IndexFilter! = {}, paging: CursorPaging! = { first: 10 }): IndexConnection!
    index(id: UUID!): Index!
  }

  type Mutation {
    createOneObject(input: CreateOneObjectInput!): Object!
    updateOneObject(input: UpdateOneObjectInput!): Object!
    deleteOneObject(input: DeleteOneObjectInput!): Object!
    createOneField(input: CreateOneFieldMetadataInput!): Field!
    updateOneField(input: UpdateOneFieldMetadataInput!): Field!
    deleteOneField(input: DeleteOneFieldInput!): Field!
  }
`;
