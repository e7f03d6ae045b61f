/** `person` → `Person`: Twenty capitalises only the first letter (`surveyResults` → `SurveyResults`). */
export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A column of a composite sub-field: `amount` + `amountMicros` → `amountAmountMicros`. */
export function subFieldColumn(fieldName: string, subField: string): string {
  return fieldName + capitalize(subField);
}

/** `workspace_<base36 of the UUID>`, as Twenty names workspace schemas. */
export function workspaceSchemaName(workspaceId: string): string {
  const hex = workspaceId.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${workspaceId}`);
  return `workspace_${BigInt(`0x${hex}`).toString(36)}`;
}

/** Standard objects keep their name; custom objects get a leading underscore so they never collide. */
export function tableNameFor(nameSingular: string, isCustom: boolean): string {
  return isCustom ? `_${nameSingular}` : nameSingular;
}
