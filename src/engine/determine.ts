// Decides every requested service of a request, then explains the decision: the decision step
// (decide.ts) finds the topics, criterion statuses and leaf results; the explanation step
// (explain.ts) words them. Associated services (`for:`) follow their primary.
import type { NormalizedRequest } from '../request/normalize.js';
import type { RulePack } from '../rules/pack.js';
import { decide } from './decide.js';
import { explainDecision } from './explain.js';
import type { RequestResult } from './result.js';

export function determine(request: NormalizedRequest, pack: RulePack): RequestResult {
  return explainDecision(decide(request, pack));
}
