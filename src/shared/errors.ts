/** Stable error codes; each is documented in docs/errors.md (a consistency test holds that). */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  INVALID_ACTIVITY: 400,
  BODY_TOO_DEEP: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SERVICE_URL_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_KB: 422,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  STORAGE_UNAVAILABLE: 503,
  PLATFORM_UNAVAILABLE: 502,
  CHANNEL_UNAVAILABLE: 502,
  INTERNAL: 500,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Base of every error the application raises on purpose: a stable code, an HTTP status, details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** True for errors raised on purpose by the application. */
export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
