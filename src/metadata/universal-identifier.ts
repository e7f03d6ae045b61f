/**
 * Twenty 2.21's `universalIdentifier`: the same across workspaces for what an application defines. We keep
 * a `standardId` where we know Twenty's and otherwise the row's own id, which is stable for its lifetime.
 */
export const universalIdentifierOf = (item: { id: string; standardId: string | null }) => item.standardId ?? item.id;
