/**
 * Types every workspace schema uses, whatever its objects. `PageInfo` replaces the static (metadata) one on
 * /graphql: there 2.21 makes both flags non-null, on /metadata it does not.
 */
export const sharedWorkspaceSdl: Array<[string, string]> = [
  ["PageInfo", "type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: ConnectionCursor\n  endCursor: ConnectionCursor\n}"],
  ["FilterIs", "enum FilterIs {\n  NULL\n  NOT_NULL\n}"],
  ["OrderByDirection", "enum OrderByDirection {\n  AscNullsFirst\n  AscNullsLast\n  DescNullsFirst\n  DescNullsLast\n}"],
  [
    "DateGranularityEnum",
    "enum DateGranularityEnum {\n  NONE\n  DAY\n  WEEK\n  MONTH\n  QUARTER\n  YEAR\n  DAY_OF_THE_WEEK\n  MONTH_OF_THE_YEAR\n  QUARTER_OF_THE_YEAR\n}",
  ],
  ["FirstDayOfTheWeek", "enum FirstDayOfTheWeek {\n  MONDAY\n  SUNDAY\n  SATURDAY\n}"],
  ["GroupByDateGranularityInput", "input GroupByDateGranularityInput {\n  granularity: DateGranularityEnum\n  weekStartDay: FirstDayOfTheWeek\n  timeZone: String\n}"],
  ["OrderByDateGranularityInput", "input OrderByDateGranularityInput {\n  orderBy: OrderByDirection\n  granularity: DateGranularityEnum\n}"],
];
