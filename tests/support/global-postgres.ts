import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.js';
import { makePostgresTemplate } from './template-database.js';

/** vitest globalSetup for the PostgreSQL run: one cluster and one migrated template for the run, a database per test app. */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const cluster = external ? null : await startPostgresCluster();
  const url = external ?? cluster!.url;
  const template = await makePostgresTemplate(url);
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template.name);
  return async () => {
    if (cluster) cluster.stop();
    else await template.remove();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresTemplate: string;
  }
}
