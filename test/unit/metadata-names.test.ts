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

const notValid = (name: string) =>
  `String "${name}" is not valid: must start with lowercase letter and contain only alphanumeric letters`;
const TOO_LONG = "Name is too long: it exceeds the 63 characters limit.";
const validObject = { nameSingular: "pet", namePlural: "pets", labelSingular: "Pet", labelPlural: "Pets" };

describe("validateMetadataName", () => {
  it("accepts valid camelCase names and returns them", () => {
    for (const name of ["pet", "surveyResult", "myField2", "listinga", "a".repeat(63)]) {
      expect(validateMetadataName(name)).toBe(name);
    }
  });

  it("reproduces the T20 failing-name snapshots", () => {
    expect(messageOf(() => validateMetadataName("μ"))).toBe(notValid("μ"));
    expect(messageOf(() => validateMetadataName("user"))).toBe('The name "user" is not available');
    expect(messageOf(() => validateMetadataName("users"))).toBe('The name "users" is not available');
    expect(messageOf(() => validateMetadataName("Not_Camel_Case"))).toBe("Not_Camel_Case should be in camelCase");
    expect(messageOf(() => validateMetadataName(""))).toBe('Input is too short: ""');
    expect(messageOf(() => validateMetadataName("a".repeat(64)))).toBe(TOO_LONG);
  });

  it("fails with status 400 and a stable code per rule", () => {
    expect(failureOf(() => validateMetadataName("user"))).toEqual({
      status: 400,
      code: "METADATA_NAME_NOT_AVAILABLE",
      message: 'The name "user" is not available',
    });
    expect(failureOf(() => validateMetadataName("a".repeat(64))).code).toBe("METADATA_NAME_TOO_LONG");
    expect(failureOf(() => validateMetadataName("")).code).toBe("METADATA_NAME_TOO_SHORT");
    expect(failureOf(() => validateMetadataName("My_Name")).code).toBe("METADATA_NAME_NOT_CAMEL_CASE");
    expect(failureOf(() => validateMetadataName("μ")).code).toBe("INVALID_METADATA_NAME");
  });

  it("treats a non-string as an empty name", () => {
    for (const value of [undefined, null, 42, {}]) {
      expect(messageOf(() => validateMetadataName(value))).toBe('Input is too short: ""');
    }
  });

  it("applies the DTO rule before every other check", () => {
    for (const word of ["not", "or", "and", "Int", "Float", "Boolean", "String", "ID"]) {
      expect(messageOf(() => validateMetadataName(word))).toBe(notValid(word));
    }
    for (const name of ["it's", 'a"b', "a\\b", "a;b", "a.b", "a=b", "a*b", "a/b"]) {
      expect(messageOf(() => validateMetadataName(name))).toBe(notValid(name));
    }
    // would otherwise be "too long" and "not camelCase"
    expect(messageOf(() => validateMetadataName(`${"a".repeat(64)}.b`))).toBe(notValid(`${"a".repeat(64)}.b`));
    expect(messageOf(() => validateMetadataName("My.Name"))).toBe(notValid("My.Name"));
    // only the exact words: they are fine inside a longer name
    expect(validateMetadataName("notes")).toBe("notes");
    expect(validateMetadataName("order")).toBe("order");
  });

  it("checks length before camelCase, camelCase before the regex, the regex before reserved words", () => {
    expect(messageOf(() => validateMetadataName(`A_${"b".repeat(62)}`))).toBe(TOO_LONG);
    expect(messageOf(() => validateMetadataName("Pet"))).toBe("Pet should be in camelCase");
    expect(messageOf(() => validateMetadataName("my_field"))).toBe("my_field should be in camelCase");
    expect(messageOf(() => validateMetadataName("café"))).toBe("café should be in camelCase");
    expect(messageOf(() => validateMetadataName("foo2bar"))).toBe("foo2bar should be in camelCase");
    // camelCase-stable but outside ^[a-z][a-zA-Z0-9]*$
    expect(messageOf(() => validateMetadataName("123"))).toBe(notValid("123"));
    expect(messageOf(() => validateMetadataName("2fa"))).toBe("2fa should be in camelCase");
    expect(messageOf(() => validateMetadataName("日本"))).toBe(notValid("日本"));
  });

  it("compares reserved names case-sensitively and exposes the list", () => {
    expect(reservedMetadataNames.has("currencies")).toBe(true);
    expect(reservedMetadataNames.has("aggregate")).toBe(true);
    expect(reservedMetadataNames.has("fullName")).toBe(false);
    expect(messageOf(() => validateMetadataName("workspace"))).toBe('The name "workspace" is not available');
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

  it("reproduces the T20 object-level snapshots", () => {
    expect(messageOf(() => validateObjectNames({ ...validObject, namePlural: "pet" }))).toBe(
      "The singular and plural names cannot be the same for an object",
    );
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: "" }))).toBe('Input is too short: ""');
    expect(messageOf(() => validateObjectNames({ ...validObject, labelPlural: "  " }))).toBe('Input is too short: ""');
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: "x".repeat(64) }))).toBe(TOO_LONG);
    expect(messageOf(() => validateObjectNames({ ...validObject, labelPlural: "Pet" }))).toBe(
      "The singular and plural labels cannot be the same for an object",
    );
    expect(messageOf(() => validateObjectNames({ ...validObject, labelSingular: " Pet ", labelPlural: "pet" }))).toBe(
      "The singular and plural labels cannot be the same for an object",
    );
    expect(failureOf(() => validateObjectNames({ ...validObject, namePlural: "pet" })).code).toBe("OBJECT_NAMES_IDENTICAL");
    expect(failureOf(() => validateObjectNames({ ...validObject, labelPlural: "Pet" })).code).toBe("OBJECT_LABELS_IDENTICAL");
  });

  it("checks singular name, plural name, labels, then the equality rules", () => {
    const all = { nameSingular: "user", namePlural: "μ", labelSingular: "", labelPlural: "" };
    expect(messageOf(() => validateObjectNames(all))).toBe('The name "user" is not available');
    expect(messageOf(() => validateObjectNames({ ...all, nameSingular: "pet" }))).toBe(notValid("μ"));
    expect(messageOf(() => validateObjectNames({ ...all, nameSingular: "pet", namePlural: "pet" }))).toBe(
      'Input is too short: ""',
    );
    expect(
      messageOf(() => validateObjectNames({ nameSingular: "pet", namePlural: "pet", labelSingular: "Pet", labelPlural: "Pet" })),
    ).toBe("The singular and plural names cannot be the same for an object");
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
