const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID in its text form: ids are checked before they reach SQL, which would refuse them in its own words. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && uuidPattern.test(value);
