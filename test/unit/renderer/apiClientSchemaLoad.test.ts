/**
 * The client loads a contract area's schemas (a script chunk in the page) beside the request. A chunk that
 * cannot be fetched is tried once more; when it still fails, the call ends in an ApiError that says to
 * reload the page, never in a raw import error.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ContractApi from '../../../shared/contract/api';
import type { MethodName } from '../../../shared/contract/api';
import { ApiError } from '../../../renderer/api/apiError';
import { createApiClient } from '../../../renderer/api/client';
import type { Transport } from '../../../renderer/api/transport';
import { createProject } from './fixtures';

const failures = vi.hoisted(() => ({ remaining: 0 }));

vi.mock('../../../shared/contract/api', async (importOriginal) => {
  const actual = await importOriginal<typeof ContractApi>();
  return {
    ...actual,
    methodSchemas: async (method: MethodName) => {
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        throw new TypeError('Failed to fetch dynamically imported module');
      }
      return actual.methodSchemas(method);
    },
  };
});

afterEach(() => {
  failures.remaining = 0;
});

function answering(value: unknown): Transport {
  return { kind: 'http', invoke: async () => ({ ok: true, value }), subscribe: () => () => {} };
}

describe('the client when a schema chunk cannot be fetched', () => {
  it('tries once more and then validates as usual', async () => {
    failures.remaining = 1;
    const api = createApiClient(answering(createProject({ title: 'Nach zweitem Versuch' })));
    expect((await api['project.current']({})).title).toBe('Nach zweitem Versuch');
  });

  it('ends in an ApiError that says to reload the page when the chunk stays unreachable', async () => {
    failures.remaining = 2;
    const api = createApiClient(answering(createProject()), () => {});
    const error = await api['project.current']({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).text.de).toContain('neu laden');
    expect((error as ApiError).text.en).toContain('reload the page');
  });
});
