// The one way the console talks to the server: JSON over fetch, errors as ApiError with the server's stable code
// and its field or row details, and the CSRF token on every write once accounts exist.

export type ErrorDetail = { field?: string; row?: number; column?: string; value?: unknown; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type QueryValue = string | number | boolean | null | undefined;

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Called when the server answers 401 to a signed-in console: the session has ended. */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

/** The session's CSRF token, sent as x-csrf-token on every write (set by the session provider). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** "?a=1&b=x" from the defined, non-empty values, in the order given. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function writeHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return csrfToken ? { ...extra, "x-csrf-token": csrfToken } : extra;
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    if (body.error)
      return new ApiError(
        response.status,
        body.error.code ?? "unknown",
        body.error.message ?? response.statusText,
        body.error.details ?? [],
      );
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return new ApiError(response.status, `http.${response.status}`, text.slice(0, 200) || response.statusText);
}

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** A JSON request; resolves with the parsed body (undefined for 204) or rejects with ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers: method === "GET" ? headers : writeHeaders(headers),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "same-origin",
    signal: options.signal,
  });
  if (!response.ok) {
    if (response.status === 401 && path !== "/api/v1/session") onUnauthorized?.();
    throw await errorOf(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Uploads one file as multipart field "file", reporting progress from 0 to 1. XMLHttpRequest, because fetch
 * cannot report upload progress.
 */
export function upload<T>(
  path: string,
  file: Blob & { name?: string },
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("accept", "application/json");
    for (const [key, value] of Object.entries(writeHeaders())) request.setRequestHeader(key, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, "network.failed", "The server could not be reached."));
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
      });
      if (request.status >= 200 && request.status < 300) {
        onProgress?.(1);
        resolve((request.responseText ? JSON.parse(request.responseText) : undefined) as T);
      } else {
        void errorOf(response).then(reject);
      }
    };
    const form = new FormData();
    form.append("file", file, file.name ?? "upload");
    request.send(form);
  });
}
