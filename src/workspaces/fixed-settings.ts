import { AppError } from "../errors/app-error.ts";

/**
 * Workspace settings Twenty 2.21 lets an admin change that this server has no feature behind (SSO, custom
 * domains, 2FA enforcement, AI models, message import, ...): each has the one value it always answers.
 * `updateWorkspace` accepts that value, so clients that send the whole settings form keep working, and
 * refuses any other instead of pretending to store it.
 */
export const fixedWorkspaceSettings = {
  customDomain: null,
  workspaceDiscoverability: "MEMBERS_AND_INVITEES",
  isGoogleAuthEnabled: false,
  isMicrosoftAuthEnabled: false,
  isPasswordAuthEnabled: true,
  isGoogleAuthBypassEnabled: false,
  isMicrosoftAuthBypassEnabled: false,
  isPasswordAuthBypassEnabled: false,
  isTwoFactorAuthenticationEnforced: false,
  trashRetentionDays: 14,
  eventLogRetentionDays: 90,
  fastModel: "",
  smartModel: "",
  aiAdditionalInstructions: null,
  editableProfileFields: [],
  enabledAiModelIds: [],
  useRecommendedModels: true,
  isInternalMessagesImportEnabled: false,
} as const;

export type FixedWorkspaceSettings = { [K in keyof typeof fixedWorkspaceSettings]?: unknown };

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function assertFixedSettingsUnchanged(changes: FixedWorkspaceSettings): void {
  for (const [name, fixed] of Object.entries(fixedWorkspaceSettings)) {
    const value = changes[name as keyof FixedWorkspaceSettings];
    if (value === undefined || sameValue(value, fixed)) continue;
    // null means "no change" for the settings whose fixed value is not null (as for every other setting).
    if (value === null && fixed !== null) continue;
    throw new AppError(400, "WORKSPACE_SETTING_NOT_SUPPORTED", `"${name}" cannot be changed on this server: it is always ${JSON.stringify(fixed)}`);
  }
}
