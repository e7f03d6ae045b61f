import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors/app-error.ts";
import {
  assertNameSyncedWithLabel,
  computeMetadataNameFromLabel,
  reservedMetadataNames,
  validateMetadataLabel,
  validateMetadataName,
  validateObjectNames,
} from "../../src/metadata/validation/metadata-names.ts";

const failureOf = (run: () => unknown): { status: number; code: string; message: string } => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const { status, code, message } = error as AppError;
    return { status, code, message };
  }
  throw new Error("expected an AppError");
};
const messageOf = (run: () => unknown) => failureOf(run).message;

const NOT_VALID = "Name is not valid: it must start with lowercase letter and contain only alphanumeric letters";
const CAMEL = "Name should be in camelCase";
const TOO_LONG = "Name is too long: it exceeds the 63 characters limit.";
const validObject = { nameSingular: "pet", namePlural: "pets", labelSingular: "Pet", labelPlural: "Pets" };
/** Every rule a name breaks, as Twenty 2.21 lists them (one message each). */
const rulesOf = (run: () => unknown) => messageOf(run).split("; ");

describe("validateMetadataName (Twenty 2.21's rules and wording)", () => {
  it("accepts valid camelCase names, digits after the first letter included, and returns them", () => {
    for (const name of ["pet", "surveyResult", "myField2", "field2Name", "address2", "v2Field", "listinga", "a".repeat(63)]) {
      expect(validateMetadataName(name)).toBe(name);
    }
  });

  it("reports each broken rule", () => {
    expect(rulesOf(() => validateMetadataName("μ"))).toEqual([NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("user"))).toEqual(["The name is not available"]);
    expect(rulesOf(() => validateMetadataName("users"))).toEqual(["The name is not available"]);
    expect(rulesOf(() => validateMetadataName("Not_Camel_Case"))).toEqual([CAMEL, NOT_VALID]);
    expect(rulesOf(() => validateMetadataName(""))).toEqual(["Name is too short"]);
    expect(rulesOf(() => validateMetadataName("a".repeat(64)))).toEqual(["Name is too long"]);
    expect(rulesOf(() => validateMetadataName(`A_${"b".repeat(62)}`))).toEqual(["Name is too long", CAMEL, NOT_VALID]);
  });

  it("fails with status 400; one rule keeps its stable code", () => {
    expect(failureOf(() => validateMetadataName("user"))).toEqual({ status: 400, code: "METADATA_NAME_NOT_AVAILABLE", message: "The name is not available" });
    expect(failureOf(() => validateMetadataName("a".repeat(64))).code).toBe("METADATA_NAME_TOO_LONG");
    expect(failureOf(() => validateMetadataName("")).code).toBe("METADATA_NAME_TOO_SHORT");
    expect(failureOf(() => validateMetadataName("Pet")).code).toBe("METADATA_NAME_NOT_CAMEL_CASE");
    expect(failureOf(() => validateMetadataName("μ")).code).toBe("INVALID_METADATA_NAME");
  });

  it("treats a non-string as an empty name", () => {
    for (const value of [undefined, null, 42, {}]) {
      expect(messageOf(() => validateMetadataName(value))).toBe("Name is too short");
    }
  });

  it("GraphQL words and quoting characters are not valid names", () => {
    for (const word of ["not", "or", "and", "Int", "Float", "Boolean", "String", "ID"]) {
      expect(rulesOf(() => validateMetadataName(word))).toContain(NOT_VALID);
    }
    for (const name of ["it's", 'a"b', "a\\b", "a;b", "a.b", "a=b", "a*b", "a/b"]) {
      expect(rulesOf(() => validateMetadataName(name))).toContain(NOT_VALID);
    }
    // only the exact words: they are fine inside a longer name
    expect(validateMetadataName("notes")).toBe("notes");
    expect(validateMetadataName("order")).toBe("order");
  });

  it("camelCase is lodash's: a digit starts a new word", () => {
    expect(rulesOf(() => validateMetadataName("Pet"))).toEqual([CAMEL, NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("my_field"))).toEqual([CAMEL, NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("café"))).toEqual([CAMEL, NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("foo2bar"))).toEqual([CAMEL]);
    expect(rulesOf(() => validateMetadataName("test123abc"))).toEqual([CAMEL]);
    // camelCase-stable but outside ^[a-z][a-zA-Z0-9]*$
    expect(rulesOf(() => validateMetadataName("123"))).toEqual([NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("2fa"))).toEqual([CAMEL, NOT_VALID]);
    expect(rulesOf(() => validateMetadataName("日本"))).toEqual([NOT_VALID]);
  });

  it("compares reserved names case-sensitively and exposes the list", () => {
    expect(reservedMetadataNames.has("currencies")).toBe(true);
    expect(reservedMetadataNames.has("aggregate")).toBe(true);
    expect(reservedMetadataNames.has("fullName")).toBe(false);
    expect(messageOf(() => validateMetadataName("workspace"))).toBe("The name is not available");
    expect(validateMetadataName("userName")).toBe("userName");
    expect(validateMetadataName("fullName")).toBe("fullName");
  });
});

describe("validateMetadataLabel", () => {
  it("trims and returns the label", () => {
    expect(validateMetadataLabel("  Listing ")).toBe("Listing");
    expect(validateMetadataLabel("x".repeat(63))).toBe("x".repeat(63));
  });

  it("rejects empty, whitespace-only, non-string and over-long labels", () => {
    expect(messageOf(() => validateMetadataLabel(""))).toBe('Input is too short: ""');
    expect(messageOf(() => validateMetadataLabel("   "))).toBe('Input is too short: ""');
    expect(messageOf(() => validateMetadataLabel(undefined))).toBe('Input is too short: ""');
    expect(messageOf(() => validateMetadataLabel("x".repeat(64)))).toBe(TOO_LONG);
    expect(validateMetadataLabel(` ${"x".repeat(63)} `)).toBe("x".repeat(63));
    expect(failureOf(() => validateMetadataLabel("")).code).toBe("INVALID_METADATA_LABEL");
  });
});

describe("validateObjectNames", () => {
  it("returns validated names and trimmed labels (T20 successful input)", () => {
    expect(
      validateObjectNames({ nameSingular: "listinga", namePlural: "listingas", labelSingular: " Listing", labelPlural: "Listings " }),
    ).toEqual({ nameSingular: "listinga", namePlural: "listingas", labelSingular: "Listing", labelPlural: "Listings" });
  });

  it("reports Twenty 2.21's object rules", () => {
    expect(messageOf(() => validateObjectNames({ ...validObject, namePlural: "pet" }))).toBe("The singular and plural names cannot be the same for an object");
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: "" }))).toBe("Object label is too short");
    expect(messageOf(() => validateObjectNames({ ...validObject, labelPlural: "  " }))).toBe("Object label is too short");
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: "x".repeat(64) }))).toBe("Object label is too long");
    expect(messageOf(() => validateObjectNames({ ...validObject, labelPlural: "Pet" }))).toBe("The singular and plural labels cannot be the same for an object");
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: " Pet ", labelPlural: "pet" }))).toBe(
      "The singular and plural labels cannot be the same for an object",
    );
    expect(failureOf(() => validateObjectNames({ ...validObject, namePlural: "pet" })).code).toBe("OBJECT_NAMES_IDENTICAL");
    expect(failureOf(() => validateObjectNames({ ...validObject, labelPlural: "Pet" })).code).toBe("OBJECT_LABELS_IDENTICAL");
  });

  it("reports every broken rule of both names and both labels together", () => {
    const all = { nameSingular: "user", namePlural: "μ", labelSingular: "", labelPlural: "" };
    expect(rulesOf(() => validateObjectNames(all))).toEqual(["The name is not available", NOT_VALID, "Object label is too short", "Object label is too short"]);
    expect(rulesOf(() => validateObjectNames({ nameSingular: "pet", namePlural: "pet", labelSingular: "Pet", labelPlural: "Pet" }))).toEqual([
      "The singular and plural names cannot be the same for an object",
      "The singular and plural labels cannot be the same for an object",
    ]);
  });
});

describe("computeMetadataNameFromLabel", () => {
  it("slugifies and camelCases labels", () => {
    expect(computeMetadataNameFromLabel("Pets")).toBe("pets");
    expect(computeMetadataNameFromLabel("person field")).toBe("personField");
    expect(computeMetadataNameFromLabel("Café Owner")).toBe("cafeOwner");
    expect(computeMetadataNameFromLabel("opportunity")).toBe("opportunity");
    expect(computeMetadataNameFromLabel("Survey Result")).toBe("surveyResult");
    expect(computeMetadataNameFromLabel("  Hello, World! (beta)  ")).toBe("helloWorldBeta");
    expect(computeMetadataNameFromLabel("Straße")).toBe("strasse");
    expect(computeMetadataNameFromLabel("my-field_name")).toBe("myFieldName");
  });

  it("prefixes a leading digit with n", () => {
    expect(computeMetadataNameFromLabel("2nd Owner")).toBe("n2ndOwner");
    expect(computeMetadataNameFromLabel("2 things")).toBe("n2Things");
    expect(computeMetadataNameFromLabel("$5 fee")).toBe("n5Fee");
  });

  it("rejects labels that leave nothing", () => {
    for (const label of ["", "   ", "!!!", "日本"]) {
      expect(failureOf(() => computeMetadataNameFromLabel(label))).toEqual({
        status: 400,
        code: "INVALID_METADATA_LABEL",
        message: 'Input is too short: ""',
      });
    }
  });
});

describe("assertNameSyncedWithLabel", () => {
  it("accepts a name derived from its label", () => {
    expect(() => assertNameSyncedWithLabel("personField", "person field")).not.toThrow();
    expect(() => assertNameSyncedWithLabel("n2ndOwner", "2nd Owner")).not.toThrow();
  });

  it("rejects a name that differs from the derived one", () => {
    expect(failureOf(() => assertNameSyncedWithLabel("listinga", "Listing"))).toEqual({
      status: 400,
      code: "NAME_NOT_SYNCED_WITH_LABEL",
      message: "Name is not synced with label",
    });
  });
});
