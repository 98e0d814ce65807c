/**
 * The aem-ioevents library: the same functions the CLI calls.
 */
export * from './errors.ts';
export * from './config/index.ts';
export * from './ims/index.ts';
export * from './inspect/index.ts';
