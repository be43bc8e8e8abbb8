import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { sendHtml } from '../http/compress.js';

/** A full HTML document from a page component. Preact escapes every text and attribute. */
export const renderDocument = (page: VNode): string => `<!DOCTYPE html>${renderToString(page)}`;

/** A piece of a page (a comment for the live island), escaped the same way. */
export const renderFragment = (node: VNode): string => renderToString(node);

/** A page for one visitor (comments, accounts): never stored by the browser or a CDN. */
export function sendPrivatePage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return sendHtml(reply.code(status).header('cache-control', 'private, no-store'), renderDocument(page));
}
