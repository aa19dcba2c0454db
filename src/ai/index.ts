/**
 * Motif's AI platform, environment-neutral part. Environment-specific pieces are imported
 * directly: `client/node.ts` (`createNodeAiClient`) and `worker/checkpoint-node.ts` in Node,
 * `client/browser.ts` (`createBrowserAiClient`) and `worker/checkpoint-browser.ts` in the browser.
 */
export { AiHost, type AiHostOptions, type AiReport, type CallRecord, type CallState, type CallStatus } from './client/host.ts';
export { AiClient, type ClientEndpoint } from './client/client.ts';
export { installAiTransformers, uninstallAiTransformers } from './transformers/install.ts';
export { bake, materialExpression, noteName } from './bake.ts';
export type { GeneratedMaterial, GeneratedNote } from './transformers/continuation.ts';
export { parseContinueOptions, type ContinueMode, type ContinueOptions } from './transformers/options.ts';
export { AiCallError } from './transformers/errors.ts';
export type { AiMethods, GenerateRequest, ModelInfo, ModelRef } from './protocol.ts';
