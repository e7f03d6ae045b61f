/**
 * The one error type the app throws on purpose. `error` is the name Twenty puts in its bodies
 * (`BadRequestException`, `UNAUTHENTICATED`, ...), `code` our stable machine code.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errorName: string = defaultErrorName(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

const namesByStatus: Record<number, string> = {
  400: "BadRequestException",
  401: "UnauthorizedException",
  403: "ForbiddenException",
  404: "NotFoundException",
  405: "MethodNotAllowedException",
  409: "ConflictException",
  413: "PayloadTooLargeException",
  415: "UnsupportedMediaTypeException",
  429: "HttpException",
  500: "InternalServerErrorException",
  503: "ServiceUnavailableException",
};

export function defaultErrorName(status: number): string {
  return namesByStatus[status] ?? (status >= 500 ? "InternalServerErrorException" : "HttpException");
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const notFound = (message = "Record not found", code = "NOT_FOUND") => new AppError(404, code, message);

/** Twenty answers a denied permission with 400 on REST (and FORBIDDEN on GraphQL), always with this message. */
export const permissionDenied = () =>
  new AppError(400, "PERMISSION_DENIED", "Entity performing the request does not have permission", "Error");
