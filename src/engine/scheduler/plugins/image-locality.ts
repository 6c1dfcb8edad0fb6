// ImageLocality (plugins/imagelocality): favours nodes that already have the pod's images, scaled
// by how widely each image is spread so one node with the image does not attract every pod.

import type { CycleState, ScorePlugin } from '../types';
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE } from '../types';

/** MAX_NODE_SCORE read once (a getter call per use under the benchmarks' CommonJS transform). */
const MAX_SCORE = MAX_NODE_SCORE;

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * calculatePriority: the summed image score clamped to [23MB, 1000MB * containers] and mapped to
 * 0..100. Example: one container, a 500MB image on 2 of 4 nodes -> 250MB ->
 * 100 * (250-23) / (1000-23) = 23.
 */
export function imagePriority(sumScores: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), max);
  return Math.trunc((MAX_SCORE * (s - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(state, node) {
    const out = new Float64Array(1);
    scoreImages(state, [node], out);
    return out[0];
  },
  scoreAll: scoreImages,
};

function scoreImages(state: CycleState, nodes: readonly NodeInfo[], out: Float64Array): void {
  const spread = imageSpread(state);
  for (let i = 0; i < nodes.length; i++) out[i] = nodeImageScore(state.pod.images, spread, state.pod.numContainers, nodes[i]);
}

/**
 * scaledImageScore's spread factor per image of the pod (nodes with the image / all nodes): the
 * same for every node, so computed once per attempt.
 */
export function imageSpread(state: CycleState): number[] {
  const total = state.cache.numNodes;
  return state.pod.images.map((img) => (state.cache.imageNodes.get(img) ?? 0) / total);
}

/** ImageLocality's score of one node, given `imageSpread`. */
export function nodeImageScore(images: readonly string[], spread: readonly number[], numContainers: number, node: NodeInfo): number {
  if (numContainers === 0) return 0;
  const have = node.images;
  if (have.size === 0) return imagePriority(0, numContainers);
  let sum = 0;
  for (let j = 0; j < images.length; j++) {
    const size = have.get(images[j]);
    // scaledImageScore: size * spread, truncated to an integer.
    if (size !== undefined) sum += Math.trunc(size * spread[j]);
  }
  return imagePriority(sum, numContainers);
}
