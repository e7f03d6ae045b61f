/**
 * The typed form every request is parsed into, whatever its grammar (REST filter strings, the bracket form,
 * GraphQL inputs): the planner checks it against metadata, the compiler turns the plan into one SQL statement.
 */
export type FilterNode =
  | { kind: "and"; children: FilterNode[] }
  | { kind: "or"; children: FilterNode[] }
  | { kind: "not"; child: FilterNode }
  | {
      kind: "condition";
      path: string[];
      operator: string;
      value: FilterOperand;
      /** The operator name was checked by a schema (GraphQL inputs): one no field supports is "not valid for the field". */
      schemaOperator?: true;
    };

/** Operands as written: text from REST (typed later, per field), typed JSON from GraphQL. */
export type FilterOperand = string | number | boolean | null | FilterOperand[];

export const directions = ["AscNullsFirst", "AscNullsLast", "DescNullsFirst", "DescNullsLast"] as const;
export type Direction = (typeof directions)[number];

export interface OrderItem {
  path: string[];
  direction: Direction;
}

export interface PageRequest {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
  offset?: number;
}
