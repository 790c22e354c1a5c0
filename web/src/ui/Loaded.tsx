import type { ReactNode } from 'react';
import type { Resource } from '../app/use-resource';
import { LoadError, Loading } from './Loading';

/** Renders a resource's data once loaded; loading and failure look the same everywhere. */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.error) return <LoadError error={resource.error} retry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  return <>{children(resource.data)}</>;
}
