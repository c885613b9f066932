import { decodeAppKey } from '../crypto/app-key.js';
import type { ConnectionReader } from '../params/params.js';
import { text } from '../params/text.js';

/** How to reach KTPay for this payment. */
export type Connection = {
  appId: string;
  testMode: boolean;
  apiUrl?: URL;
  widgetUrl?: URL;
  /** Every wait (crypto, request, answer body) ends after this. */
  timeoutMs: number;
} & (
  | {
      /** The merchant's public key: the order is sealed in the browser. */
      appKey: Uint8Array;
      sealUrl?: undefined;
    }
  | {
      /** The merchant's server seals the order (`seal-url`): no key and no libsodium in the page. */
      sealUrl: URL;
      appKey?: undefined;
    }
);

/**
 * KTPay's own parameters: `app-id`, and either `seal-url` (the merchant's server seals the order)
 * or `app-key` (the key the browser seals it to); `api-url`, `widget-url`.
 */
export const readKtpayConnection: ConnectionReader<Connection> = (fields, { testMode, timeoutMs }) => {
  const appId = fields.required('appId');
  // With `seal-url`, `app-key` is not read at all: the server holds what it stands for.
  const sealed = text(fields.input.sealUrl) !== undefined;
  const sealUrl = sealed ? fields.endpoint('sealUrl') : undefined;
  const appKeyText = sealed ? undefined : fields.required('appKey');
  const appKey = appKeyText === undefined ? null : decodeAppKey(appKeyText);
  if (appKeyText !== undefined && appKey === null) fields.problem('appKey', 'app-key');
  const apiUrl = fields.endpoint('apiUrl');
  const widgetUrl = fields.endpoint('widgetUrl');
  if (!appId || !timeoutMs || !(sealUrl || appKey)) return undefined;
  const connection: Connection = sealUrl ? { appId, sealUrl, testMode, timeoutMs } : { appId, appKey: appKey!, testMode, timeoutMs };
  if (apiUrl) connection.apiUrl = apiUrl;
  if (widgetUrl) connection.widgetUrl = widgetUrl;
  return connection;
};
