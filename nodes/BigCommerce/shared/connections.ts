import type { NodeConnectionType } from 'n8n-workflow';

/**
 * The `main` connection type as a literal, typed against n8n-workflow's own union. Why not
 * `NodeConnectionTypes.Main`: n8n installs community packages without their peer dependencies, so
 * this package runs with the host's n8n-workflow, and that constant exists only from n8n-workflow
 * 1.83 (n8n 1.85) on; on an older n8n it is undefined and the node fails to load. A type import
 * is erased at build, so the value below works on every n8n (test/compat checks the shipped code
 * against the oldest supported n8n-workflow).
 */
export const MAIN_CONNECTION = 'main' satisfies NodeConnectionType;
