/**
 * The schedule as XMLTV (the format TV guides and media centres read: xmltv.dtd), written
 * with fast-xml-parser's builder, which escapes every text and attribute. Channels first,
 * then programmes, each programme's times with the channel zone's offset in force
 * ('20261130090000 -0400').
 */
import { XMLBuilder } from 'fast-xml-parser';
import { xmltvTime } from '../../core/schedule.js';
import type { XmltvChannel } from '../../services/live.js';

export interface XmltvOptions {
  origin: string;
  siteName: string;
}

/** Characters XML 1.0 does not allow, whatever the escaping. */
const clean = (text: string): string =>
  [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && code !== 0xfffe && code !== 0xffff;
    })
    .join('');

/** An XMLTV channel id in the RFC 2838 style the DTD suggests: `<slug>.<host>`. */
export const xmltvChannelId = (slug: string, origin: string): string => `${slug}.${new URL(origin).hostname}`;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });

export function renderXmltv(channels: readonly XmltvChannel[], o: XmltvOptions): string {
  const tv = {
    '@_source-info-url': `${o.origin}/schedule.xml`,
    '@_source-info-name': clean(o.siteName),
    '@_generator-info-name': 'Newsdesk',
    channel: channels.map((c) => ({
      '@_id': xmltvChannelId(c.channel.slug, o.origin),
      'display-name': { '@_lang': c.channel.language, '#text': clean(c.channel.name) },
      url: c.url,
    })),
    programme: channels.flatMap((c) =>
      c.airings.map((a) => ({
        '@_start': xmltvTime(a.startsAt, c.channel.timeZone),
        '@_stop': xmltvTime(a.endsAt, c.channel.timeZone),
        '@_channel': xmltvChannelId(c.channel.slug, o.origin),
        title: { '@_lang': c.channel.language, '#text': clean(a.programme.title) },
        ...(a.programme.description ? { desc: { '@_lang': c.channel.language, '#text': clean(a.programme.description) } } : {}),
        language: c.channel.language,
        url: `${o.origin}${a.url}`,
      })),
    ),
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tv SYSTEM "xmltv.dtd">\n${builder.build({ tv })}`;
}
