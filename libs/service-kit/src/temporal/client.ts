import type { Client } from '@temporalio/client';
import { TemporalConfig, temporalConnection } from '../config';

/**
 * A Temporal client connected on first use and kept (issue 15: the payments and notifications
 * services start workflows and keep schedules with it); a failed connection is tried again on the
 * next use, so a service started while Temporal was away connects once it is back.
 */
export function lazyTemporalClient(c: TemporalConfig, connectTimeoutMs = 3000): { client(): Promise<Client>; close(): Promise<void> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@temporalio/client') as typeof import('@temporalio/client');
  let connecting: Promise<{ connection: import('@temporalio/client').Connection; client: Client }> | undefined;
  const connect = () => {
    connecting ??= sdk.Connection.connect({ ...temporalConnection(c), connectTimeout: connectTimeoutMs }).then((connection) => ({
      connection,
      client: new sdk.Client({ connection, namespace: c.TEMPORAL_NAMESPACE }),
    }));
    connecting.catch(() => (connecting = undefined));
    return connecting;
  };
  return {
    client: async () => (await connect()).client,
    async close() {
      const c = await connecting?.catch(() => undefined);
      connecting = undefined;
      await c?.connection.close();
    },
  };
}
