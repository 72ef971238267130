// The workflow bundle's entry point: every workflow the worker runs.
export { claimWorkflow } from './claim/workflows';
export { claimPartWorkflow } from './claim/parts';
