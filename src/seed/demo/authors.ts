import type { DemoAuthorKey } from './types.js';

/** A fictional journalist of the demo newsroom. */
export interface DemoAuthor {
  key: DemoAuthorKey;
  name: string;
  role: string;
  bio: string;
  /** Fictional X handle, e.g. '@lferreyra_nd'. */
  x?: string;
}

export const demoAuthors: DemoAuthor[] = [
  {
    key: 'lucia-ferreyra',
    name: 'Lucía Ferreyra',
    role: 'Latin America correspondent',
    bio: 'Lucía Ferreyra reports on politics, migration and money across Latin America from her base in Bogotá. Before joining the channel she spent eight years covering courts and city hall for a regional daily in Córdoba.',
    x: '@lferreyra_nd',
  },
  {
    key: 'omar-benali',
    name: 'Omar Benali',
    role: 'North Africa correspondent',
    bio: 'Omar Benali covers Libya, Tunisia and the wider Maghreb, with a particular eye on oil, borders and the institutions that govern them. He grew up between Tripoli and Marseille and has reported from the region for more than a decade.',
    x: '@obenali_nd',
  },
  {
    key: 'hannah-okafor',
    name: 'Hannah Okafor',
    role: 'Opinion editor',
    bio: 'Hannah Okafor edits the channel’s opinion pages and writes about media, development finance and the politics of attention. She previously ran a foreign desk and reported from Lagos, Nairobi and London.',
    x: '@hokafor_nd',
  },
  {
    key: 'tomas-quispe',
    name: 'Tomás Quispe',
    role: 'Andean region correspondent',
    bio: 'Tomás Quispe reports from Lima on the Andes, where his beats include water, mining, farming and the athletes who train at altitude. He is a Quechua speaker and began his career on community radio in Cusco.',
    x: '@tquispe_nd',
  },
  {
    key: 'mei-lin-zhou',
    name: 'Mei-Lin Zhou',
    role: 'Asia-Pacific economics correspondent',
    bio: 'Mei-Lin Zhou covers trade, technology and manufacturing across Asia from Singapore. She trained as an engineer before moving into financial journalism and still likes to visit the factory floor before writing about it.',
    x: '@meilinzhou_nd',
  },
  {
    key: 'sofia-marchetti',
    name: 'Sofia Marchetti',
    role: 'Europe correspondent',
    bio: 'Sofia Marchetti is based in Brussels, where she follows European budgets, elections and climate policy. She has reported from every member state of the European Union and still counts the Bologna city council as her toughest beat.',
  },
  {
    key: 'daniel-achterberg',
    name: 'Daniel Achterberg',
    role: 'Business editor',
    bio: 'Daniel Achterberg leads the channel’s business coverage, with a focus on energy markets, central banks and global shipping. He joined from a Rotterdam-based trade publication, where he spent years explaining freight rates to people who did not want to hear about them.',
    x: '@dachterberg_nd',
  },
  {
    key: 'amara-diallo',
    name: 'Amara Diallo',
    role: 'West Africa correspondent',
    bio: 'Amara Diallo reports from Dakar on West Africa’s coasts, cities and sport, from fisheries and climate adaptation to the business of football. She has covered three continental championships and one very long rainy season in the Casamance.',
    x: '@amaradiallo_nd',
  },
];
