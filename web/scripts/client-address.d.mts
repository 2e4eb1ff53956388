// Types of client-address.mjs, for the BFF and its tests (the script itself is plain JavaScript for Node).
import type { IncomingMessage } from 'node:http';
import type { BlockList } from 'node:net';

export declare const CLIENT_ADDRESS_HEADER: 'x-contexor-client-address';
export declare const CLIENT_ADDRESS_RECORDED: 'CONTEXOR_CLIENT_ADDRESS_RECORDED';
export declare function normaliseAddress(value: unknown): string | undefined;
export declare function parseTrustProxy(value: string | undefined): BlockList | null;
export declare function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string | undefined;
export declare function recordClientAddress(req: Pick<IncomingMessage, 'headers'> & { socket?: { remoteAddress?: string } }, trusted: BlockList | null): void;
