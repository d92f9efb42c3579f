// Everything an operation handler uses, from one place: the handler's types (handler.ts), typed API errors
// (errors.ts), readers of the request (request.ts) and Altegio's answers (responses.ts). Handlers may import
// from the small modules directly, each in one short line.
export type { Handler, HandlerContext, HandlerResult } from './handler';
export { ApiError, fieldProblem, notFound } from './errors';
export { bodyOf, has, idParam, phoneDigits } from './request';
export { accepted, envelope, listMeta, respond, respondList } from './responses';
