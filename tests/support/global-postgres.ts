import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';

/** vitest globalSetup for the PostgreSQL run: one cluster for the run, a database per test file. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
