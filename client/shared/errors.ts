/** A failed request to the server, as the islands report it. */
export class ApiError extends Error {
  constructor(
    /** HTTP status, or 0 when the server could not be reached or answered nonsense. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
