import { describe, expect, it } from "vitest";
import type { StandardFieldDefinition, StandardObjectDefinition } from "../../src/metadata/standard-objects/define.ts";
import { standardObjects } from "../../src/metadata/standard-objects/index.ts";

const specNames = [
  "attachment",
  "blocklist",
  "calendarEvent",
  "calendarChannel",
  "calendarChannelEventAssociation",
  "calendarEventParticipant",
  "company",
  "connectedAccount",
  "dashboard",
  "favorite",
  "favoriteFolder",
  "timelineActivity",
  "workflow",
  "workflowVersion",
  "workflowRun",
  "workflowAutomatedTrigger",
  "workspaceMember",
  "messageThread",
  "message",
  "messageChannel",
  "messageParticipant",
  "messageFolder",
  "messageChannelMessageAssociation",
  "note",
  "noteTarget",
  "opportunity",
  "person",
  "task",
  "taskTarget",
];

/** Composite sub-fields (§3.6); a column is `<field>` + capitalised sub-field. */
const compositeSubFields: Partial<Record<StandardFieldDefinition["type"], string[]>> = {
  CURRENCY: ["amountMicros", "currencyCode"],
  FULL_NAME: ["firstName", "lastName"],
  ADDRESS: ["addressStreet1", "addressStreet2", "addressCity", "addressPostcode", "addressState", "addressCountry", "addressLat", "addressLng"],
  LINKS: ["primaryLinkLabel", "primaryLinkUrl", "secondaryLinks"],
  ACTOR: ["source", "workspaceMemberId", "name", "context"],
  EMAILS: ["primaryEmail", "additionalEmails"],
  PHONES: ["primaryPhoneNumber", "primaryPhoneCountryCode", "primaryPhoneCallingCode", "additionalPhones"],
  RICH_TEXT_V2: ["blocknote", "markdown"],
  RICH_TEXT: ["blocknote", "markdown"],
};

/** Twenty keeps these option values in lower case. */
const lowerCaseOptionFields = new Set(["messageChannel.type"]);

const objects = new Map(standardObjects.map((object) => [object.nameSingular, object]));
const fieldOf = (object: StandardObjectDefinition, name: string) => object.fields.find((field) => field.name === name);
const everyField = standardObjects.flatMap((object) => object.fields.map((field) => ({ object, field, key: `${object.nameSingular}.${field.name}` })));

function columnExists(object: StandardObjectDefinition, column: string): boolean {
  if (fieldOf(object, column)) return true;
  return object.fields.some((field) =>
    (compositeSubFields[field.type] ?? []).some((sub) => column === field.name + sub.charAt(0).toUpperCase() + sub.slice(1)),
  );
}

describe("standard objects", () => {
  it("are the 29 objects of the spec, with unique names", () => {
    expect(standardObjects).toHaveLength(29);
    expect(new Set(standardObjects.map((o) => o.nameSingular)).size).toBe(29);
    expect(new Set(standardObjects.map((o) => o.namePlural)).size).toBe(29);
    expect(new Set([...standardObjects.map((o) => o.nameSingular), ...standardObjects.map((o) => o.namePlural)]).size).toBe(58);
    expect([...objects.keys()].sort()).toEqual([...specNames].sort());
  });

  it("declare unique field names and never the base fields", () => {
    const problems: string[] = [];
    for (const object of standardObjects) {
      const names = object.fields.map((field) => field.name);
      const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
      if (duplicates.length > 0) problems.push(`${object.nameSingular}: duplicate ${duplicates.join(", ")}`);
      for (const base of ["id", "createdAt", "updatedAt", "deletedAt"]) {
        if (names.includes(base)) problems.push(`${object.nameSingular}: declares ${base}`);
      }
      for (const field of object.fields) {
        if (field.type === "RELATION" && names.includes(`${field.name}Id`)) problems.push(`${object.nameSingular}.${field.name}Id collides with a join column`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("declare every relation on both sides, pointing at each other with opposite types", () => {
    const problems: string[] = [];
    for (const { object, field, key } of everyField) {
      if (field.type !== "RELATION") {
        if (field.relation) problems.push(`${key}: relation on a ${field.type} field`);
        continue;
      }
      const relation = field.relation;
      if (!relation) {
        problems.push(`${key}: RELATION without relation`);
        continue;
      }
      const target = objects.get(relation.target);
      if (!target) {
        problems.push(`${key}: unknown target ${relation.target}`);
        continue;
      }
      const inverse = fieldOf(target, relation.inverse);
      if (!inverse) {
        problems.push(`${key}: ${relation.target}.${relation.inverse} does not exist`);
        continue;
      }
      const opposite = relation.type === "MANY_TO_ONE" ? "ONE_TO_MANY" : "MANY_TO_ONE";
      if (inverse.type !== "RELATION" || !inverse.relation) problems.push(`${key}: inverse ${relation.target}.${relation.inverse} is not a relation`);
      else {
        if (inverse.relation.target !== object.nameSingular) problems.push(`${key}: inverse targets ${inverse.relation.target}`);
        if (inverse.relation.inverse !== field.name) problems.push(`${key}: inverse names ${inverse.relation.inverse}`);
        if (inverse.relation.type !== opposite) problems.push(`${key}: inverse is ${inverse.relation.type}, expected ${opposite}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("set onDelete on every MANY_TO_ONE side and never on ONE_TO_MANY; MANY_TO_ONE sides are nullable", () => {
    const problems: string[] = [];
    for (const { field, key } of everyField) {
      if (!field.relation) continue;
      if (field.relation.type === "MANY_TO_ONE") {
        if (!field.relation.onDelete) problems.push(`${key}: no onDelete`);
        if (field.isNullable !== true) problems.push(`${key}: not nullable`);
      } else if (field.relation.onDelete) problems.push(`${key}: onDelete on ONE_TO_MANY`);
    }
    expect(problems).toEqual([]);
  });

  it("name existing fields as identifiers, search fields and duplicate criteria", () => {
    const problems: string[] = [];
    for (const object of standardObjects) {
      const name = object.nameSingular;
      if (object.labelIdentifier && !fieldOf(object, object.labelIdentifier)) problems.push(`${name}: labelIdentifier ${object.labelIdentifier}`);
      if (object.imageIdentifier && !fieldOf(object, object.imageIdentifier)) problems.push(`${name}: imageIdentifier ${object.imageIdentifier}`);
      for (const searchField of object.searchFields ?? []) {
        if (!fieldOf(object, searchField)) problems.push(`${name}: searchField ${searchField}`);
      }
      for (const column of (object.duplicateCriteria ?? []).flat()) {
        if (!columnExists(object, column)) problems.push(`${name}: duplicate criterion ${column}`);
      }
      const hasSearchVector = object.fields.some((field) => field.type === "TS_VECTOR");
      if (hasSearchVector !== (object.searchFields?.length ?? 0) > 0) problems.push(`${name}: searchVector and searchFields disagree`);
      if (object.isSearchable && !hasSearchVector) problems.push(`${name}: searchable without a search vector`);
    }
    expect(problems).toEqual([]);
  });

  it("give SELECT and MULTI_SELECT fields options and defaults among them", () => {
    const problems: string[] = [];
    for (const { field, key } of everyField) {
      if (field.type !== "SELECT" && field.type !== "MULTI_SELECT") {
        if (field.options) problems.push(`${key}: options on a ${field.type} field`);
        continue;
      }
      const options = field.options ?? [];
      if (options.length === 0) problems.push(`${key}: no options`);
      const values = options.map((option) => option.value);
      if (new Set(values).size !== values.length) problems.push(`${key}: duplicate option values`);
      const valuePattern = lowerCaseOptionFields.has(key) ? /^[a-z][a-z0-9_]*$/ : /^[A-Z][A-Z0-9_]*$/;
      for (const value of values) if (!valuePattern.test(value)) problems.push(`${key}: option value ${value}`);
      options.forEach((option, index) => {
        if (option.position !== index) problems.push(`${key}: option ${option.value} at position ${option.position}`);
        if (!option.label || !option.color) problems.push(`${key}: option ${option.value} lacks label or color`);
      });
      if (field.defaultValue === undefined || field.defaultValue === null) continue;
      const defaults = field.type === "MULTI_SELECT" && Array.isArray(field.defaultValue) ? field.defaultValue : [field.defaultValue];
      for (const value of defaults) {
        if (typeof value !== "string" || !values.some((v) => value === `'${v}'`)) problems.push(`${key}: default ${JSON.stringify(value)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("give non-nullable TEXT fields a quoted literal default", () => {
    const problems = everyField
      .filter(({ field }) => field.type === "TEXT" && !field.isNullable)
      .filter(({ field }) => typeof field.defaultValue !== "string" || !/^'.*'$/s.test(field.defaultValue))
      .map(({ key, field }) => `${key}: ${JSON.stringify(field.defaultValue)}`);
    expect(problems).toEqual([]);
  });

  it("keep the shared fields consistent", () => {
    const problems: string[] = [];
    for (const { field, key } of everyField) {
      if (field.name === "position" && !(field.isSystem && field.defaultValue === 0)) problems.push(`${key}: position`);
      if (field.name === "createdBy" && !(field.type === "ACTOR" && field.isUIReadOnly)) problems.push(`${key}: createdBy`);
      if (field.type === "TS_VECTOR" && !(field.name === "searchVector" && field.isNullable && field.isSystem)) problems.push(`${key}: search vector`);
    }
    expect(problems).toEqual([]);
  });
});
