import { AppError } from "../../errors/app-error.ts";

export const invalidInput = (message: string) => new AppError(400, "INVALID_RECORD_INPUT", message);
