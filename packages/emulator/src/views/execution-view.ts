import {
  displayTime,
  type ExecutionDisplay,
  type ExecutionLogsDisplay,
  type ExecutionsSummaryDisplay,
} from '@actorkit/api';
import type { Request } from 'express';
import type { ActorRecord, ExecutionRecord } from '../store/records.js';
import { actorsUrl, apiServer, profileUrl } from './links.js';

function executionUrl(req: Request, actorId: string, executionId: string): string {
  return actorsUrl(req, `/${encodeURIComponent(actorId)}/executions/${encodeURIComponent(executionId)}`);
}

/**
 * The service's execution display (`Execution.display`, fidelity §2.2): everything but `tenant`, so `apiServer`
 * stays; the emulator's own `owner` and `statusMessage` are not shown. Reply with ExecutionDisplaySchema (kind
 * 'model'): camel case drops a null `workerId`, `exitCode` or `finalState`.
 */
export function executionView(req: Request, e: ExecutionRecord): ExecutionDisplay {
  const self = executionUrl(req, e.actorId, e.id);
  return {
    id: e.id,
    actorId: e.actorId,
    apiServer: apiServer(req),
    executor: e.executor,
    workerId: e.workerId,
    status: e.status,
    exitCode: e.exitCode,
    finalState: e.finalState,
    messageReceivedTime: displayTime(e.messageReceivedTime),
    startTime: displayTime(e.startTime),
    finishTime: displayTime(e.finishTime),
    runtime: e.runtime,
    cpu: e.cpu,
    io: e.io,
    _links: { self, owner: profileUrl(req, e.owner), logs: `${self}/logs` },
  };
}

/** The service's `ExecutionsSummary.display` (fidelity §2.4), over one page of the actor's executions. */
export function executionsSummaryView(
  req: Request,
  actor: ActorRecord,
  page: ExecutionRecord[],
  totals: { totalExecutions: number; totalIo: number; totalRuntime: number; totalCpu: number },
): ExecutionsSummaryDisplay {
  return {
    apiServer: apiServer(req),
    actorId: actor.id,
    owner: actor.owner,
    executions: page.map((e) => ({
      id: e.id,
      status: e.status,
      startTime: displayTime(e.startTime),
      finishTime: displayTime(e.finishTime),
      messageReceivedTime: displayTime(e.messageReceivedTime),
    })),
    totalExecutions: totals.totalExecutions,
    totalIo: totals.totalIo,
    totalRuntime: totals.totalRuntime,
    totalCpu: totals.totalCpu,
    _links: {
      self: actorsUrl(req, `/${encodeURIComponent(actor.id)}/executions`),
      owner: profileUrl(req, actor.owner),
    },
  };
}

/** An execution's logs as `ActorExecutionLogsResource.get` answers them. */
export function executionLogsView(
  req: Request,
  actor: ActorRecord,
  e: ExecutionRecord,
  logs: string,
): ExecutionLogsDisplay {
  const execution = executionUrl(req, e.actorId, e.id);
  return {
    logs,
    _links: { self: `${execution}/logs`, owner: profileUrl(req, actor.owner), execution },
  };
}
