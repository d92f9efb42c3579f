// The public API of the core: catalog (and its Russian catalogue), HTTP client, errors, auth, rate limiting, retries, paging, export.
export * from './catalog';
export * from './catalog-fields';
export * from './catalog-l10n';
export * from './auth';
export * from './clock';
export * from './errors';
export * from './http-types';
export { AltegioClient, DEFAULT_TIMEOUT_MS, DEFAULT_USER_AGENT, type ClientOptions } from './client';
export { RateLimiter, type RateLimiterOptions } from './rate-limiter';
export * from './retry';
export * from './paging';
export * from './export';
export { ACCEPT, buildPath, buildQuery, maskRequest } from './request-builder';
export type { FileUpload, MultipartBody, MultipartValue } from './multipart';
