export function rewriteDevUrl(url: string, options?: { worker?: boolean }): string | undefined;
