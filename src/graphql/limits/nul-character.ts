import { BREAK, visit, type DocumentNode } from "graphql";
import { nulCharacter } from "../../db/database-errors.ts";
import { holdsNulCharacter } from "../../http/nul-character.ts";
import { toGraphQLError } from "../errors.ts";

function documentHoldsNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes("\0")) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * A `"\u0000"` literal in the document or a NUL in the variables, whatever body carried them: the error
 * that Postgres would raise later, as the caller's BAD_USER_INPUT before anything runs.
 */
export function nulCharacterRefusal(document: DocumentNode, variables: unknown) {
  if (!documentHoldsNul(document) && !holdsNulCharacter(variables)) return undefined;
  return { errors: [toGraphQLError(nulCharacter())] };
}
