import type { TestProject } from 'vitest/node';
import { makeSqliteTemplate } from './template-database.js';

/** vitest globalSetup for the SQLite runs: one migrated template file, copied for every test database. */
export default async function setup(project: TestProject) {
  const template = await makeSqliteTemplate();
  project.provide('sqliteTemplate', template.path);
  return () => template.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
  }
}
