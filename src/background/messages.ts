// Messages the background answers. Kept as plain data so content scripts, the popup and
// tests can send them without importing any background code.

export const PING = 'selge/ping' as const;

export interface PingMessage {
  type: typeof PING;
}

export interface PingReply {
  ok: true;
  version: string;
}

export function isPingMessage(message: unknown): message is PingMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === PING
  );
}

/**
 * Answers a runtime message, or returns undefined when the message is not ours so other
 * listeners (and the browser) see that this one does not respond.
 */
export function answer(message: unknown, version: string): Promise<PingReply> | undefined {
  if (isPingMessage(message)) return Promise.resolve({ ok: true, version });
  return undefined;
}
