/** Twenty 2.21's view types and enums, with the inputs of their create/update/delete/destroy operations. */
export const viewsObjectTypeDefs = /* GraphQL */ `
  type View {
    id: UUID!
    name: String!
    objectMetadataId: UUID!
    type: ViewType!
    key: ViewKey
    icon: String!
    position: Float!
    isCompact: Boolean!
    isCustom: Boolean!
    openRecordIn: ViewOpenRecordIn!
    kanbanAggregateOperation: AggregateOperations
    kanbanAggregateOperationFieldMetadataId: UUID
    mainGroupByFieldMetadataId: UUID
    shouldHideEmptyGroups: Boolean!
    kanbanColumnWidth: Int
    calendarFieldMetadataId: UUID
    workspaceId: UUID!
    anyFieldFilterValue: String
    calendarLayout: ViewCalendarLayout
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
    viewFields: [ViewField!]!
    viewFilters: [ViewFilter!]!
    viewFilterGroups: [ViewFilterGroup!]!
    viewSorts: [ViewSort!]!
    viewGroups: [ViewGroup!]!
    viewFieldGroups: [ViewFieldGroup!]!
    visibility: ViewVisibility!
    createdByUserWorkspaceId: UUID
    isActive: Boolean!
  }
  type ViewField {
    id: UUID!
    fieldMetadataId: UUID!
    isVisible: Boolean!
    size: Float!
    position: Float!
    aggregateOperation: AggregateOperations
    viewId: UUID!
    viewFieldGroupId: UUID
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    isActive: Boolean!
    deletedAt: DateTime
    isOverridden: Boolean @deprecated(reason: "isOverridden is deprecated")
  }
  type ViewFieldGroup {
    id: UUID!
    name: String!
    position: Float!
    isVisible: Boolean!
    viewId: UUID!
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    isActive: Boolean!
    deletedAt: DateTime
    viewFields: [ViewField!]!
    isOverridden: Boolean! @deprecated(reason: "isOverridden is deprecated")
  }
  type ViewFilter {
    id: UUID!
    fieldMetadataId: UUID!
    operand: ViewFilterOperand!
    value: JSON!
    viewFilterGroupId: UUID
    positionInViewFilterGroup: Float
    subFieldName: String
    relationTargetFieldMetadataId: UUID
    viewId: UUID!
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type ViewFilterGroup {
    id: UUID!
    parentViewFilterGroupId: UUID
    logicalOperator: ViewFilterGroupLogicalOperator!
    positionInViewFilterGroup: Float
    viewId: UUID!
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type ViewGroup {
    id: UUID!
    isVisible: Boolean!
    fieldValue: String!
    position: Float!
    viewId: UUID!
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  type ViewSort {
    id: UUID!
    fieldMetadataId: UUID!
    direction: ViewSortDirection!
    subFieldName: String
    viewId: UUID!
    workspaceId: UUID!
    createdAt: DateTime!
    updatedAt: DateTime!
    deletedAt: DateTime
  }
  enum AggregateOperations {
    MIN
    MAX
    AVG
    SUM
    COUNT
    COUNT_UNIQUE_VALUES
    COUNT_EMPTY
    COUNT_NOT_EMPTY
    COUNT_TRUE
    COUNT_FALSE
    PERCENTAGE_EMPTY
    PERCENTAGE_NOT_EMPTY
  }
  enum ViewFilterGroupLogicalOperator {
    AND
    OR
    NOT
  }
  enum ViewFilterOperand {
    IS
    IS_NOT_NULL
    IS_NOT
    LESS_THAN_OR_EQUAL
    GREATER_THAN_OR_EQUAL
    IS_BEFORE
    IS_AFTER
    CONTAINS
    DOES_NOT_CONTAIN
    IS_EMPTY
    IS_NOT_EMPTY
    IS_RELATIVE
    IS_IN_PAST
    IS_IN_FUTURE
    IS_TODAY
    VECTOR_SEARCH
  }
  enum ViewSortDirection {
    ASC
    DESC
  }
  enum ViewType {
    TABLE
    KANBAN
    CALENDAR
    FIELDS_WIDGET
    TABLE_WIDGET
  }
  enum ViewKey {
    INDEX
  }
  enum ViewOpenRecordIn {
    SIDE_PANEL
    RECORD_PAGE
  }
  enum ViewCalendarLayout {
    DAY
    WEEK
    MONTH
  }
  enum ViewVisibility {
    WORKSPACE
    UNLISTED
  }
`;

export const viewsInputTypeDefs = /* GraphQL */ `
  input CreateViewFieldGroupInput {
    id: UUID
    name: String!
    viewId: UUID!
    position: Float = 0
    isVisible: Boolean = true
  }
  input CreateViewFieldInput {
    id: UUID
    fieldMetadataId: UUID!
    viewId: UUID!
    isVisible: Boolean = true
    size: Float = 0
    position: Float = 0
    aggregateOperation: AggregateOperations
    viewFieldGroupId: UUID
  }
  input CreateViewFilterGroupInput {
    id: UUID
    parentViewFilterGroupId: UUID
    logicalOperator: ViewFilterGroupLogicalOperator = AND
    positionInViewFilterGroup: Float
    viewId: UUID!
  }
  input CreateViewFilterInput {
    id: UUID
    fieldMetadataId: UUID!
    operand: ViewFilterOperand
    value: JSON!
    viewFilterGroupId: UUID
    positionInViewFilterGroup: Float
    subFieldName: String
    relationTargetFieldMetadataId: UUID
    viewId: UUID!
  }
  input CreateViewGroupInput {
    id: UUID
    isVisible: Boolean = true
    fieldValue: String!
    position: Float = 0
    viewId: UUID!
  }
  input CreateViewInput {
    id: UUID
    name: String!
    objectMetadataId: UUID!
    type: ViewType = TABLE
    key: ViewKey
    icon: String!
    position: Float = 0
    isCompact: Boolean = false
    shouldHideEmptyGroups: Boolean = false
    kanbanColumnWidth: Int
    openRecordIn: ViewOpenRecordIn = SIDE_PANEL
    kanbanAggregateOperation: AggregateOperations
    kanbanAggregateOperationFieldMetadataId: UUID
    anyFieldFilterValue: String
    calendarLayout: ViewCalendarLayout
    calendarFieldMetadataId: UUID
    mainGroupByFieldMetadataId: UUID
    visibility: ViewVisibility
  }
  input CreateViewSortInput {
    id: UUID
    fieldMetadataId: UUID!
    direction: ViewSortDirection = ASC
    subFieldName: String
    viewId: UUID!
  }
  input DeleteViewFieldGroupInput {
    id: UUID!
  }
  input DeleteViewFieldInput {
    id: UUID!
  }
  input DeleteViewFilterInput {
    id: UUID!
  }
  input DeleteViewGroupInput {
    id: UUID!
  }
  input DeleteViewSortInput {
    id: UUID!
  }
  input DestroyViewFieldGroupInput {
    id: UUID!
  }
  input DestroyViewFieldInput {
    id: UUID!
  }
  input DestroyViewFilterInput {
    id: UUID!
  }
  input DestroyViewGroupInput {
    id: UUID!
  }
  input DestroyViewSortInput {
    id: UUID!
  }
  input UpdateViewFieldGroupInput {
    id: UUID!
    update: UpdateViewFieldGroupInputUpdates!
  }
  input UpdateViewFieldGroupInputUpdates {
    name: String
    position: Float
    isVisible: Boolean
    deletedAt: String
  }
  input UpdateViewFieldInput {
    id: UUID!
    update: UpdateViewFieldInputUpdates!
  }
  input UpdateViewFieldInputUpdates {
    isVisible: Boolean
    size: Float
    position: Float
    aggregateOperation: AggregateOperations
    viewFieldGroupId: UUID
  }
  input UpdateViewFilterGroupInput {
    id: UUID
    parentViewFilterGroupId: UUID
    logicalOperator: ViewFilterGroupLogicalOperator = AND
    positionInViewFilterGroup: Float
    viewId: UUID
  }
  input UpdateViewFilterInput {
    id: UUID!
    update: UpdateViewFilterInputUpdates!
  }
  input UpdateViewFilterInputUpdates {
    fieldMetadataId: UUID
    operand: ViewFilterOperand
    value: JSON
    viewFilterGroupId: UUID
    positionInViewFilterGroup: Float
    subFieldName: String
    relationTargetFieldMetadataId: UUID
  }
  input UpdateViewGroupInput {
    id: UUID!
    update: UpdateViewGroupInputUpdates!
  }
  input UpdateViewGroupInputUpdates {
    fieldMetadataId: UUID
    isVisible: Boolean
    fieldValue: String
    position: Float
  }
  input UpdateViewInput {
    id: UUID
    name: String
    type: ViewType
    icon: String
    position: Float
    isCompact: Boolean
    openRecordIn: ViewOpenRecordIn
    kanbanAggregateOperation: AggregateOperations
    kanbanAggregateOperationFieldMetadataId: UUID
    anyFieldFilterValue: String
    calendarLayout: ViewCalendarLayout
    calendarFieldMetadataId: UUID
    visibility: ViewVisibility
    mainGroupByFieldMetadataId: UUID
    shouldHideEmptyGroups: Boolean
    kanbanColumnWidth: Int
  }
  input UpdateViewSortInput {
    id: UUID!
    update: UpdateViewSortInputUpdates!
  }
  input UpdateViewSortInputUpdates {
    direction: ViewSortDirection
    subFieldName: String
  }
`;
