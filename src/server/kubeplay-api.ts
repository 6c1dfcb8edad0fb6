// The kubeplay control endpoints under /kubeplay/v1: read the simulated clock, advance it, and
// change its speed (0 pauses), for tests and scripts driving a served cluster.
import type { ServerResponse } from 'node:http';
import { statusFailure, } from '../engine/apiserver/status';
import { tryParseGoDuration } from '../engine/util/duration';
import type { ClockDriver } from './clock-driver';
import { sendJson, sendStatus } from './http-util';

/** Answers a /kubeplay/v1/... request; returns false when the path is not one of ours. */
export function handleKubeplay(method: string, path: string, query: Record<string, string>, driver: ClockDriver, res: ServerResponse): boolean {
  const route = path.replace(/\/+$/, '');
  const wrongMethod = (want: string): boolean => {
    if (method === want) return false;
    sendStatus(res, statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
    return true;
  };
  switch (route) {
    case '/kubeplay/v1/clock':
      if (!wrongMethod('GET')) sendJson(res, 200, driver.report());
      return true;
    case '/kubeplay/v1/advance': {
      if (wrongMethod('POST')) return true;
      const d = tryParseGoDuration(query.by ?? '');
      if (!d.ok || d.ms < 0) {
        sendStatus(res, statusFailure(400, 'BadRequest', `invalid duration "${query.by ?? ''}": want a non-negative Go duration such as 30s or 2m`));
        return true;
      }
      driver.advance(Math.round(d.ms));
      sendJson(res, 200, driver.report());
      return true;
    }
    case '/kubeplay/v1/speed': {
      if (wrongMethod('POST')) return true;
      const v = Number(query.value);
      if (query.value === undefined || query.value === '' || !Number.isFinite(v) || v < 0) {
        sendStatus(res, statusFailure(400, 'BadRequest', `invalid speed "${query.value ?? ''}": want a number >= 0`));
        return true;
      }
      driver.setSpeed(v);
      sendJson(res, 200, driver.report());
      return true;
    }
  }
  return false;
}
