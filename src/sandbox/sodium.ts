import type sodiumModule from 'libsodium-wrappers';

let started: Promise<typeof sodiumModule> | undefined;

/**
 * libsodium for the sandbox's handlers, loaded and started on the first request that needs it: a
 * page that never pays (most test pages, a story) never downloads nor compiles it.
 */
export function sandboxSodium(): Promise<typeof sodiumModule> {
  started ??= import('libsodium-wrappers').then(async ({ default: sodium }) => {
    await sodium.ready;
    return sodium;
  });
  return started;
}
