/**
 * The Spanish edition's demo newsroom: its section tree and fourteen stories.
 *
 * Seven stories are Spanish versions of English demo stories (`translationOf` names the
 * original); they keep its facts, people and structure but are written as Spanish
 * journalism, not translated line by line. The other seven exist only in Spanish.
 * Everything here is original, invented demo copy: the events, the people and their
 * quotes are fictional. Real countries, cities and institutions appear only as setting.
 */
import type { DemoArticleEs, DemoSectionPathEs } from './types.js';

const CREDIT = 'Ilustración: Newsdesk Gráficos';

/** The Spanish section tree, in display order (parents before children). */
export const spanishSections: { path: DemoSectionPathEs; name: string; description: string }[] = [
  { path: 'noticias', name: 'Noticias', description: 'Noticias de última hora y temas en desarrollo de todo el mundo.' },
  { path: 'noticias/america-latina', name: 'América Latina', description: 'Política, economía y sociedad, de México a la Patagonia.' },
  { path: 'noticias/america-latina/venezuela', name: 'Venezuela', description: 'Elecciones, petróleo y migración: Venezuela en profundidad.' },
  { path: 'noticias/oriente-medio-africa', name: 'Oriente Medio y África', description: 'Cobertura desde el norte de África, el Sahel, el Cuerno de África y el Golfo.' },
  { path: 'noticias/oriente-medio-africa/libia', name: 'Libia', description: 'Negociaciones de alto el fuego, petróleo y vida cotidiana en Libia.' },
  { path: 'noticias/europa', name: 'Europa', description: 'La Unión Europea, sus vecinos y sus fronteras.' },
  { path: 'economia', name: 'Economía', description: 'Mercados, comercio y las empresas que los mueven.' },
  { path: 'clima', name: 'Clima', description: 'Un clima que cambia y las personas que aprenden a adaptarse a él.' },
  { path: 'deportes', name: 'Deportes', description: 'Fútbol, atletismo y el negocio del deporte en la región y el mundo.' },
  { path: 'opinion', name: 'Opinión', description: 'Argumentos y columnas de nuestros periodistas y colaboradores invitados.' },
  { path: 'analisis', name: 'Análisis', description: 'El trasfondo de la noticia, contado y explicado a fondo.' },
];

export const spanishArticles: DemoArticleEs[] = [
  // ──────────────────────────── noticias ────────────────────────────
  {
    key: 'es-onu-llamamiento-humanitario-deficit',
    translationOf: 'n-un-humanitarian-appeal-shortfall',
    headline: 'El llamamiento humanitario de la ONU apenas alcanza un tercio de su meta ante la cautela de los donantes',
    seoHeadline: 'El llamamiento de ayuda de la ONU, financiado solo en un tercio',
    standfirst:
      'Las agencias humanitarias advierten que recortarán raciones y cerrarán clínicas móviles en varias crisis si no llegan nuevos aportes antes de que termine el trimestre.',
    label: 'news',
    section: 'noticias',
    authors: ['hannah-okafor'],
    tags: ['Naciones Unidas', 'Ayuda humanitaria', 'Economía'],
    publishedHoursAgo: 3,
    lead: {
      motif: 'chart',
      hue: 210,
      alt: 'Ilustración de un gráfico de barras azules de altura decreciente sobre un fondo claro',
      caption: 'Los compromisos con el llamamiento coordinado cayeron por tercer año consecutivo, según cifras de la ONU.',
      credit: CREDIT,
    },
    body: [
      'El llamamiento humanitario coordinado de las Naciones Unidas ha recibido apenas el 34 % de los fondos solicitados este año, lo que obliga a las agencias a decidir qué programas recortar primero, según informaron funcionarios a los Estados miembros el miércoles en una reunión a puerta cerrada en Ginebra. Los mayores rezagos se registran en África Oriental y el Sahel, donde la **asistencia alimentaria** concentra la mayor parte del gasto; varios donantes importantes todavía no confirman sus aportes, alegando revisiones presupuestarias internas, y algunos han redirigido recursos hacia programas que gestionan directamente.',
      { h: 'Primero, las raciones' },
      'Todo indica que las raciones de alimentos serán lo primero en recortarse. En asentamientos donde las familias ya reciben menos calorías diarias de las recomendadas, una nueva reducción llevaría a más niños pequeños a la desnutrición aguda, advirtió Maren Koelsch, coordinadora de la oficina humanitaria de la ONU. Según un resumen al que tuvo acceso Newsdesk, las agencias ya comenzaron a aplicar estas medidas:',
      {
        list: [
          'Reducir a la mitad las transferencias mensuales de efectivo en dos grandes asentamientos de refugiados',
          'Suspender las clínicas móviles en distritos remotos que no cuentan con un centro de salud permanente',
          'Postergar el envío anticipado de alimentos y kits de refugio antes de la temporada de lluvias',
          'Congelar la contratación de personal local para el tamizaje nutricional',
        ],
      },
      {
        quote:
          'Ya no estamos eligiendo entre lo bueno y lo mejor. Estamos eligiendo a qué familias les vamos a decir que vuelvan el mes que viene.',
        by: 'Maren Koelsch, oficina de coordinación humanitaria de la ONU',
      },
      { h: 'Donantes bajo presión' },
      'Diplomáticos de dos gobiernos europeos afirmaron en privado que piensan cumplir los compromisos asumidos, aunque todavía no pueden precisar cuándo se liberará el dinero. El representante de un donante del Golfo explicó en la reunión que los nuevos fondos se canalizarán cada vez más a través de programas bilaterales y no de los fondos comunes de la ONU, una tendencia que, según las agencias, dificulta mover recursos con rapidez cuando una crisis se agrava.',
      'Las organizaciones ajenas al sistema de la ONU advirtieron que el déficit no se quedará en el papel. “Cuando las grandes agencias recortan, las filas llegan a nosotros, y tenemos todavía menos margen para atenderlas”, dijo Tobias Ferencz, quien dirige una coalición de ONG que trabaja en el Cuerno de África. Los documentos del llamamiento están disponibles en el [sitio web de las Naciones Unidas](https://www.un.org/). Las agencias presentarán cifras revisadas a los Estados miembros dentro de seis semanas, cuando prevén precisar *qué* operaciones se reducirán aún más si la financiación no mejora.',
      { related: 'es-sudan-corredor-humanitario' },
    ],
  },

  // ───────────────────────── américa latina ─────────────────────────
  {
    key: 'es-colombia-dialogos-cauca',
    translationOf: 'n-colombia-cauca-talks',
    headline: 'Colombia y una facción disidente acuerdan retomar los diálogos tras meses de estancamiento',
    standfirst:
      'Los negociadores afirman que la próxima ronda se centrará en un cese al fuego local en el Cauca, el departamento del suroccidente donde las comunidades han sufrido lo peor de los combates recientes.',
    label: 'news',
    section: 'noticias/america-latina',
    authors: ['lucia-ferreyra', 'tomas-quispe'],
    tags: ['Diálogos de paz', 'Alto el fuego', 'Derechos humanos', 'Colombia'],
    publishedHoursAgo: 19.5,
    lead: {
      motif: 'hills',
      hue: 110,
      alt: 'Ilustración de colinas onduladas que se pierden en un horizonte brumoso',
      caption: 'Las montañas del Cauca, donde los diálogos buscan un cese local de las hostilidades.',
      credit: CREDIT,
    },
    body: [
      'El Gobierno de Colombia y una facción armada disidente conocida como Bloque Occidental acordaron volver a la mesa de negociación el próximo mes, tras una pausa de casi cinco meses, según un comunicado conjunto divulgado el sábado. La nueva ronda se concentrará en un **cese al fuego localizado** en zonas del Cauca, donde comunidades indígenas y afrocolombianas han denunciado el reclutamiento forzado de menores, minas en caminos veredales y el desplazamiento de cientos de familias.',
      { h: 'Metas más modestas' },
      'Las rondas anteriores naufragaron en la discusión sobre el alcance de una tregua nacional. Esta vez, según funcionarios, el objetivo es más acotado: un cese de hostilidades en municipios específicos, verificado por un equipo que incluya a representantes de la Iglesia y a líderes comunitarios.',
      {
        quote:
          'Aprendimos que prometerlo todo de una vez no produce nada. Preferimos asegurar diez veredas en calma antes que anunciar una paz nacional en la que nadie cree.',
        by: 'Camila Restrepo Osorio, negociadora del Gobierno',
      },
      'Un representante de la facción, que se identificó solo como comandante Julián, aseguró en un mensaje grabado que el grupo está dispuesto a discutir el retiro de explosivos de los caminos si el Ejército suspende sus operaciones en esas mismas zonas.',
      { h: 'Las comunidades piden un lugar en la mesa' },
      'Líderes de la Guardia Indígena del norte del Cauca celebraron la reanudación, aunque recordaron que ya han escuchado promesas parecidas, y reclaman un papel formal en la verificación de cualquier tregua. “Cada vez que hay un cese al fuego en el papel, igual alguien llega a nuestras escuelas a buscar muchachos”, dijo Aurelio Pechené, integrante de un consejo indígena regional. “Si no participamos en la verificación, va a ser la misma historia”.',
      'Organizaciones de derechos humanos han documentado un aumento de los asesinatos de líderes sociales en la región durante el último año, y el Gobierno sostiene que cualquier acuerdo deberá incluir garantías para ellos y para los excombatientes que ya dejaron las armas. Se prevé que los diálogos se celebren en un país vecino, con Noruega y varios gobiernos latinoamericanos como garantes, igual que en rondas anteriores.',
      { related: 'es-libia-alto-el-fuego-tripoli' },
    ],
  },
  {
    key: 'es-bogota-recicladores-entrevista',
    headline: '“Sin nosotros, en Bogotá casi nada se recicla”: habla una líder de los recicladores de oficio',
    seoHeadline: 'Entrevista: una líder de los recicladores de Bogotá',
    standfirst:
      'Marleny Cuesta recorre las calles de Bogotá con su carreta desde hace 22 años y hoy encabeza una asociación que negocia con la alcaldía cómo se paga cada tonelada de material recuperado.',
    label: 'interview',
    section: 'noticias/america-latina',
    authors: ['lucia-ferreyra'],
    tags: ['Bogotá', 'Reciclaje', 'Empleo', 'Colombia'],
    publishedHoursAgo: 30,
    lead: {
      motif: 'city',
      hue: 200,
      alt: 'Ilustración de la silueta de una ciudad con edificios oscuros y ventanas iluminadas contra un cielo azul',
      caption: 'Bogotá produce miles de toneladas de residuos al día; una parte vuelve a la industria gracias a los recicladores de oficio.',
      credit: CREDIT,
    },
    body: [
      'Marleny Cuesta empezó a reciclar a los 19 años, empujando una carreta de madera por los barrios del norte de Bogotá. Hoy preside la Asociación Manos que Recuperan, que agrupa a unos 300 recicladores de Suba y Engativá y administra una bodega donde se clasifican cartón, vidrio y plástico. La entrevista fue editada por extensión y claridad.',
      { h: 'Un oficio que sostiene la ciudad' },
      '**¿Qué es lo que la mayoría de la gente no sabe de su trabajo?** “Que sin nosotros casi nada se recicla. La gente separa la botella en su casa y cree que se la lleva alguien de la empresa de aseo. No: casi siempre es una compañera con su carreta, a las cinco de la mañana, antes de que pase el camión de la basura”.',
      '**¿Qué están negociando con la alcaldía?** “Que se nos pague de manera justa por cada tonelada que dejamos de mandar al relleno sanitario, y que el pago llegue a tiempo. Hay meses en que la plata se demora tanto que las compañeras terminan vendiéndole el material al primer intermediario que aparezca, al precio que sea”.',
      {
        pull: 'Cada botella que usted separa en su casa pasa por las manos de alguien. Queremos que esa persona pueda vivir de su trabajo.',
        by: 'Marleny Cuesta',
      },
      { h: 'Lo que viene' },
      '**¿Cómo ha cambiado el oficio?** “Antes éramos invisibles. Ahora muchas asociaciones tienen bodega, báscula y registro de cada kilo. Los jóvenes llegan con el celular y saben cuánto pagan por el cartón en cada lado. Lo que no ha cambiado es el cansancio, ni la lluvia”.',
      '**¿Qué les pediría a los bogotanos?** “Tres cosas: que separen bien, que nos saluden y que no nos miren como si estuviéramos robándonos la basura. Ese material también es trabajo”.',
    ],
  },
  {
    key: 'es-explicador-tapon-del-darien',
    headline: '¿Qué es el Tapón del Darién y por qué sigue siendo una de las rutas migratorias más peligrosas?',
    seoHeadline: 'El Tapón del Darién, explicado',
    standfirst:
      'La franja de selva entre Colombia y Panamá no tiene carreteras, pero la atraviesan personas de decenas de países: cómo funciona la ruta y qué riesgos enfrenta quien la recorre.',
    label: 'explainer',
    section: 'noticias/america-latina',
    authors: ['lucia-ferreyra'],
    tags: ['Migración', 'Panamá', 'Colombia', 'Derechos humanos'],
    publishedHoursAgo: 64,
    lead: {
      motif: 'forest',
      hue: 50,
      alt: 'Ilustración de colinas cubiertas de selva verde con árboles oscuros bajo un cielo dorado',
      caption: 'La selva del Darién, el tramo donde se interrumpe la carretera Panamericana.',
      credit: CREDIT,
    },
    body: [
      'El Tapón del Darién es una extensa zona de selva, ríos y serranías en la frontera entre Colombia y Panamá. Es el único tramo en el que se interrumpe la carretera Panamericana, que por lo demás permite viajar por tierra desde Alaska hasta el sur de Chile. Durante décadas fue una zona escasamente poblada, hogar sobre todo de comunidades indígenas y afrodescendientes; en los últimos años se convirtió en un corredor para miles de personas que intentan llegar a pie a Centroamérica, México y Estados Unidos.',
      { h: '¿Quiénes lo cruzan?' },
      'En los últimos años, la mayor parte de quienes atraviesan la selva han sido venezolanos, pero también la recorren ecuatorianos, haitianos, colombianos y personas de países de Asia y África que llegan a Sudamérica en avión y siguen por tierra. Cada vez es más común ver familias completas, con niños pequeños e incluso bebés.',
      { h: 'Los principales riesgos' },
      'Las organizaciones humanitarias que atienden a los migrantes a la salida de la selva coinciden en señalar estos peligros:',
      {
        list: [
          '**Ríos crecidos** que arrastran a quienes intentan cruzarlos, sobre todo en temporada de lluvias',
          'Caídas y lesiones en senderos empinados, embarrados y resbaladizos',
          'Robos y agresiones, incluida la violencia sexual, a manos de bandas que operan en la ruta',
          'Deshidratación, infecciones y agotamiento después de varios días de caminata',
        ],
      },
      {
        quote:
          'La selva no distingue entre un atleta y una abuela. Lo que decide si alguien sale bien es el clima de esa semana y con quién se cruza en el camino.',
        by: 'Rebeca Ospina, coordinadora de una organización de asistencia a migrantes en Necoclí',
      },
      'Los gobiernos de la región han ensayado respuestas muy distintas, desde campañas para desalentar el viaje hasta estaciones de recepción del lado panameño. Aun así, el número de personas que se arriesga a cruzar cambia mucho de un año a otro, según la situación en los países de origen y las políticas migratorias de los países de destino.',
      { related: 'es-opinion-migracion-cumbres' },
    ],
  },

  // ─────────────────────────── venezuela ───────────────────────────
  {
    key: 'es-venezuela-calendario-electoral',
    translationOf: 'n-venezuela-electoral-timetable',
    headline: 'El CNE de Venezuela fija la fecha de las elecciones regionales y la oposición exige garantías',
    seoHeadline: 'Venezuela ya tiene fecha para las elecciones regionales',
    standfirst:
      'El Consejo Nacional Electoral publicó un cronograma que da seis semanas para inscribir candidaturas, mientras la oposición condiciona su participación a que se confirmen los observadores.',
    label: 'news',
    section: 'noticias/america-latina/venezuela',
    authors: ['lucia-ferreyra'],
    tags: ['Elecciones', 'Derechos humanos', 'Venezuela'],
    publishedHoursAgo: 4.5,
    updatedHoursAgo: 2,
    lead: {
      motif: 'chamber',
      hue: 350,
      alt: 'Ilustración de hileras semicirculares de escaños parlamentarios en tonos rojo oscuro',
      caption: 'En la votación se renovarán los consejos legislativos de los estados venezolanos.',
      credit: CREDIT,
    },
    body: [
      'El Consejo Nacional Electoral (CNE) de Venezuela anunció este martes la fecha de las elecciones de gobernadores y legisladores regionales, con un cronograma que los partidos de oposición calificaron de ajustado, aunque viable si se garantiza una observación independiente.',
      'Al presentar el calendario en Caracas, el rector Armando Villegas Pérez informó que los comicios se celebrarán un domingo del primer semestre del próximo año y que la auditoría de las máquinas de votación estará abierta a todos los partidos inscritos.',
      {
        quote: 'Todo partido que cumpla los requisitos legales podrá inscribirse, auditar y observar. El cronograma es público y será respetado.',
        by: 'Armando Villegas Pérez, rector del Consejo Nacional Electoral',
      },
      { h: 'Las fechas clave' },
      {
        list: [
          'Inscripción y actualización de datos en el registro electoral durante cinco semanas, también en los consulados',
          'Postulación de candidaturas durante seis semanas, a partir del próximo mes',
          'Auditorías técnicas de las máquinas y del software de votación en el mes previo a la elección',
          'Una campaña electoral oficial de tres semanas',
        ],
        ordered: true,
      },
      { h: 'La oposición, a la expectativa' },
      'Una coalición de partidos opositores celebró la publicación del cronograma, pero advirtió que no se comprometerá a participar hasta saber qué observadores internacionales serán acreditados y si se permitirá la postulación de los candidatos inhabilitados. “Una fecha no es una garantía”, afirmó Daniela Urbina, vocera de la coalición. “Queremos ver las credenciales de los observadores, el registro electoral completo y una respuesta clara para los millones de venezolanos que están en el exterior y no tienen cómo inscribirse”.',
      'Organizaciones de migrantes calculan que varios millones de electores viven hoy fuera del país, pero solo una pequeña parte figura inscrita en los consulados; el CNE dijo que estudiará ampliar los horarios de inscripción en ciudades con grandes comunidades venezolanas. Según analistas, tanto el Gobierno como sus adversarios tienen motivos para querer una elección creíble, entre ellos la posibilidad de que se flexibilicen las sanciones económicas que pesan sobre la industria petrolera. Varios gobiernos extranjeros han dicho que juzgarán el proceso por las condiciones del día de la votación y no solo por el calendario.',
      { related: 'es-venezuela-cacao-barlovento' },
    ],
  },
  {
    key: 'es-venezuela-cacao-barlovento',
    headline: 'En Barlovento, los cacaoteros reviven sus haciendas con la mirada puesta en Europa',
    standfirst:
      'Una cooperativa de pequeños productores del estado Miranda concretó su primera exportación directa en una década, aunque la falta de transporte y de crédito sigue frenando a muchos de sus vecinos.',
    label: 'feature',
    section: 'noticias/america-latina/venezuela',
    authors: ['lucia-ferreyra'],
    tags: ['Cacao', 'Agricultura', 'Exportaciones', 'Venezuela'],
    publishedHoursAgo: 98,
    lead: {
      motif: 'forest',
      hue: 20,
      alt: 'Ilustración de colinas verdes cubiertas de árboles oscuros bajo un cielo anaranjado',
      caption: 'Las plantaciones de cacao de Barlovento crecen a la sombra de árboles más altos, cerca de la costa de Miranda.',
      credit: CREDIT,
    },
    body: [
      'A las seis de la mañana, cuando el calor todavía no aprieta, Yelitza Guaramato ya camina entre las matas de cacao de su conuco, en las afueras de Caucagua, con un machete en una mano y un balde en la otra. Revisa las mazorcas una por una: las amarillas se cortan hoy; las verdes, la semana que viene.',
      'Guaramato preside la Cooperativa Tambor de Agua, que reúne a 46 familias productoras de esta zona del estado Miranda. El mes pasado, la cooperativa despachó su primer lote de granos fermentados y secos a una pequeña chocolatería de Bélgica, la primera venta directa al exterior del grupo en más de diez años.',
      { h: 'Del patio de secado al puerto' },
      'El lote, de poco más de cinco toneladas, salió por La Guaira después de semanas de trámites. Para llegar hasta allí, los socios alquilaron un camión entre todos, consiguieron sacos nuevos y pagaron análisis de laboratorio que certificaran la calidad del grano. “Cada papel nos costaba un viaje a Caracas”, recuerda Guaramato. El comprador paga más que los intermediarios locales a cambio de un fermentado cuidadoso y de saber de qué finca sale cada saco, y la diferencia ya se nota: algunas familias repararon sus techos y otras volvieron a contratar ayudantes para la cosecha.',
      {
        pull: 'El cacao de aquí siempre fue bueno. Lo que se había perdido era la confianza de que alguien iba a venir a buscarlo.',
        by: 'Yelitza Guaramato, presidenta de la cooperativa',
      },
      { h: 'Lo que todavía falta' },
      'Los obstáculos siguen ahí. Los cortes de luz complican el funcionamiento de las secadoras, el crédito bancario es casi inexistente para los pequeños productores y muchos caminos rurales se vuelven intransitables en época de lluvias. Wilmer Blanco, agrónomo que asesora a la cooperativa, calcula que buena parte de las plantas de la zona supera los cuarenta años y necesita renovarse. “Sembrar hoy es pensar en la cosecha de dentro de cuatro años, y eso exige una estabilidad que aquí cuesta mucho”, dice.',
      { related: 'es-venezuela-calendario-electoral' },
    ],
  },

  // ────────────────────── oriente medio y áfrica ──────────────────────
  {
    key: 'es-sudan-corredor-humanitario',
    translationOf: 'n-sudan-aid-corridor',
    headline: 'El primer convoy de ayuda en semanas cruza de Chad a Darfur y las agencias piden un acceso permanente',
    standfirst:
      'Cuarenta camiones con alimentos y medicinas llegaron a localidades de Darfur Occidental, pero los organismos humanitarios advierten que es una fracción de lo necesario antes de la temporada de escasez.',
    label: 'news',
    section: 'noticias/oriente-medio-africa',
    authors: ['amara-diallo'],
    tags: ['Ayuda humanitaria', 'Naciones Unidas', 'Conflicto', 'Sudán'],
    publishedHoursAgo: 13.5,
    lead: {
      motif: 'desert',
      hue: 20,
      alt: 'Ilustración de dunas de arena rojiza bajo un cielo brumoso',
      caption: 'La ruta desértica desde la frontera con Chad, principal vía de entrada de la ayuda a Darfur Occidental.',
      credit: CREDIT,
    },
    body: [
      'Un convoy de 40 camiones con alimentos, suministros médicos y equipos para potabilizar agua cruzó el domingo desde el este de Chad hacia la región sudanesa de Darfur Occidental, el primero en recorrer esa ruta en casi un mes, según fuentes humanitarias. Organizado por agencias de la ONU y varias ONG internacionales tras días de negociaciones con las autoridades que controlan la zona, el convoy llevaba cereales, legumbres y aceite suficientes para alimentar a unas 80.000 personas durante un mes.',
      { h: 'Una ventana estrecha' },
      'Los responsables de la operación celebraron el cruce, pero advirtieron que no debe confundirse con una solución. Las necesidades en Darfur se han disparado tras meses de combates: muchas familias han tenido que desplazarse más de una vez y los mercados locales están prácticamente vacíos.',
      {
        quote:
          'Un convoy es un alivio para las familias que lo reciben. Pero necesitamos esta ruta abierta todos los días, no una vez al mes y después de una semana de llamadas.',
        by: 'Idrissa Maïga, coordinador de logística de una agencia alimentaria de la ONU',
      },
      'Las agencias señalan como principales obstáculos la inseguridad a lo largo del trayecto, los largos trámites para obtener permisos y la escasez de combustible, que dificulta llevar los suministros más allá de las localidades fronterizas. Los conductores relatan que los detienen en múltiples puestos de control.',
      { h: 'Una carrera contra las lluvias' },
      'La temporada de escasez, cuando se agotan las reservas de la última cosecha, comienza en pocas semanas, y con las lluvias varios caminos de tierra se vuelven intransitables para los camiones pesados. “Si no movemos las existencias ahora, terminaremos intentando llevar comida por aire a lugares donde no hay pista de aterrizaje”, advirtió Nafisa Abdelrahim, coordinadora de programas de nutrición de una organización médica en la zona.',
      'El [Programa Mundial de Alimentos](https://www.wfp.org/) y sus socios reclaman un acceso regular y previsible por todos los pasos disponibles, y que los donantes financien una operación que figura entre las más desatendidas del año. Mientras tanto, voluntarios locales, muchos organizados en salas de emergencia barriales, sostienen cocinas comunitarias en localidades adonde no llega el personal internacional, aunque advierten que sus propias reservas se están agotando.',
      { related: 'es-onu-llamamiento-humanitario-deficit' },
    ],
  },

  // ───────────────────────────── libia ─────────────────────────────
  {
    key: 'es-libia-alto-el-fuego-tripoli',
    translationOf: 'n-libya-ceasefire-tripoli',
    headline: 'La ONU pide a los grupos armados respetar el alto el fuego en Trípoli tras los enfrentamientos de la madrugada',
    seoHeadline: 'La ONU pide que se mantenga el alto el fuego en Trípoli',
    standfirst:
      'La Misión de Apoyo de las Naciones Unidas en Libia llamó a la moderación tras los combates en el sur de la capital, mientras los notables locales intentaban sostener una frágil tregua.',
    label: 'news',
    section: 'noticias/oriente-medio-africa/libia',
    authors: ['omar-benali'],
    tags: ['Alto el fuego', 'Naciones Unidas', 'Libia'],
    publishedHoursAgo: 1,
    updatedHoursAgo: 0.5,
    lead: {
      motif: 'city',
      hue: 25,
      alt: 'Ilustración de la silueta de una ciudad recortada contra un cielo anaranjado de atardecer',
      caption: 'El horizonte de Trípoli al anochecer. Para la tarde del martes, la calma había vuelto en gran medida al centro de la ciudad.',
      credit: CREDIT,
    },
    body: [
      'La misión de las Naciones Unidas en Libia instó este martes a los grupos armados rivales a respetar el alto el fuego en los alrededores de Trípoli, después de varias horas de enfrentamientos nocturnos en los suburbios del sur de la capital que dejaron al menos cuatro muertos y obligaron a muchas familias a resguardarse en sus casas. Vecinos de la zona reportaron intensos disparos y explosiones desde poco después de la medianoche hasta el amanecer; al mediodía los comercios del centro ya habían reabierto, pero varias vías hacia el sur seguían cortadas por puestos de control.',
      { h: 'Un llamado a la moderación' },
      'En un comunicado publicado en su sitio web, la [Misión de Apoyo de las Naciones Unidas en Libia](https://unsmil.unmissions.org/) pidió a todas las partes regresar a las posiciones que ocupaban antes de los combates y resolver sus diferencias mediante el diálogo.',
      {
        quote:
          'La Misión insta a todas las partes a actuar con la máxima moderación, a respetar el alto el fuego en Trípoli y sus alrededores y a proteger a la población y la infraestructura civiles. Cualquier intento de dirimir las diferencias por la fuerza pone en riesgo tanto la vida de los habitantes como el proceso político.',
        by: 'Misión de Apoyo de las Naciones Unidas en Libia, comunicado',
      },
      'Más tarde, ante la prensa, Helga Rautavaara, alta funcionaria de la misión, explicó que la ONU mantiene contacto con los comandantes de ambos bandos y con las autoridades municipales. “El alto el fuego está bajo presión, pero se mantiene”, dijo. “Nuestro mensaje para todos los que tienen influencia es sencillo: úsenla ahora”. Añadió que la misión informará al Consejo de Seguridad sobre el incidente en el transcurso de la semana.',
      { h: 'La mediación de los notables' },
      'Un comité de notables y funcionarios municipales de los distritos afectados informó que por la mañana logró un acuerdo para que ambos grupos se replegaran de un cruce en disputa. Abdulsalam Elkhouri, integrante del comité, advirtió que las próximas 48 horas serán decisivas. “La gente aquí recuerda cómo es una guerra larga”, dijo. “Nadie quiere que su calle vuelva a ser una línea del frente”.',
      'Faraj Benhameda, portavoz del Ministerio del Interior en Trípoli, indicó que se desplegaron fuerzas de seguridad para separar a los grupos y que se abrió una investigación sobre el origen de los combates, que la prensa local atribuyó a una pugna por el control de un retén. Según diplomáticos, los choques muestran lo frágiles que siguen siendo los arreglos de seguridad en la capital mientras instituciones rivales se disputan los ingresos del Estado.',
      { related: 'es-sicilia-barco-rescate-retenido' },
    ],
  },

  // ──────────────────────────── europa ────────────────────────────
  {
    key: 'es-sicilia-barco-rescate-retenido',
    translationOf: 'n-sicily-rescue-ship-detained',
    headline: 'Italia retiene en Sicilia un barco de rescate que desembarcó a 140 personas rescatadas frente a Libia',
    standfirst:
      'Las autoridades italianas inmovilizaron durante 20 días el buque de una organización humanitaria por supuestas infracciones a las normas de navegación, una decisión que la ONG impugnará ante la justicia.',
    label: 'news',
    section: 'noticias/europa',
    authors: ['sofia-marchetti'],
    tags: ['Migración', 'Derechos humanos', 'Italia'],
    publishedHoursAgo: 3.5,
    lead: {
      motif: 'sea',
      hue: 215,
      alt: 'Ilustración de olas de un azul profundo bajo un cielo despejado, con una línea de horizonte recta',
      caption: 'El Mediterráneo central, una de las rutas migratorias más peligrosas del mundo.',
      credit: CREDIT,
    },
    body: [
      'Las autoridades portuarias de Italia retuvieron durante 20 días un barco de rescate humanitario en Pozzallo, Sicilia, después de que desembarcara a 140 personas rescatadas de dos embarcaciones en el Mediterráneo central, informó el jueves la organización que lo opera.',
      'El barco, el *Aurora Sud*, realizó los rescates en aguas internacionales al norte de la costa libia. La organización asegura que notificó cada operación a las autoridades competentes y que siguió las instrucciones de desembarcar en Sicilia.',
      { h: 'Dos versiones de los hechos' },
      'Según las autoridades, la tripulación efectuó un segundo rescate sin autorización cuando ya se le había asignado un puerto, lo que a su juicio viola las normas que rigen la actuación de los barcos humanitarios. La organización rechaza esa versión. Además de la retención, la ONG recibió una multa de varios miles de euros, y sus abogados anunciaron que esta semana presentarán un recurso ante un tribunal administrativo de Sicilia.',
      {
        quote:
          'Vimos una embarcación que hacía agua con niños a bordo. No hay ninguna norma del derecho del mar que le diga a un capitán que pase de largo.',
        by: 'Jonas Ekholm, capitán del Aurora Sud',
      },
      { h: 'Quiénes llegaron' },
      'La mayoría de los rescatados dijo haber zarpado del oeste de Libia, donde la inestabilidad y los abusos en los centros de detención siguen empujando a muchas personas a intentar la travesía. Entre ellos había ciudadanos de Sudán, Eritrea, Bangladés y Egipto, incluidos 23 menores no acompañados. Trabajadores humanitarios en el puerto indicaron que varios sobrevivientes necesitaron atención por deshidratación y quemaduras con combustible, lesiones frecuentes en embarcaciones sobrecargadas.',
      'Organismos como la [Agencia de la ONU para los Refugiados](https://www.unhcr.org/) y la [Organización Internacional para las Migraciones](https://www.iom.int/) han reclamado en reiteradas ocasiones un sistema de búsqueda y rescate coordinado por los Estados en el Mediterráneo, ya que hoy esos vacíos los cubren sobre todo las ONG y los buques mercantes. Las autoridades italianas defienden las normas como una manera de ordenar los rescates. “Sicilia hace su parte, pero no puede gestionar sola las llegadas”, dijo Chiara Lombardo, funcionaria del gobierno regional. “Necesitamos que otros países europeos compartan la responsabilidad, no solo declaraciones”.',
      { related: 'es-libia-alto-el-fuego-tripoli' },
    ],
  },

  // ──────────────────────────── economía ────────────────────────────
  {
    key: 'es-manzanillo-congestion-puerto',
    headline: 'La congestión en el puerto de Manzanillo encarece las importaciones en plena temporada alta',
    standfirst:
      'Los buques esperan hasta una semana para atracar en el principal puerto de contenedores de México, y los importadores advierten que los costos adicionales terminarán llegando a los consumidores.',
    label: 'news',
    section: 'economia',
    authors: ['daniel-achterberg'],
    tags: ['Comercio', 'Transporte marítimo', 'México', 'Economía'],
    publishedHoursAgo: 7,
    lead: {
      motif: 'sea',
      hue: 20,
      alt: 'Ilustración de olas azules que avanzan hacia el horizonte bajo un cielo anaranjado',
      caption: 'El Pacífico frente a Manzanillo, donde decenas de buques aguardan turno para atracar.',
      credit: CREDIT,
    },
    body: [
      'Una fila de portacontenedores anclados frente a la costa de Colima se convirtió esta semana en el símbolo de un problema que preocupa a importadores y transportistas: el puerto de Manzanillo, el de mayor movimiento de contenedores de México, acumula demoras de hasta siete días para que los buques puedan atracar, según agentes navieros consultados por Newsdesk.',
      'La saturación coincide con la llegada de mercancía para las ventas de fin de año, y se agravó por dos jornadas de vientos fuertes que obligaron a suspender maniobras y por fallas en el sistema de citas para el ingreso de camiones a las terminales.',
      { h: 'Costos que se acumulan' },
      'Cada día de espera tiene un precio. Las navieras cobran recargos por congestión, los contenedores generan cargos por demora y los transportistas pierden viajes mientras hacen fila en la carretera de acceso. Octavio Llamas, agente aduanal en la ciudad, estimó que por todos esos conceptos el costo de traer un contenedor desde Asia subió alrededor de un 15 % en las últimas tres semanas.',
      {
        quote:
          'La mercancía ya está pagada y viene en camino. Lo que nadie tenía presupuestado es tenerla flotando frente al puerto una semana más.',
        by: 'Araceli Villaseñor, directora de una importadora de electrodomésticos en Guadalajara',
      },
      { h: '¿Qué sigue?' },
      'Un vocero de la administración portuaria, que pidió no ser identificado, aseguró que se ampliaron los turnos nocturnos en las terminales y que se habilitó un patio adicional para contenedores vacíos. Los transportistas piden además obras en la vialidad de acceso, donde las filas de camiones llegan a extenderse varios kilómetros.',
      'Analistas del sector advierten que, si la congestión se prolonga, parte de los costos se trasladará a los precios de electrónicos, ropa y juguetes en las semanas previas a las fiestas. Algunos importadores ya desvían carga hacia otros puertos del Pacífico, aunque eso implica trayectos terrestres más largos hasta los centros de consumo del país.',
      { related: 'es-analisis-trenes-america-latina' },
    ],
  },

  // ───────────────────────────── clima ─────────────────────────────
  {
    key: 'es-chiquitania-incendios-brigadistas',
    headline: 'Brigadistas voluntarios de la Chiquitania piden refuerzos ante una temporada de incendios adelantada',
    standfirst:
      'Bomberos comunitarios del oriente boliviano combaten focos activos con herramientas manuales y denuncian que el equipo prometido tras la temporada pasada todavía no ha llegado.',
    label: 'news',
    section: 'clima',
    authors: ['tomas-quispe'],
    tags: ['Incendios forestales', 'Sequía', 'Bolivia', 'Clima'],
    publishedHoursAgo: 12,
    lead: {
      motif: 'forest',
      hue: 0,
      alt: 'Ilustración de un bosque en colinas verdes con árboles oscuros bajo un cielo rojizo',
      caption: 'Los bosques secos de la Chiquitania, en el departamento de Santa Cruz, son especialmente vulnerables al fuego.',
      credit: CREDIT,
    },
    body: [
      'Brigadas de bomberos voluntarios de la Chiquitania, en el oriente de Bolivia, llevan diez días intentando contener varios focos de incendio cerca de comunidades rurales de San Ignacio de Velasco, en una temporada de quemas que llegó semanas antes de lo habitual tras un invierno especialmente seco.',
      'Los voluntarios, en su mayoría jóvenes de las propias comunidades, combaten el fuego con batefuegos, mochilas de agua y machetes para abrir cortafuegos. Aseguran que el equipo de protección que se les prometió al terminar la temporada anterior todavía no les fue entregado.',
      { h: 'Con lo que hay' },
      {
        quote:
          'Salimos con botas de goma y una mochila de agua contra un fuego que avanza más rápido que nosotros. Lo hacemos porque es nuestro monte y son nuestras casas.',
        by: 'Ever Rocha Masabí, jefe de una brigada comunitaria',
      },
      'Técnicos forestales de la región explican que la combinación de altas temperaturas, baja humedad y vientos fuertes puede convertir en pocas horas una quema agrícola descontrolada en un incendio de grandes proporciones. La investigadora Daniela Suárez Justiniano, que estudia el bosque seco chiquitano, recordó que estos ecosistemas tardan décadas en recuperarse. “No es un bosque que vuelve a brotar al año siguiente”, dijo.',
      { h: 'Pedidos a las autoridades' },
      'Las brigadas solicitan a la gobernación de Santa Cruz y al Gobierno nacional equipos de protección, radios y combustible para trasladarse, además de controles más estrictos sobre las quemas autorizadas. Un funcionario departamental, que habló bajo condición de anonimato, aseguró que en los próximos días se enviarán insumos a la zona.',
      'Organizaciones ambientales recuerdan que los incendios en la Chiquitania se han vuelto recurrentes y reclaman planes de prevención que empiecen antes de la temporada seca, y no cuando el humo ya cubre los pueblos.',
    ],
  },

  // ──────────────────────────── deportes ────────────────────────────
  {
    key: 'es-riobamba-ascenso-futbol',
    headline: 'El Deportivo Cóndor Andino, un club de barrio de Riobamba, logra un ascenso histórico a la Serie B',
    standfirst:
      'Con un plantel de jugadores que trabajan entre semana y un estadio prestado, el equipo ganó la final del torneo de ascenso y miles de hinchas salieron a celebrar a las calles de la ciudad.',
    label: 'news',
    section: 'deportes',
    authors: ['tomas-quispe'],
    tags: ['Fútbol', 'Deportes', 'Ecuador'],
    publishedHoursAgo: 40,
    updatedHoursAgo: 20,
    correction: 'Una versión anterior de esta nota indicaba que la final se jugó en Ambato. Se disputó en Latacunga.',
    lead: {
      motif: 'stadium',
      hue: 20,
      alt: 'Ilustración de un estadio ovalado con una cancha verde y tribunas llenas de puntos de colores cálidos bajo un cielo anaranjado',
      caption: 'Los hinchas del Cóndor Andino viajaron en caravana para acompañar al equipo en la final.',
      credit: CREDIT,
    },
    body: [
      'El Deportivo Cóndor Andino, un club fundado hace apenas doce años en un barrio del sur de Riobamba, consiguió el domingo el ascenso a la Serie B del fútbol ecuatoriano tras vencer 2-1 en la final del torneo de ascenso, disputada en Latacunga ante unos 8.000 espectadores.',
      'Los goles llegaron en el segundo tiempo: primero un cabezazo del defensor Byron Guamán tras un tiro de esquina y, a cinco minutos del final, un remate cruzado de Kevin Yumbo, un delantero de 19 años que había entrado desde el banco.',
      { h: 'Un plantel que trabaja de lunes a viernes' },
      'Buena parte de los jugadores combina el fútbol con otros empleos: en el plantel hay un mecánico, dos estudiantes universitarios, un repartidor y un profesor de educación física. El equipo entrena por las tardes en una cancha municipal y ha jugado de local en un estadio que le presta la federación provincial.',
      {
        pull: 'Aquí nadie vino por la plata. Vinieron porque el barrio nos pidió que lo representáramos bien.',
        by: 'Segundo Paucar, director técnico del Cóndor Andino',
      },
      { h: 'La altura, a favor; el presupuesto, en contra' },
      'Riobamba está a unos 2.750 metros sobre el nivel del mar, una ventaja que el cuerpo técnico espera aprovechar en la nueva categoría. El reto, admiten los dirigentes, será económico: la Serie B exige contratos formales, viajes por todo el país y un estadio que cumpla los requisitos de la liga.',
      'El presidente del club, Fausto Caiza, dijo que buscarán patrocinadores entre las empresas locales y que los hinchas ya organizan una rifa para comprar un bus propio. “Ascendimos con el corazón; ahora tenemos que sostenernos con números”, afirmó.',
    ],
  },

  // ──────────────────────────── opinión ────────────────────────────
  {
    key: 'es-opinion-migracion-cumbres',
    translationOf: 'v-migration-summits-opinion',
    headline: 'La presión migratoria en América Latina merece algo más que fotos de cumbre',
    seoHeadline: 'Migración en América Latina: menos fotos y más trámites',
    standfirst:
      'Los países de acogida de la región han recibido a millones de venezolanos con poca ayuda externa, y la próxima ronda de promesas debe traer dinero, trámites ágiles y paciencia.',
    label: 'opinion',
    section: 'opinion',
    authors: ['lucia-ferreyra'],
    tags: ['Migración', 'Venezuela', 'América Latina'],
    publishedHoursAgo: 51.5,
    lead: {
      motif: 'city',
      hue: 15,
      alt: 'Ilustración de la silueta de una ciudad contra un atardecer rojo y anaranjado',
      caption: 'Ciudades de toda la región andina se han convertido en el hogar de quienes salieron de Venezuela en la última década.',
      credit: CREDIT,
    },
    body: [
      'En un mercado del norte de Lima, una mujer de Maracaibo vende arepas en un carrito que armó con su hermano. Lleva seis años en Perú, tiene un hijo nacido allí y todavía depende de un permiso de residencia que debe renovar cada doce meses. Su historia no es excepcional. Es, de hecho, la forma cotidiana de uno de los mayores desplazamientos de población del mundo.',
      'Millones de venezolanos dejaron su país en la última década, y la mayoría no se fue muy lejos. Llegaron a Colombia, Perú, Ecuador, Chile y Brasil, países con presupuestos ajustados y con electores que hacen preguntas incómodas. Esos gobiernos han hecho más, con menos, que casi cualquier nación rica frente a una llegada comparable.',
      { h: 'Las promesas son baratas; los trámites, no' },
      'Las cumbres regionales sobre migración suelen terminar con una foto y una declaración. Las declaraciones, por lo general, son sensatas: hablan de *responsabilidad compartida*, de vías regulares y de integración. Lo que casi nunca traen es una cifra, un plazo o un fondo con nombre propio. Mientras tanto, los consultorios y las escuelas municipales absorben el costo real sin figurar en el presupuesto de ningún donante.',
      {
        quote:
          'Primero matriculamos a los niños y después preguntamos por el financiamiento, porque la alternativa es una generación que no sabe leer. Pero ese después ya está llegando.',
        by: 'Marcela Ortúzar, funcionaria de educación en una comuna de Santiago',
      },
      'Sostengo que lo más útil que podrían hacer los socios externos es también lo menos vistoso: **pagar los trámites**. Los procesos de regularización, que dan a los migrantes estatus legal y derecho a trabajar formalmente, están entre las herramientas de integración más eficaces que existen. Aumentan la recaudación, reducen la explotación y permiten pasar del puesto informal al negocio registrado. También son caros de administrar, y justamente por eso se estancan.',
      { h: 'Una prueba para la próxima cumbre' },
      'La próxima vez que los mandatarios de la región se reúnan para hablar de migración, habría que juzgarlos por tres números: cuántas personas obtuvieron estatus legal, cuánto dinero llegó a los servicios locales y cuánto tarda hoy una renovación de residencia. Si esos números no se mueven, las fotos no importan. La mujer de Lima me dijo que no quiere caridad; quiere un documento que dure más de un año. No es mucho pedir a un continente que no se cansa de decirle que es bienvenida.',
      { related: 'es-explicador-tapon-del-darien' },
    ],
  },

  // ──────────────────────────── análisis ────────────────────────────
  {
    key: 'es-analisis-trenes-america-latina',
    headline: 'El regreso del tren: por qué los gobiernos de América Latina vuelven a apostar por los rieles',
    standfirst:
      'Los proyectos ferroviarios de carga y de pasajeros reaparecen en los planes de varios países por razones económicas y climáticas, aunque la historia de la región advierte sobre lo que puede salir mal.',
    label: 'analysis',
    section: 'analisis',
    authors: ['daniel-achterberg', 'lucia-ferreyra'],
    tags: ['Transporte', 'Infraestructura', 'Economía', 'América Latina'],
    publishedHoursAgo: 150,
    lead: {
      motif: 'hills',
      hue: 190,
      alt: 'Ilustración de colinas superpuestas en tonos violáceos bajo un cielo celeste',
      caption: 'Muchas de las antiguas líneas férreas de la región atraviesan valles y montañas de difícil acceso.',
      credit: CREDIT,
    },
    body: [
      'Durante buena parte del siglo pasado, el tren fue sinónimo de atraso en América Latina: ramales cerrados, estaciones abandonadas y vagones oxidados junto a las vías. Hoy, en cambio, los rieles vuelven a aparecer en discursos presidenciales, planes de desarrollo y licitaciones. No se trata de nostalgia, sino de una combinación de cálculos económicos y presiones climáticas.',
      { h: 'Tres razones para volver' },
      'Los especialistas consultados por Newsdesk coinciden en que el interés actual responde sobre todo a tres factores:',
      {
        list: [
          '**El costo del transporte por carretera.** Mover minerales, granos o contenedores en camión a lo largo de grandes distancias es caro y desgasta rutas que los Estados no logran mantener.',
          '**La presión para reducir emisiones.** El transporte es una de las mayores fuentes de emisiones ligadas a la energía en la región, y el ferrocarril emite mucho menos por tonelada transportada.',
          '**La congestión de puertos y ciudades.** Sin conexiones ferroviarias, la carga se acumula en accesos viales saturados.',
        ],
        ordered: true,
      },
      {
        quote:
          'Un tren no se justifica con una inauguración. Se justifica con veinte años de carga constante, tarifas claras y alguien que pague el mantenimiento cuando ya nadie se acuerda de la cinta cortada.',
        by: 'Gabriela Montiel Roa, economista especializada en infraestructura',
      },
      { h: 'Las lecciones del pasado' },
      'La historia ferroviaria de la región está llena de advertencias. Muchas líneas se construyeron para llevar materias primas de una mina o una plantación hasta el puerto, sin conectar ciudades entre sí, y quedaron sin uso cuando cambió el negocio; otras se deterioraron por falta de mantenimiento. Los proyectos actuales corren riesgos parecidos si se diseñan para un solo cliente o dependen de subsidios que cambian con cada gobierno.',
      'La experiencia internacional sugiere que los trenes de carga funcionan mejor cuando forman parte de una red, con puertos, centros logísticos y carreteras de acceso, y cuando los contratos reparten con claridad los riesgos entre el Estado y los operadores privados. Si esa lección se aprende, el regreso del tren puede ser duradero. Si no, la región corre el riesgo de sumar nuevas estaciones vacías a las que ya tiene.',
      { related: 'es-manzanillo-congestion-puerto' },
    ],
  },
];
