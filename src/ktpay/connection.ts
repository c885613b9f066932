import { decodeAppKey } from '../crypto/app-key.js';
import type { ConnectionReader } from '../params/params.js';

/** How to reach KTPay for this payment. */
export interface Connection {
  appId: string;
  appKey: Uint8Array;
  testMode: boolean;
  apiUrl?: URL;
  widgetUrl?: URL;
  /** Every wait (crypto, request, answer body) ends after this. */
  timeoutMs: number;
}

/** KTPay's own parameters: `app-id`, `app-key` (the key the order is sealed to), `api-url`, `widget-url`. */
export const readKtpayConnection: ConnectionReader<Connection> = (fields, { testMode, timeoutMs }) => {
  const appId = fields.required('appId');
  const appKeyText = fields.required('appKey');
  const appKey = appKeyText === undefined ? null : decodeAppKey(appKeyText);
  if (appKeyText !== undefined && appKey === null) fields.problem('appKey', 'app-key');
  const apiUrl = fields.endpoint('apiUrl');
  const widgetUrl = fields.endpoint('widgetUrl');
  if (!appId || !appKey || !timeoutMs) return undefined;
  const connection: Connection = { appId, appKey, testMode, timeoutMs };
  if (apiUrl) connection.apiUrl = apiUrl;
  if (widgetUrl) connection.widgetUrl = widgetUrl;
  return connection;
};
