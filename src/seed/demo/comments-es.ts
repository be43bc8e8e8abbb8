/**
 * Demo reader comments for the Spanish edition (original text): short threads on three
 * Spanish stories, with replies and an Editor's pick. The readers are the demo readers of
 * ./comments.ts. The Spanish version of the seed story keeps its empty state: "0 comentarios".
 */
import type { DemoComment } from './comments.js';

export const spanishDemoComments: DemoComment[] = [
  {
    article: 'es-opinion-migracion-cumbres',
    reader: 'ines',
    body: 'Soy venezolana y vivo en Quito desde hace cinco años. Lo del documento que dura un año es exactamente así: **cada renovación son días de trabajo perdidos** y trámites que hay que pagar. Gracias por contarlo sin lástima.',
    hoursAgo: 40,
    featured: true,
    likes: 17,
  },
  {
    article: 'es-opinion-migracion-cumbres',
    reader: 'tomasz',
    body: '¿Alguien sabe si hay cifras de cuánto cuesta, en promedio, regularizar a una persona? Serviría para comparar con lo que se promete en las cumbres.',
    hoursAgo: 36,
    likes: 4,
  },
  {
    article: 'es-opinion-migracion-cumbres',
    reader: 'lucia',
    body: 'Depende mucho del país y de si el trámite es en línea o presencial. Por experiencia, lo más caro no es la tasa sino los días sin trabajar y los viajes a la oficina.',
    hoursAgo: 34,
    replyTo: 1,
    likes: 6,
  },
  {
    article: 'es-explicador-tapon-del-darien',
    reader: 'kwame',
    body: 'Muy clara la explicación. No sabía que tanta gente llega en avión a Sudamérica para después cruzar a pie. Un mapa de la ruta habría ayudado.',
    hoursAgo: 50,
    likes: 3,
  },
  {
    article: 'es-explicador-tapon-del-darien',
    reader: 'harbour',
    body: 'Estuve un tiempo de voluntario en Necoclí. Lo de los ríos crecidos es lo que más miedo da: la gente no se imagina la fuerza de la corriente hasta que está adentro.',
    hoursAgo: 45,
    likes: 8,
  },
  {
    article: 'es-explicador-tapon-del-darien',
    reader: 'ines',
    body: 'Gracias por compartirlo. ¿Las organizaciones de allá reciben donaciones de particulares o solo trabajan con fondos de agencias?',
    hoursAgo: 44,
    replyTo: 4,
    likes: 2,
  },
  {
    article: 'es-riobamba-ascenso-futbol',
    reader: 'tomasz',
    body: '¡Qué alegría! Vi al Cóndor un par de veces cuando todavía jugaban en la cancha del barrio. Que un equipo así llegue a la Serie B es lo mejor que le ha pasado al fútbol de la Sierra en mucho tiempo.',
    hoursAgo: 30,
    likes: 12,
  },
  {
    article: 'es-riobamba-ascenso-futbol',
    reader: 'lucia',
    body: 'Ojalá consigan los patrocinios. Muchos clubes suben con entusiasmo y a los dos años desaparecen por las deudas.',
    hoursAgo: 25,
    likes: 5,
  },
];
