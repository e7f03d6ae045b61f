import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";

/**
 * Compares the types two schemas both define: fields or values present in one only, and fields whose type
 * or arguments differ (nullability, ID vs UUID, list shape). Types only one schema has are counted apart:
 * they are missing features, not wrong details.
 */
export interface SchemaComparison {
  onlyInReference: string[];
  onlyInOurs: string[];
  /** Members both schemas could have: every type they name exists in ours. */
  differences: string[];
  /** Members of shared types that name a type only Twenty has (a missing feature, or its demo's custom objects). */
  needMissingTypes: string[];
}

function members(schema: GraphQLSchema, name: string): Map<string, string> | undefined {
  const type = schema.getType(name);
  if (!type) return undefined;
  const out = new Map<string, string>();
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      const args = field.args.map((a) => `${a.name}: ${a.type}`).sort().join(", ");
      out.set(field.name, `${args ? `(${args})` : ""}: ${field.type}`);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) out.set(field.name, `: ${field.type}`);
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) out.set(value.name, "");
  } else if (isUnionType(type)) {
    for (const member of type.getTypes()) out.set(member.name, "");
  } else {
    out.set("(scalar)", "");
  }
  return out;
}

export function compareSchemas(reference: GraphQLSchema, ours: GraphQLSchema): SchemaComparison {
  const result: SchemaComparison = { onlyInReference: [], onlyInOurs: [], differences: [], needMissingTypes: [] };
  const namesMissingType = (signature: string) =>
    (signature.match(/[A-Z][A-Za-z0-9_]*/g) ?? []).some((typeName) => !ours.getType(typeName));
  const names = (s: GraphQLSchema) => Object.keys(s.getTypeMap()).filter((n) => !n.startsWith("__"));
  const ourNames = new Set(names(ours));
  for (const name of names(reference).sort()) {
    if (!ourNames.has(name)) {
      result.onlyInReference.push(name);
      continue;
    }
    const theirs = members(reference, name)!;
    const mine = members(ours, name)!;
    for (const [member, signature] of theirs) {
      const own = mine.get(member);
      if (own === undefined) {
        const line = `${name}.${member}${signature}  — missing in ours`;
        (namesMissingType(signature) ? result.needMissingTypes : result.differences).push(line);
      }
      else if (own !== signature) result.differences.push(`${name}.${member}  — Twenty ${signature}  ours ${own}`);
    }
    for (const member of mine.keys()) {
      if (!theirs.has(member)) result.differences.push(`${name}.${member}${mine.get(member)}  — only in ours`);
    }
  }
  const refNames = new Set(names(reference));
  result.onlyInOurs = names(ours).filter((n) => !refNames.has(n)).sort();
  return result;
}
