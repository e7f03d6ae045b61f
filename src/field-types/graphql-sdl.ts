import { capitalize } from "../metadata/names.ts";
import type { FieldGraphQL } from "./field-type.ts";
import type { FilterOperator, Leaf } from "./leaves/leaf.ts";

/** UUID and enum lists take nullable items in Twenty 2.21 (`[UUID]`), other scalars do not (`[String!]`). */
const nullableListItems = (operand: string) => operand === "UUID" || operand.endsWith("Enum");

/** What each operator takes in a GraphQL filter input, given the type of one operand. */
function operatorType(operator: FilterOperator, operand: string): string {
  switch (operator) {
    case "in":
    case "nin":
    case "containsAny":
      return nullableListItems(operand) ? `[${operand}]` : `[${operand}!]`;
    case "is":
      return "FilterIs";
    case "isEmptyArray":
      return "Boolean";
    case "startsWith":
    case "endsWith":
    case "like":
    case "ilike":
    case "containsIlike":
    case "search":
      return "String";
    default:
      return operand;
  }
}

/**
 * Operators Twenty 2.21's filter inputs declare that no leaf supports: in the input, so that using them is
 * refused by the planner with 2.21's "not valid for field" message rather than by validation.
 */
const declaredOnly: Record<string, string[]> = { StringFilter: ["regex", "iregex"] };
/** Operators the planner accepts that 2.21's input does not declare (`BooleanFilter` is `{eq, is}`). */
const undeclared: Record<string, FilterOperator[]> = { BooleanFilter: ["neq"] };

/** A filter input whose fields are the operators the planner accepts for the leaf (see the exceptions above). */
export function filterInputSdl(name: string, operators: readonly FilterOperator[], operand: string, alsoDeclared: readonly FilterOperator[] = []): string {
  const members = [
    ...operators.filter((op) => !undeclared[name]?.includes(op)).map((op) => `  ${op}: ${operatorType(op, operand)}`),
    ...alsoDeclared.filter((op) => !operators.includes(op)).map((op) => `  ${op}: ${operatorType(op, operand)}`),
    ...(declaredOnly[name] ?? []).map((op) => `  ${op}: String`),
  ];
  return `input ${name} {\n${members.join("\n")}\n}`;
}

const graphqlName = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Option values that cannot be GraphQL enum values (a leading digit, `true`...) make the field a String. */
export function canBeGraphQLEnum(values: readonly string[]): boolean {
  return values.length > 0 && values.every((value) => graphqlName.test(value) && !["true", "false", "null"].includes(value));
}

export function enumSdl(name: string, values: readonly string[]): string {
  return `enum ${name} {\n${values.map((value) => `  ${value}`).join("\n")}\n}`;
}

/** `Pascal(owner) + Pascal(field) + Enum`: `OpportunityStageEnum`, `ActorSourceEnum`. */
export const enumTypeNameFor = (owner: string, field: string) => `${capitalize(owner)}${capitalize(field)}Enum`;

/** The value and filter types of a leaf, enum leaves named `enumName` (or plain strings when they cannot be enums). */
export function leafTypes(leaf: Leaf, enumName: string, enumValues: readonly string[]): { type: string; filter: string; typeDefs: Array<[string, string]> } {
  if (leaf.graphql) {
    const { type, filter, operand } = leaf.graphql;
    return { type, filter, typeDefs: [[filter, filterInputSdl(filter, leaf.operators, operand ?? type)]] };
  }
  const type = canBeGraphQLEnum(enumValues) ? enumName : "String";
  const filter = `${enumName}Filter`;
  // 2.21 gives SELECT and MULTI_SELECT one filter shape, `isEmptyArray` included.
  const typeDefs: Array<[string, string]> = [[filter, filterInputSdl(filter, leaf.operators, type, ["isEmptyArray"])]];
  if (type === enumName) typeDefs.push([enumName, enumSdl(enumName, enumValues)]);
  return { type, filter, typeDefs };
}

/** A one-column field: its leaf's types, lists for array columns. */
export function scalarFieldGraphQL(leaf: Leaf, enumName: string, enumValues: readonly string[] = [], writable = true): FieldGraphQL {
  const { type, filter, typeDefs } = leafTypes(leaf, enumName, enumValues);
  // Twenty 2.21 lists ARRAY and MULTI_SELECT values as nullable items: `[String]`, `[CompanyWorkPolicyEnum]`.
  const output = leaf.isArray ? `[${type}]` : type;
  return { output, filter, orderBy: "OrderByDirection", ...(writable ? { input: output } : {}), typeDefs };
}
