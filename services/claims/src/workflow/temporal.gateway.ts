import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { CLAIM_TASK_QUEUE, ClaimWorkflowInput } from '@wc/workflows/dist/claim/definitions';
import { CLAIMS_CONFIG, ClaimsConfig } from '../config';

/** The claims service's only door to Temporal: start a claim's workflow, ask how it is. */
@Injectable()
export class TemporalGateway implements OnApplicationShutdown {
  private client?: Promise<{ connection: Connection; client: Client }>;

  constructor(@Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig) {}

  private connect() {
    this.client ??= Connection.connect({ address: this.config.TEMPORAL_ADDRESS }).then((connection) => ({
      connection,
      client: new Client({ connection, namespace: this.config.TEMPORAL_NAMESPACE }),
    }));
    this.client.catch(() => (this.client = undefined)); // try again next time
    return this.client;
  }

  /** Starting twice is harmless: the workflow id is derived from the claim number. */
  async startClaimWorkflow(workflowId: string, input: ClaimWorkflowInput): Promise<void> {
    const { client } = await this.connect();
    try {
      await client.workflow.start('claimWorkflow', { taskQueue: CLAIM_TASK_QUEUE, workflowId, args: [input] });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  }

  async workflowStatus(workflowId: string): Promise<string> {
    const { client } = await this.connect();
    try {
      return (await client.workflow.getHandle(workflowId).describe()).status.name;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return 'NOT_STARTED';
      throw e;
    }
  }

  async ping(): Promise<void> {
    const { connection } = await this.connect();
    await connection.healthService.check({});
  }

  async onApplicationShutdown() {
    const c = await this.client?.catch(() => undefined);
    await c?.connection.close();
  }
}
