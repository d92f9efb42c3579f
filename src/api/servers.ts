// The API's base URLs, known without parsing the OpenAPI document so that activation stays cheap.
// A unit test keeps them equal to the document's `servers`.

export const SERVERS = {
  production: 'https://api.alteg.io/api/v1',
  mock: 'https://developer.alteg.io/_mock/en/b2b-v1/openapi',
  /** The local sandbox's template; `{port}` defaults to 8787. */
  sandbox: 'http://127.0.0.1:{port}/api/v1',
} as const;

export const DEFAULT_SANDBOX_PORT = '8787';
