import type { AppConfig } from "../config/env.ts";
import { maxAffectedRows } from "../query/sql/write-sql.ts";

/**
 * What Twenty's web app reads before anything else (`GET /client-config`, no token), in Twenty 2.21's shape,
 * answered as this server is: a self-hosted install without billing, AI, captcha, Sentry, analytics or
 * third-party sign-in, where email and password sign-in and new workspaces are open.
 */
export function clientConfig(config: AppConfig, origin: string) {
  return {
    billing: { isBillingEnabled: false, trialPeriods: [] },
    aiModels: [],
    authProviders: { google: false, magicLink: false, password: true, microsoft: false, sso: [] },
    signInPrefilled: false,
    isMultiWorkspaceEnabled: true,
    isEmailVerificationRequired: false,
    defaultSubdomain: "app",
    frontDomain: new URL(config.SERVER_URL ?? origin).hostname,
    publicFunctionDomain: null,
    support: { supportDriver: "NONE" },
    sentry: {},
    captcha: {},
    api: { mutationMaximumAffectedRecords: maxAffectedRows },
    onboarding: { importContactsCreditsReward: 0, inviteTeamCreditsRewardPerUser: 0, upgradeCreditsReward: 0, installAppsCreditsRewardPerApp: 0 },
    isAttachmentPreviewEnabled: true,
    analyticsEnabled: false,
    canManageFeatureFlags: false,
    publicFeatureFlags: [],
    isMicrosoftMessagingEnabled: false,
    isMicrosoftCalendarEnabled: false,
    isGoogleMessagingEnabled: false,
    isGoogleCalendarEnabled: false,
    isConfigVariablesInDbEnabled: false,
    isImapSmtpCaldavEnabled: false,
    isEmailingDomainInDemoMode: false,
    // The app would fetch company logos from Twenty's icon service; this server keeps to itself.
    allowRequestsToTwentyIcons: false,
    isCloudflareIntegrationEnabled: false,
    isClickHouseConfigured: false,
    isWorkspaceSchemaDDLLocked: false,
    enterpriseInstanceType: config.ENVIRONMENT === "production" ? "production" : "development",
  };
}
