/**
 * Demo live TV: an English and a Spanish channel (America/Caracas) with a week-round
 * schedule, so something is always on: overnight rolling news, bulletins on the hour through
 * the morning with a magazine on the half hour, a midday show, rolling news through the
 * afternoon, an evening flagship (a long interview on Sundays), rolling news to midnight.
 *
 * Both channels point at the demo stream `newsdesk serve` makes with ffmpeg when it is
 * installed (src/live/demo-stream.ts, served same-origin under /live-demo/). Replace them in
 * /admin/live with the channel's real HLS master playlist; the newsroom checks it on save.
 * Without ffmpeg the live page shows the player and the schedule, and the player reports that
 * the stream is unavailable.
 */
import { DEMO_AUDIO_URL, DEMO_MASTER_URL } from '../live/demo-stream.js';
import type { Kysely } from 'kysely';
import type { Language } from '../core/articles.js';
import { EVERY_DAY, weekdayMask } from '../core/schedule.js';
import { slugify } from '../core/slugs.js';
import { LiveRepository } from '../storage/repositories/live.js';
import type { Database } from '../storage/schema.js';


interface DemoProgramme {
  title: string;
  description: string;
  /** [start 'HH:MM', minutes, weekdays mask] */
  slots: Array<[string, number, number]>;
}

interface DemoChannel {
  name: string;
  language: Language;
  description: string;
  programmes: DemoProgramme[];
}

const MON_SAT = weekdayMask([1, 2, 3, 4, 5, 6]);
const SUNDAY = weekdayMask([7]);
const onTheHour = (hours: number[], minutes: number): Array<[string, number, number]> => hours.map((h) => [`${String(h).padStart(2, '0')}:00`, minutes, EVERY_DAY]);
const onTheHalfHour = (hours: number[], minutes: number): Array<[string, number, number]> => hours.map((h) => [`${String(h).padStart(2, '0')}:30`, minutes, EVERY_DAY]);

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    name: 'Newsdesk TV',
    language: 'en',
    description: 'Round-the-clock news from the Newsdesk Network: bulletins, live coverage and interviews from our correspondents around the world.',
    programmes: [
      {
        title: 'Overnight News',
        description: 'Rolling news through the night: the latest headlines every half hour, with reports from the regions where the day is already under way.',
        slots: [['00:00', 360, EVERY_DAY]],
      },
      {
        title: 'The Hour',
        description: 'Thirty minutes on the top of the hour with the stories that matter this morning, the markets and the weather.',
        slots: onTheHour([6, 7, 8, 9], 30),
      },
      {
        title: 'Morning Desk',
        description: 'The morning conversation: the papers, a guest on the story of the day, and what our reporters are following before the desk sits down.',
        slots: onTheHalfHour([6, 7, 8, 9], 30),
      },
      {
        title: 'Newsdesk Live',
        description: 'Live coverage as news breaks, with correspondents in the field, press conferences in full and analysis from the desk.',
        slots: [
          ['10:00', 120, EVERY_DAY],
          ['13:00', 360, EVERY_DAY],
          ['20:00', 240, EVERY_DAY],
        ],
      },
      {
        title: 'Midday',
        description: 'An hour at the middle of the day: the news so far, one story explained in depth, and the questions readers sent in.',
        slots: [['12:00', 60, EVERY_DAY]],
      },
      {
        title: 'Newsdesk Tonight',
        description: 'The evening flagship: the day’s defining stories, reported and weighed, with the people who shaped them.',
        slots: [['19:00', 60, MON_SAT]],
      },
      {
        title: 'The Sunday Interview',
        description: 'One guest, one hour, no soundbites: a long conversation with someone at the centre of the week’s events.',
        slots: [['19:00', 60, SUNDAY]],
      },
    ],
  },
  {
    name: 'Newsdesk TV en español',
    language: 'es',
    description: 'Noticias las 24 horas de la red Newsdesk: boletines, cobertura en directo y entrevistas con nuestros corresponsales en todo el mundo.',
    programmes: [
      {
        title: 'Noticias de madrugada',
        description: 'Noticias continuas durante la noche: titulares cada media hora y crónicas de las regiones donde el día ya ha empezado.',
        slots: [['00:00', 360, EVERY_DAY]],
      },
      {
        title: 'Titulares',
        description: 'Media hora a cada hora en punto con las noticias de la mañana, los mercados y el tiempo.',
        slots: onTheHour([6, 7, 8, 9], 30),
      },
      {
        title: 'Buenos días, Newsdesk',
        description: 'La tertulia de la mañana: la prensa del día, un invitado sobre la noticia principal y lo que siguen nuestros periodistas.',
        slots: onTheHalfHour([6, 7, 8, 9], 30),
      },
      {
        title: 'Newsdesk en directo',
        description: 'Cobertura en directo de la actualidad, con corresponsales sobre el terreno, ruedas de prensa completas y análisis de la redacción.',
        slots: [
          ['10:00', 120, EVERY_DAY],
          ['13:00', 360, EVERY_DAY],
          ['20:00', 240, EVERY_DAY],
        ],
      },
      {
        title: 'Mediodía',
        description: 'Una hora a mitad del día: lo que ha pasado hasta ahora, una noticia explicada a fondo y las preguntas de nuestros lectores.',
        slots: [['12:00', 60, EVERY_DAY]],
      },
      {
        title: 'La Noche',
        description: 'El informativo de la noche: las noticias que marcaron el día, contadas y analizadas con sus protagonistas.',
        slots: [['19:00', 60, MON_SAT]],
      },
      {
        title: 'La entrevista del domingo',
        description: 'Un invitado, una hora, sin frases hechas: una conversación larga con alguien en el centro de la actualidad de la semana.',
        slots: [['19:00', 60, SUNDAY]],
      },
    ],
  },
];

/**
 * Seeds the demo channels, programmes and weekly schedule, unless a channel already exists.
 * Takes the seeder's transaction or the database itself.
 */
export async function seedDemoLive(db: Kysely<Database>, now: Date): Promise<{ channels: number; programmes: number }> {
  const repo = new LiveRepository(db);
  if ((await repo.channels()).length > 0) return { channels: 0, programmes: 0 };
  let programmes = 0;
  for (const c of DEMO_CHANNELS) {
    const channel = await repo.insertChannel(
      {
        slug: slugify(c.name),
        name: c.name,
        language: c.language,
        // Both channels show the one demo stream `newsdesk serve` makes with ffmpeg.
        masterUrl: DEMO_MASTER_URL,
        audioUrl: DEMO_AUDIO_URL,
        posterMediaId: null,
        timeZone: 'America/Caracas',
        description: c.description,
      },
      await repo.nextChannelPosition(c.language),
      now,
    );
    for (const p of c.programmes) {
      const programme = await repo.insertProgramme(channel.id, { slug: slugify(p.title), title: p.title, description: p.description, artworkMediaId: null }, now);
      programmes++;
      for (const [start, durationMinutes, weekdays] of p.slots) {
        await repo.insertSlot({ programmeId: programme.id, weekdays, start, durationMinutes, validFrom: null, validUntil: null }, now);
      }
    }
  }
  return { channels: DEMO_CHANNELS.length, programmes };
}
