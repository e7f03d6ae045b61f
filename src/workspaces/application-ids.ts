import { eq } from "drizzle-orm";
import { workspaces } from "../../drizzle/schema/index.ts";
import type { Db } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";

export interface ApplicationIds {
  standardApplicationId: string;
  customApplicationId: string;
}

export async function loadApplicationIds(db: Db, workspaceId: string): Promise<ApplicationIds> {
  const [row] = await db
    .select({ standardApplicationId: workspaces.standardApplicationId, customApplicationId: workspaces.customApplicationId })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw new AppError(404, "WORKSPACE_NOT_FOUND", "Workspace not found");
  return row;
}

/** Standard objects and fields belong to the standard application; whatever the workspace added, to its own. */
export const applicationIdOf = (ids: ApplicationIds, item: { isCustom: boolean }) => (item.isCustom ? ids.customApplicationId : ids.standardApplicationId);
