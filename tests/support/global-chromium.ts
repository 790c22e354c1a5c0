import type { TestProject } from 'vitest/node';
import { chromium, chromiumOptions } from './chromium.js';

/**
 * vitest globalSetup for the browser run: one Chromium for the run (a launch costs about a
 * second); every test file connects to it and each person gets a fresh context of their own.
 */
export default async function setup(project: TestProject) {
  const server = await chromium.launchServer(chromiumOptions);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}
