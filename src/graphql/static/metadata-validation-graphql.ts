import { GraphQLError } from "graphql";
import { MetadataValidationError } from "../../metadata/validation/metadata-validation-error.ts";

/** The entity kinds Twenty 2.21 lists in `extensions.errors`, each with its `summary` counter. */
const entityKinds = [
  "agent",
  "cronTrigger",
  "databaseEventTrigger",
  "fieldMetadata",
  "index",
  "objectMetadata",
  "pageLayoutTab",
  "pageLayoutWidget",
  "role",
  "roleTarget",
  "routeTrigger",
  "serverlessFunction",
  "view",
  "viewField",
  "viewFilter",
  "viewGroup",
] as const;

const counterOf = (kind: string) => `invalid${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;

/** A failed metadata change as Twenty 2.21's GraphQL error: summary message, failures by entity kind, counters. */
export function metadataValidationGraphQLError(error: MetadataValidationError): GraphQLError {
  const failure = { type: error.entityType, status: "fail", flatEntityMinimalInformation: error.entity, errors: error.issues };
  const errors = Object.fromEntries(entityKinds.map((kind) => [kind, kind === error.kind ? [failure] : []]));
  const summary = Object.fromEntries(entityKinds.map((kind) => [counterOf(kind), kind === error.kind ? 1 : 0]));
  const objects = error.kind === "objectMetadata" ? 1 : 0;
  const message = `Validation failed for ${objects} object(s) and ${1 - objects} field(s)`;
  return new GraphQLError(error.summaryMessage, {
    extensions: { code: "METADATA_VALIDATION_FAILED", errors, message, summary: { ...summary, totalErrors: 1 }, userFriendlyMessage: message },
  });
}

/** Runs a resolver's work, turning a failed metadata validation into the GraphQL error Twenty answers. */
export async function withMetadataValidationErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MetadataValidationError) throw metadataValidationGraphQLError(error);
    throw error;
  }
}
