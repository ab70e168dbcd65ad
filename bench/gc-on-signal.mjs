// Preloaded into the router by the subscription benchmark (with --expose-gc): a full collection on
// SIGUSR2, so that memory is read at rest rather than wherever the collector happened to be.
process.on('SIGUSR2', () => globalThis.gc?.());
