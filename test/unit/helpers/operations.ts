// OperationSpec fixtures for the tests, so they do not depend on the bundled document's details.
import type { OperationSpec, ParameterSpec } from '../../../src/api/catalog';

export function operation(overrides: Partial<OperationSpec> & Pick<OperationSpec, 'method' | 'path'>): OperationSpec {
  const pathParams = [...overrides.path.matchAll(/\{([^}]+)\}/g)].map((m): ParameterSpec => ({
    name: m[1],
    in: 'path',
    required: true,
    description: '',
    schema: { type: 'integer' },
    isArray: false,
  }));
  return {
    id: `${overrides.method.toLowerCase()}_${overrides.path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}`,
    summary: 'Test operation',
    description: '',
    section: 'Tests',
    security: 'BearerPartnerUser',
    deprecated: false,
    destructive: false,
    readOnly: overrides.method === 'GET',
    parameters: pathParams,
    success: { status: 200, description: 'Success.' },
    responses: [],
    enveloped: true,
    responseDocumented: true,
    confidence: 'high',
    ...overrides,
  };
}

export const TOKENS = { partnerToken: 'partnerSECRET123', userToken: 'userSECRET456' };
