import { DurableObject } from "cloudflare:workers";

/**
 * Home of one workflow run: its state lives here rather than in a queue that could lose it. The engine
 * that steps through a run with alarms arrives with the workflows work; for now the object keeps a run's
 * state document so the binding, its SQLite storage and its migration exist from the first deploy.
 */
export class WorkflowRunObject extends DurableObject {
  async getState(): Promise<Record<string, unknown> | null> {
    return (await this.ctx.storage.get<Record<string, unknown>>("state")) ?? null;
  }

  async putState(state: Record<string, unknown>): Promise<void> {
    await this.ctx.storage.put("state", state);
  }
}
