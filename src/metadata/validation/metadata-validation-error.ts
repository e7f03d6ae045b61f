import { AppError } from "../../errors/app-error.ts";

/** One broken rule, as Twenty 2.21 lists it inside a failed entity. */
export interface MetadataIssue {
  code: string;
  message: string;
  userFriendlyMessage: string;
  value?: unknown;
}

export type MetadataEntityKind = "objectMetadata" | "fieldMetadata";
export type MetadataOperation = "create" | "update";

/** What names the entity that failed: `{id, nameSingular, namePlural}` or `{id, name, objectMetadataId}`. */
export type EntityMinimalInformation = Record<string, string | null>;

/** A rule broken inside one of our validators, before we know which entity it belongs to. */
export class InvalidMetadataInput extends AppError {
  constructor(
    code: string,
    message: string,
    readonly value?: unknown,
  ) {
    super(400, code, message);
  }
}

/** Several broken rules found at once (all of an object's names and labels are checked together). */
export class MetadataIssues extends AppError {
  constructor(readonly errors: AppError[]) {
    super(400, errors[0]!.code, errors.map((e) => e.message).join("; "));
  }
}

/**
 * Twenty 2.21's METADATA_VALIDATION_FAILED: the entity being created or updated and every rule it broke.
 * REST shows the rules' messages; GraphQL the summary message with the structured `extensions`.
 */
export class MetadataValidationError extends AppError {
  constructor(
    readonly kind: MetadataEntityKind,
    readonly operation: MetadataOperation,
    readonly entity: EntityMinimalInformation,
    readonly issues: MetadataIssue[],
  ) {
    super(400, "METADATA_VALIDATION_FAILED", issues.map((issue) => issue.message).join("; "));
  }

  /** `Multiple validation errors occurred while creating object`, `... creating fields`, `... updating field`. */
  get summaryMessage(): string {
    const verb = this.operation === "create" ? "creating" : "updating";
    const noun = this.kind === "objectMetadata" ? "object" : this.operation === "create" ? "fields" : "field";
    return `Multiple validation errors occurred while ${verb} ${noun}`;
  }

  get entityType(): string {
    return `${this.operation}_${this.kind === "objectMetadata" ? "object" : "field"}`;
  }
}

/** Our sub-codes that Twenty 2.21 reports under a code of its own. */
const issueCodes: Record<string, string> = {
  NAME_NOT_SYNCED_WITH_LABEL: "NAME_NOT_SYNCED_WITH_LABEL",
  OBJECT_NOT_FOUND: "OBJECT_METADATA_NOT_FOUND",
};

function issueOf(kind: MetadataEntityKind, error: AppError): MetadataIssue {
  const code = issueCodes[error.code] ?? (kind === "objectMetadata" ? "INVALID_OBJECT_INPUT" : "INVALID_FIELD_INPUT");
  const value = error instanceof InvalidMetadataInput ? error.value : undefined;
  return { code, message: error.message, userFriendlyMessage: error.message, ...(value === undefined ? {} : { value }) };
}

/** Failures that are not about the input: a schema change the database refused stays what it is. */
const notValidation = new Set(["SCHEMA_CHANGE_FAILED"]);

/**
 * Runs a metadata change; any rule it finds broken (a 400 from our validators) becomes one
 * METADATA_VALIDATION_FAILED naming the entity. Unknown ids (404) and permission errors pass through.
 */
export async function validatingMetadata<T>(
  kind: MetadataEntityKind,
  operation: MetadataOperation,
  entity: EntityMinimalInformation,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MetadataIssues) throw new MetadataValidationError(kind, operation, entity, error.errors.map((e) => issueOf(kind, e)));
    if (error instanceof MetadataValidationError || !(error instanceof AppError) || error.status !== 400 || notValidation.has(error.code)) throw error;
    throw new MetadataValidationError(kind, operation, entity, [issueOf(kind, error)]);
  }
}
