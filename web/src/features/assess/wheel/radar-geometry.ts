// The geometry lives in common/ so the export's README draws the very same wheel on the server.
export * from '../../../../../common/radar-geometry';
