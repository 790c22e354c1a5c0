import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker (web/sw.js) in built apps, and tells the page when a new version
 * has been deployed and is waiting: the person chooses when to reload (UpdatePrompt).
 */
let waiting: ServiceWorker | null = null;
let reloading = false;
const listeners = new Set<() => void>();

function offer(worker: ServiceWorker | null) {
  // Only an update: the very first worker has nothing newer to offer.
  if (!worker || !navigator.serviceWorker.controller) return;
  waiting = worker;
  listeners.forEach((listener) => listener());
}

export function registerServiceWorker() {
  // The dev server has no /sw.js: registering there fails quietly, as it does in private modes.
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!waiting || reloading) return;
    reloading = true;
    location.reload();
  });
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then(
      (registration?: ServiceWorkerRegistration) => {
        // A browser that blocks workers may answer with no registration at all.
        if (!registration) return;
        offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed') offer(worker);
          });
        });
        // A tab left open for days still hears of a deploy.
        window.setInterval(() => void registration.update().catch(() => {}), 60 * 60 * 1000);
      },
      () => {},
    ); // no worker (private mode, blocked): the app works as before
  });
}

/** The waiting new version, if any. */
export const useWaitingVersion = () =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting,
  );

/** Lets the waiting version take over; the page reloads when it does. */
export const reloadToNewVersion = () => waiting?.postMessage({ type: 'skip-waiting' });
