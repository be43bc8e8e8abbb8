import type { DemoArticle } from './types.js';

/**
 * Demo articles for the opinion, analysis, business, climate and sport sections.
 * All prose is original; people quoted are fictional.
 */
export const viewsArticles: DemoArticle[] = [
  // ---------------------------------------------------------------- opinion
  {
    key: 'v-libya-stalemate-opinion',
    headline: 'Libya does not need another election date. It needs rules that neither side can rewrite',
    seoHeadline: 'Libya’s stalemate: fix the rules before the election date',
    standfirst:
      'Years of announced and abandoned polls show the problem is not the calendar but the lack of a shared rulebook, and outsiders keep rewarding the delay.',
    label: 'opinion',
    section: 'opinion',
    authors: ['omar-benali'],
    tags: ['Libya', 'Elections', 'Oil', 'United Nations'],
    publishedHoursAgo: 5,
    updatedHoursAgo: 2,
    lead: {
      motif: 'desert',
      hue: 32,
      alt: 'Illustration of rolling sand dunes in warm orange tones under a pale sky',
      caption: 'Libya’s rival institutions have spent years negotiating the terms of a vote that never arrives.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Every few months, someone announces that Libya is close to elections. A roadmap is unveiled, a committee is formed, a date is floated, and diplomats speak of *momentum*. Then the date slips, the committee stalls, and the country settles back into the arrangement it has lived with for years: rival centres of power in Tripoli and in the east, each claiming legitimacy and neither willing to risk losing it.',
      'I have covered this cycle long enough to stop believing that the next date will be different. Not because Libyans do not want to vote. They plainly do: millions registered the last time a poll was promised. The problem is that the people who would have to organise the vote are also the people with the most to lose from it.',
      { h: 'A stalemate that pays' },
      'Stalemates last when they are comfortable for those who could end them. In Libya, division is expensive for citizens and oddly profitable for institutions. Parallel bodies mean parallel budgets, parallel appointments and parallel claims on oil revenue, which still provides almost all of the state’s income. Every month without a unified government is another month in which each side can tell its supporters that the other is the obstacle.',
      {
        quote:
          '“Everyone in the negotiating room has a veto, and nobody has a deadline. That is not a peace process. It is a waiting room.”',
        by: 'Rania al-Mabrouk, a constitutional lawyer in Misrata',
      },
      'Outside powers have not helped. Foreign capitals say they support a Libyan-led process, then quietly cultivate their own preferred partners. The [UN Support Mission in Libya](https://unsmil.unmissions.org/) has cycled through envoys who each arrived with a plan and left with a resignation letter. It is hard to ask Libyan factions to compromise when the international community cannot agree on what it wants from them.',
      {
        pull: 'The question is not when Libyans vote, but whether the loser of that vote will have any reason to accept it.',
        by: 'Omar Benali',
      },
      { h: 'What would actually change the incentives' },
      'Instead of chasing another date, mediators should put their weight behind three things that make a vote **survivable**:',
      {
        list: [
          'A constitutional basis for the election, agreed and published before any candidate registers, so the rules cannot be rewritten once the names are known.',
          'A transparent formula for sharing oil revenue that does not depend on who wins, so that losing power does not mean losing the budget.',
          'A single, audited central bank and public payroll, so that salaries stop being a weapon in the dispute.',
        ],
        ordered: true,
      },
      'None of this is glamorous, and it will not produce a signing ceremony. But it would lower the cost of losing, which is the only way anyone in Libya will agree to risk it. Until the rules are fixed first, every election date is simply an invitation to the next postponement.',
      { related: 'v-oil-output-analysis' },
    ],
  },
  {
    key: 'v-central-bank-boring-opinion',
    headline: 'Central banks should stop apologising for being boring',
    standfirst:
      'After years of emergency measures and public soul-searching, monetary policy works best when it is predictable, narrow and a little dull.',
    label: 'opinion',
    section: 'opinion',
    authors: ['daniel-achterberg'],
    tags: ['Economy', 'Inflation', 'Interest Rates'],
    publishedHoursAgo: 30,
    lead: {
      motif: 'chart',
      hue: 210,
      alt: 'Illustration of a bar chart with blue columns of similar height',
      caption: 'Stable prices are the goal, and the columns should look this uneventful.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'There was a time when a central bank governor’s greatest ambition was to be ignored. Interest rate decisions were announced in a few dry sentences, markets adjusted, and the public went about its business. That era ended with the financial crisis, and it has never quite come back.',
      'Over the past fifteen years, central banks have bought government bonds by the trillion, promised to keep rates low for years, launched climate strategies, commissioned studies on inequality and, more recently, admitted that they misjudged how long the post-pandemic surge in prices would last. Some of that was necessary. Much of it has left them looking like institutions with an opinion about everything and a firm grip on nothing.',
      { h: 'The case for a narrower mandate' },
      'My argument is simple: **credibility is built on repetition, not on range**. A central bank that does one thing consistently, keeping inflation close to its target over the medium term, earns the trust that lets it act quickly when it must. A central bank that tries to steer the energy transition, housing affordability and the exchange rate at the same time gives the public three more reasons to doubt it.',
      { pull: 'Credibility is built on repetition, not on range.', by: 'Daniel Achterberg' },
      'That does not mean central bankers should be silent about the wider economy. It means they should be disciplined about what they control. They cannot decarbonise the grid. They cannot build houses. What they can do is keep the price level stable enough that governments, companies and households can plan for those things themselves.',
      {
        quote:
          '“Every time we add a new objective, we make the old one slightly less believable. Markets notice that before politicians do.”',
        by: 'Ingrid Solvang, a former central bank economist who now teaches in Oslo',
      },
      { h: 'Boring is a feature' },
      'The best argument for dullness comes from the last few years themselves. Where central banks communicated a clear target and moved steadily towards it, inflation expectations stayed anchored even as prices jumped. Where they hedged, improvised or appeared to bend under political pressure, the cost of bringing inflation back down was higher. Researchers at institutions such as the [Bank for International Settlements](https://www.bis.org/) have spent years examining that link, and the evidence keeps pointing the same way.',
      'So here is my modest request to the people who set interest rates. Publish your decisions. Explain them briefly. Resist the temptation to become the main character in every economic story. *The less we have to talk about you, the better you are doing.*',
      { related: 'v-debt-relief-analysis' },
    ],
  },
  {
    key: 'v-migration-summits-opinion',
    headline: 'Latin America’s migration strain deserves more than summit photographs',
    standfirst:
      'Host countries in the region have absorbed millions of Venezuelans with little outside help, and the next round of promises must come with money, paperwork and patience.',
    label: 'opinion',
    section: 'opinion',
    authors: ['lucia-ferreyra'],
    tags: ['Migration', 'Venezuela', 'Latin America'],
    publishedHoursAgo: 52,
    lead: {
      motif: 'city',
      hue: 15,
      alt: 'Illustration of a city skyline silhouette against a red and orange sunset',
      caption: 'Cities across the Andes have become home to people who left Venezuela over the past decade.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'In a market in northern Lima, a woman from Maracaibo sells arepas from a cart she built with her brother. She has lived in Peru for six years, has a child born there, and still carries a residency document that has to be renewed every twelve months. Her story is not unusual. It is, in fact, the ordinary shape of one of the largest displacements in the world.',
      'Millions of Venezuelans have left their country over the past decade, and most of them did not go far. They went to Colombia, Peru, Ecuador, Chile and Brazil, countries with their own budgets under pressure and their own voters asking hard questions. These governments have done more, with less, than almost any wealthy nation facing a comparable arrival.',
      { h: 'Promises are cheap; registrations are not' },
      'Regional summits on migration tend to end with a photograph and a declaration. The declarations are usually sensible. They speak of *shared responsibility*, regular pathways and integration. What they rarely contain is a figure, a deadline or a named fund. Meanwhile, municipal clinics and schools absorb the real cost without a line in anyone’s donor budget.',
      {
        quote:
          '“We enrol the children first and ask about the funding later, because the alternative is a generation that cannot read. But later is arriving.”',
        by: 'Marcela Ortúzar, an education official in a district of Santiago',
      },
      'I would argue that the most useful thing outside partners could do is also the least exciting: **pay for paperwork**. Regularisation drives, which give migrants legal status and the right to work formally, are among the most effective integration tools available. They raise tax revenue, reduce exploitation and let people move from informal stalls to registered businesses. They are also administratively expensive, which is precisely why they stall.',
      { h: 'A test for the next summit' },
      'The next time leaders meet to discuss the region’s migration, they should be judged on three numbers: how many people gained legal status, how much money reached local services, and how long a residency renewal now takes. If those numbers do not move, the photographs do not matter.',
      'The woman in Lima told me she does not want charity. She wants a document that lasts longer than a year. That is not too much to ask of a continent that keeps telling her she is welcome.',
      { related: 'v-remittance-apps-business' },
    ],
  },
  {
    key: 'v-eu-defence-climate-opinion',
    headline: 'Europe can pay for defence without raiding its climate budget',
    standfirst:
      'Governments are treating security and decarbonisation as rival claims on the same money, but the choice is a false one and the shortcut would prove costly.',
    label: 'opinion',
    section: 'opinion',
    authors: ['sofia-marchetti'],
    tags: ['Europe', 'Defence', 'Climate', 'Energy'],
    publishedHoursAgo: 75,
    lead: {
      motif: 'chamber',
      hue: 230,
      alt: 'Illustration of semicircular parliament seating in rows of blue',
      caption: 'European legislatures face months of budget debates over how to fund rising defence commitments.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Walk the corridors of any European finance ministry this year and you will hear the same sentence: *we cannot do everything*. War on the continent’s eastern edge and doubts about old alliances have pushed defence spending to the top of the agenda. Since budgets are finite, the reasoning goes, something else must give. Increasingly, that something is climate investment.',
      'I think this is a mistake, and not only for environmental reasons.',
      { h: 'Energy is a security question' },
      'Europe learned painfully how dependence on imported fossil fuels can be used as leverage. Every wind farm, heat pump and efficiency upgrade reduces that exposure. Cutting those programmes to buy equipment is a little like selling the locks on your doors to pay for an alarm. The two belong in the same security budget, not in competing ones.',
      {
        quote:
          '“A grid that depends less on imported gas is a strategic asset. We should be counting it that way in our spending reviews.”',
        by: 'Jonas Verhelst, an energy security researcher in Brussels',
      },
      'There is a fiscal case too. Climate investments often crowd in private money: a public guarantee for a grid upgrade can unlock several times its value from banks and pension funds. Defence procurement rarely works that way. If governments cut the programmes that attract private capital, they will lose more investment than they save.',
      { h: 'Better ways to find the money' },
      'None of this pretends that defence is cheap. But there are options that do not require sacrificing the energy transition. **Joint procurement** among European states can lower unit costs and end the duplication of dozens of incompatible systems. Common borrowing, used once during the pandemic, could be used again for clearly defined security goals. And governments still spend large sums subsidising fossil fuel consumption, money that could be redirected with less pain than it appears.',
      'The [European Commission](https://commission.europa.eu/) and national capitals will spend the coming months negotiating the next long-term budget. They should resist the idea that security and climate are a trade-off. Both are about the same thing: reducing the leverage that others hold over Europe. A budget that understood that would be stronger on both counts.',
      { related: 'v-heat-building-codes-climate' },
    ],
  },
  {
    key: 'v-foreign-correspondents-opinion',
    headline: 'The world needs more correspondents on the ground, not fewer',
    standfirst:
      'Newsrooms have spent two decades closing foreign bureaus, and the result is coverage that arrives late, leans on officials and misses the story until it explodes.',
    label: 'opinion',
    section: 'opinion',
    authors: ['hannah-okafor'],
    tags: ['Media', 'Journalism'],
    publishedHoursAgo: 140,
    lead: {
      motif: 'city',
      hue: 280,
      alt: 'Illustration of a city skyline silhouette in violet and purple tones',
      caption: 'Foreign bureaus once dotted the world’s capitals; many have since closed.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Somewhere in a newsroom tonight, an editor is deciding whether a story from a country whose capital they could not name is worth a paragraph. Often it is not, because nobody is there to explain why it matters. That is not a failure of curiosity. It is a failure of investment.',
      'Over the past twenty years, many news organisations have closed overseas bureaus, replaced staff correspondents with freelancers paid by the piece, and leaned ever harder on wire copy and social media for international coverage. Each decision made sense on a spreadsheet. Together they have produced a kind of journalism that is fast, cheap and strangely blind.',
      { h: 'What you lose when you leave' },
      'A correspondent who lives somewhere learns things no flying visit can teach. They know which official returns calls and which minister’s denials mean nothing. They notice when bread prices rise in the market before the statistics office does. They have sources who trust them because they were still there after the cameras left.',
      { pull: 'A correspondent’s most valuable asset is not access. It is memory.', by: 'Hannah Okafor' },
      'When a crisis breaks in a place with no resident reporters, coverage follows a familiar pattern. Parachuted teams arrive, interview the same three English-speaking analysts, and leave once the story fades. Audiences are told that a country has *suddenly* collapsed, when those who live there watched it unravel for years.',
      {
        quote:
          '“I spent a decade explaining the same province to editors who kept forgetting it existed. Then one week it was on every front page, and they asked me why nobody had seen it coming.”',
        by: 'Kwame Asante-Boadu, a freelance reporter based in Accra',
      },
      { h: 'A different kind of efficiency' },
      'I am not naive about costs. Bureaus are expensive, and not every outlet can afford one in every region. But there are smarter models than abandoning the field: shared bureaus among outlets that do not compete, long-term contracts for local journalists rather than piece rates, and proper safety training and insurance for the freelancers who take the biggest risks.',
      'Our own newsroom has chosen to keep people in the places we write about. It is not the cheapest way to run a news organisation. I am increasingly convinced it is the only honest one.',
    ],
  },
  {
    key: 'v-mega-events-opinion',
    headline: 'Stop awarding mega-events to whoever promises the biggest stadium',
    standfirst:
      'Tournaments keep leaving host cities with debts and empty arenas; bidding rules should reward reuse, public transport and honest budgets instead.',
    label: 'opinion',
    section: 'opinion',
    authors: ['amara-diallo'],
    tags: ['Football', 'Sport', 'Economy'],
    publishedHoursAgo: 210,
    lead: {
      motif: 'stadium',
      hue: 140,
      alt: 'Illustration of an oval stadium with a green pitch and tiered stands',
      caption: 'Purpose-built arenas can become a burden once the tournament has moved on.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Every great sporting event begins with a promise. The bid book shows gleaming arenas, new rail lines and a generation inspired to take up sport. A decade later, visitors to some former host cities find stadiums with weeds growing through the car parks, and loans still being repaid by people who never bought a ticket.',
      'I love these tournaments. I have reported on them across three continents and still feel the thrill of a full stadium on an opening night. That is exactly why I think the way we award them is broken.',
      { h: 'The incentive to overbuild' },
      'Bidding processes still reward spectacle. Federations and committees are wooed with architectural renderings and capacity figures, while dull questions about maintenance costs and post-event use are tucked into appendices. Cities compete by promising more, and the winner is often the one most willing to underestimate the bill.',
      {
        quote:
          '“The cost overrun is not an accident. It is built into a process where the most optimistic budget wins.”',
        by: 'Fatou Ndiaye-Carvalho, a sports economist in Dakar',
      },
      'The consequences fall hardest on countries that can least afford them. A wealthy capital can absorb a half-empty arena. A mid-sized city in a developing economy may spend years servicing debt on a venue used a handful of times a year.',
      { h: 'A better scorecard' },
      'Governing bodies, from [FIFA](https://www.fifa.com/) to the continental confederations, could change this through their scoring criteria. I would start here:',
      {
        list: [
          'Give the highest marks to bids that use existing or temporary venues.',
          'Require independent, published cost estimates, with penalties for large overruns.',
          'Score public transport and housing legacy above stadium capacity.',
          'Treat co-hosting across neighbouring countries as the default, not the exception.',
        ],
      },
      'These ideas are not radical, and some have already been tried. Shared hosting across several countries is becoming more common, and temporary venues have worked well for smaller events. The next step is to make them *the rule* rather than the pleasant surprise.',
      'Sport’s biggest events should leave a city with something it needs, not something it must explain. The stadium can be beautiful. It just should not be the whole bid.',
      { related: 'v-womens-league-crowds-sport' },
    ],
  },

  // --------------------------------------------------------------- analysis
  {
    key: 'v-oil-output-analysis',
    headline: 'Why oil producers are finding it harder to agree on output',
    standfirst:
      'Rising supply outside the producer alliance, uneven budgets and a slower-growing market are testing a group that once moved prices with a single statement.',
    label: 'analysis',
    section: 'analysis',
    authors: ['daniel-achterberg', 'omar-benali'],
    tags: ['Oil', 'Energy', 'Trade'],
    publishedHoursAgo: 18,
    updatedHoursAgo: 9,
    lead: {
      motif: 'chart',
      hue: 45,
      alt: 'Illustration of a bar chart with amber columns rising and falling unevenly',
      caption: 'Oil prices have swung within a wide band as producers disagree over how much to pump.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'For much of the past decade, the world’s largest oil producers could move the market by announcing a cut. Prices rose, budgets balanced, and members of the alliance that coordinates output broadly kept to their quotas. That influence has not disappeared, but it has weakened, and the reasons say a good deal about where the energy market is heading.',
      { h: 'More supply from outside the club' },
      'The first pressure comes from producers outside the coordinating group. Output from the Americas, from shale fields and new offshore projects alike, has grown steadily. Every barrel the alliance withholds creates room for someone else to sell, and members increasingly ask whether restraint simply hands market share to competitors.',
      {
        figure: {
          motif: 'chart',
          hue: 45,
          alt: 'Illustration of a bar chart with paired amber and grey columns',
          caption: 'Supply growth outside the alliance has narrowed the room for coordinated cuts.',
          credit: 'Illustration: Newsdesk Graphics',
        },
      },
      'The second pressure is fiscal. Countries with large populations and heavy public spending need higher prices to balance their books than those with small populations and deep reserves. When those needs diverge, so do preferences: some members want **volume**, others want **price**. Quotas become a negotiation over whose budget matters most.',
      {
        quote:
          '“Discipline is easy when everyone is suffering. It is much harder when half the room thinks the other half is free-riding.”',
        by: 'Karim Haddadi, an energy economist at a Gulf research institute',
      },
      { h: 'Demand is growing more slowly' },
      'The third factor is demand itself. Forecasters such as the [International Energy Agency](https://www.iea.org/) expect growth in oil consumption to slow as electric vehicles spread and efficiency improves, even if the timing is disputed. Producers who believe demand will peak sooner have a reason to sell as much as they can now, which undermines any agreement to hold back.',
      'Then there are producers whose output depends as much on politics as on policy. In Libya, production has repeatedly been disrupted by disputes between rival authorities over oilfields and revenue, making the country one of the least predictable variables in any forecast.',
      'None of this means the alliance will break apart. Its members still share an interest in avoiding a price collapse, and they have weathered bitter disagreements before. But the era in which a short communiqué could reset the market appears to be ending. Expect more frequent meetings, more exemptions and *more volatility*.',
      { related: 'v-libya-stalemate-opinion' },
    ],
  },
  {
    key: 'v-asia-factories-analysis',
    headline: 'Southeast Asia’s factory boom is real, but the gains are uneven',
    standfirst:
      'Companies spreading their supply chains have poured money into the region, yet power grids, skills and ports decide which places benefit most.',
    label: 'analysis',
    section: 'analysis',
    authors: ['mei-lin-zhou'],
    tags: ['Trade', 'Manufacturing', 'Economy'],
    publishedHoursAgo: 96,
    lead: {
      motif: 'sea',
      hue: 190,
      alt: 'Illustration of teal waves beneath a flat horizon',
      caption: 'Busy shipping lanes link Southeast Asia’s new factories to markets worldwide.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Drive along the industrial corridors outside Ho Chi Minh City, on the island of Penang or on Thailand’s eastern seaboard and the signs of a manufacturing shift are everywhere: new warehouses, cranes, recruitment banners. Global companies seeking to reduce their reliance on a single production base have made Southeast Asia their favoured alternative. The question is not whether the boom is happening but to whom.',
      { h: 'Where the money goes' },
      'Investment has concentrated in a handful of places that have three things in common: reliable electricity, ports with spare capacity and a pool of workers with technical training. Vietnam and Malaysia have benefited most visibly in electronics, while Indonesia has drawn money into processing its nickel. Others have found that being cheap is no longer enough. Site-selection advisers describe a checklist along these lines:',
      {
        list: [
          '**Power:** factories making chips and batteries need uninterrupted, and increasingly clean, electricity.',
          '**Skills:** technicians and engineers are in shorter supply than assembly workers.',
          '**Logistics:** port congestion can erase a wage advantage within weeks.',
          '**Rules:** predictable customs and tax treatment matter as much as headline incentives.',
        ],
      },
      {
        quote:
          '“Our clients stopped asking how low wages are. They now ask how many electrical engineers graduate each year and how often the grid fails.”',
        by: 'Priya Ramanathan, a site-selection consultant in Singapore',
      },
      { h: 'The catch for workers' },
      'For workers, the picture is mixed. Factory jobs generally pay better than farm or informal work, and some regions have seen wages rise quickly. But much of the new investment is in assembly and testing, the lowest-margin stages of the value chain. The better-paid design and engineering work often stays elsewhere.',
      'There is also a risk that the shift stalls. Many of these investments are hedges, not permanent relocations. If trade tensions ease or tariffs change, companies may slow their expansion, and governments that offered generous tax breaks could find themselves with half-built industrial parks.',
      'The more far-sighted policymakers in the region appear to understand this. Rather than competing on subsidies alone, they are spending on vocational colleges, grid upgrades and port dredging, investments that stay useful even if a particular factory leaves. Over the next few years, that difference may decide whether the boom builds *lasting* prosperity or simply passes through.',
      { related: 'v-chip-packaging-interview-business' },
    ],
  },
  {
    key: 'v-europe-turnout-analysis',
    headline: 'Low turnout is Europe’s quiet election story. What does it actually tell us?',
    standfirst:
      'Participation has slipped in a string of regional and national votes, but the causes differ sharply from place to place and simple explanations mislead.',
    label: 'analysis',
    section: 'analysis',
    authors: ['sofia-marchetti'],
    tags: ['Elections', 'Europe', 'Democracy'],
    publishedHoursAgo: 160,
    correction:
      'An earlier version of this article misstated the age group with the lowest participation in the survey cited. It is voters aged 18 to 24, not 25 to 34.',
    lead: {
      motif: 'chamber',
      hue: 0,
      alt: 'Illustration of semicircular parliament seating in rows of red and crimson',
      caption: 'Many seats in Europe’s legislatures are now decided by a shrinking share of eligible voters.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Election nights in Europe tend to focus on who won. Less attention goes to who stayed at home, even though in several recent regional and national votes the largest group was neither the winners nor the losers but the people who did not vote at all.',
      'Falling turnout is easy to lament and hard to explain. Commentators often reach for a single story, usually apathy, distrust or social media, but the evidence suggests several different trends are at work at once.',
      { h: 'Three different kinds of absence' },
      'First, there is **structural decline**. Turnout among younger voters has been lower than among older ones for decades, and as each cohort ages, some of that habit persists. A recent survey by a university consortium found participation lowest among those aged 18 to 24, many of whom said no party had ever contacted them.',
      'Second, there is **election fatigue**. Countries that have held repeated snap elections tend to see participation dip with each round. Voters are not necessarily disengaged from politics; they are tired of being asked the same question.',
      'Third, there is **strategic abstention**. In some constituencies the result looks settled in advance, so voters see little point in turning out. Electoral systems with many safe seats encourage this.',
      {
        quote:
          '“People read low turnout as a verdict on democracy. Often it is a verdict on a particular election: that it was unnecessary, uncompetitive or confusing.”',
        by: 'Elena Voss, a political scientist in Leipzig',
      },
      { h: 'What seems to help' },
      'The research on remedies is more encouraging than the headlines. Automatic voter registration, polling stations in places people already go, and easier postal voting tend to lift participation modestly. Competitive races lift it more. Civic education in schools shows effects that last for years. What does not seem to work is scolding: campaigns that shame non-voters rarely move the numbers and may deepen resentment among people who already feel overlooked.',
      'The most worrying possibility is that low turnout becomes *self-reinforcing*: parties focus on reliable voters, neglected groups disengage further, and the gap widens. That is not inevitable. But it is a trend worth watching as closely as any result.',
    ],
  },
  {
    key: 'v-debt-relief-analysis',
    headline: 'Debt talks for poorer countries are moving faster. Are the deals any fairer?',
    standfirst:
      'Restructurings that once dragged on for years are now concluding in months, but the terms still leave many governments spending more on interest than on health.',
    label: 'analysis',
    section: 'analysis',
    authors: ['hannah-okafor', 'daniel-achterberg'],
    tags: ['Debt', 'Economy', 'IMF'],
    publishedHoursAgo: 230,
    lead: {
      motif: 'chart',
      hue: 350,
      alt: 'Illustration of a bar chart with pink and red columns',
      caption: 'Debt service has consumed a rising share of revenue in many low-income economies.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'When a government can no longer pay its creditors, the negotiations that follow decide whether the country spends the next decade recovering or stagnating. For many low-income countries in recent years, those talks were painfully slow. Official lenders, private bondholders and newer creditors from outside the traditional club struggled to agree on who should take losses first.',
      'There are signs that the process has improved. Several restructurings have concluded faster than earlier cases, helped by clearer guidance on comparable treatment and a greater willingness among major creditors to sit at the same table. The [International Monetary Fund](https://www.imf.org/) and the [World Bank](https://www.worldbank.org/) have pushed for common templates to speed up agreements.',
      { h: 'Speed is not the same as relief' },
      'Faster deals are welcome. But an agreement reached quickly can still leave a country with an unsustainable burden. The central question is how much debt is actually written off, and how much is simply pushed into the future with longer maturities.',
      {
        quote:
          '“A restructuring that lowers payments for five years and then brings them roaring back is a pause, not a solution.”',
        by: 'Adaeze Nwankwo, a sovereign debt adviser in Lagos',
      },
      'Several features of recent deals stand out:',
      {
        list: [
          'Maturities have been extended more often than principal has been cut.',
          'Interest savings are concentrated in the first years of each programme.',
          'Clauses that pause payments after natural disasters have become more common.',
          'Debt-for-nature swaps feature in some packages but remain small relative to total debt.',
        ],
      },
      { h: 'The spending squeeze' },
      'The human consequence is measured in budgets. In a number of countries, interest payments now exceed public spending on health or education. Governments in that position face a choice between servicing creditors and maintaining basic services, and short-term pressure usually favours the creditors.',
      'Advocates of deeper relief argue that the system still treats insolvency as a *liquidity* problem, assuming countries will grow out of their debts. Sceptics respond that large write-offs make future borrowing more expensive for everyone. Both sides have evidence. What is clear is that a faster process has not settled the deeper argument about how much relief is enough.',
      { related: 'v-central-bank-boring-opinion' },
    ],
  },
  {
    key: 'v-lithium-bargaining-analysis',
    headline: 'The lithium triangle’s bargaining power is real, but it has limits',
    standfirst:
      'Argentina, Bolivia and Chile hold a large share of known lithium resources, yet volatile prices, water disputes and rival sources constrain how hard they can push.',
    label: 'analysis',
    section: 'analysis',
    authors: ['tomas-quispe', 'lucia-ferreyra'],
    tags: ['Mining', 'Energy', 'Latin America', 'Trade'],
    publishedHoursAgo: 300,
    lead: {
      motif: 'desert',
      hue: 55,
      alt: 'Illustration of pale yellow dunes under a clear, light sky',
      caption: 'Lithium is extracted from brine beneath the high-altitude salt flats of the Andes.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'High in the Andes, where Argentina, Bolivia and Chile meet, salt flats hold brines rich in lithium, the light metal at the heart of most electric vehicle batteries. The area is often called the lithium triangle, and governments there have spent years debating how to turn geological luck into lasting development.',
      { h: 'Why the region matters' },
      'Together the three countries account for a large share of the world’s identified lithium resources. As demand for batteries has grown, each has sought better terms: higher royalties, state participation, requirements for local processing. On paper, the bargaining power is considerable.',
      { h: 'Why it is less than it looks' },
      'In practice, several factors weaken it. Lithium prices have swung dramatically, from record highs to steep slumps within a couple of years, making long-term planning difficult for governments and investors alike. When prices fall, projects are delayed and leverage evaporates.',
      'Alternative supplies are growing too. Hard-rock mining in Australia, new projects in Africa and efforts to recover lithium through recycling all reduce dependence on any one region. Battery chemistries that use less lithium, or none at all, are also being developed.',
      {
        quote:
          '“Every time the region tightens terms, buyers look elsewhere. The question is not whether to negotiate hard, but how hard you can push before the money goes to another continent.”',
        by: 'Gabriela Soria, a mining economist in Salta',
      },
      { h: 'Water and local consent' },
      'A third constraint is local. Extracting lithium from brine can use large volumes of water in some of the driest places on earth, and Indigenous communities living around the salt flats have challenged projects over water rights and consultation. Governments that ignore these concerns risk legal battles and protests that delay production far more than any royalty dispute.',
      'The three countries have taken different approaches, mixing state control and private investment in varying proportions, and none has yet found a formula that satisfies investors, communities and national treasuries at once. Coordination among them has been discussed more often than practised. The likeliest outcome is neither bonanza nor bust, but a slow, contested expansion in which the region’s share of global supply matters, just not enough to dictate terms.',
      { related: 'v-andes-glacier-water-climate' },
    ],
  },

  // --------------------------------------------------------------- business
  {
    key: 'v-container-rates-business',
    headline: 'Container freight rates ease as new ships join crowded trade lanes',
    standfirst:
      'A wave of newly built vessels is adding capacity faster than trade is growing, pushing down the cost of shipping goods between Asia and Europe for a third month.',
    label: 'news',
    section: 'business',
    authors: ['daniel-achterberg'],
    tags: ['Trade', 'Shipping', 'Inflation'],
    publishedHoursAgo: 3,
    lead: {
      motif: 'sea',
      hue: 205,
      alt: 'Illustration of blue waves rolling towards a distant horizon',
      caption: 'More capacity on the main trade routes has lowered the cost of moving a container.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'The cost of shipping a container from East Asia to northern Europe fell again this month, extending a decline that freight analysts attribute to a simple imbalance: there are more ships than cargo to fill them.',
      'Shipping lines ordered large numbers of vessels during the period of record profits a few years ago, and many of those ships are now being delivered. The new capacity is arriving while growth in global goods trade remains modest, leaving carriers competing hard for bookings. Spot rates on some routes are now well below their levels at the start of the year.',
      { h: 'Relief for importers' },
      'For retailers and manufacturers, lower freight costs are welcome. Transport can account for a significant share of the landed cost of bulky, low-value goods such as furniture and household appliances, and importers have been pressing for cheaper contract rates in their annual negotiations.',
      {
        quote:
          '“We signed our contracts this year at levels we have not seen for a while. That gives us room to hold prices steady on the shelf.”',
        by: 'Marta Lindqvist, logistics director at a Scandinavian home goods chain',
      },
      'Economists say the effect on consumer inflation is likely to be small but positive. Freight costs feed into prices with a lag of several months, so this year’s declines may show up in goods prices later on.',
      { h: 'Carriers respond' },
      'Shipping companies are trying to protect margins by cancelling some scheduled sailings, slowing vessels to save fuel and sending older ships for scrapping. Some analysts expect rates to stabilise once those measures take effect.',
      {
        quote:
          '“The carriers have more tools than they did a decade ago. They will not let rates fall to the floor without a fight.”',
        by: 'Tobias Reinholt, a maritime analyst in Hamburg',
      },
      'Risks remain. Disruptions at key chokepoints have in the past pushed rates sharply higher within weeks, and any renewed need to reroute ships around longer passages would absorb much of the spare capacity. For now, though, the balance of power in the freight market has shifted back towards the companies buying space on ships.',
    ],
  },
  {
    key: 'v-remittance-apps-business',
    headline: 'The phone apps quietly reshaping how migrants send money home',
    standfirst:
      'Digital transfer services have cut the cost of remittances to Latin America, but families on the receiving end still face cash-only economies and patchy connections.',
    label: 'feature',
    section: 'business',
    authors: ['lucia-ferreyra'],
    tags: ['Migration', 'Latin America', 'Economy'],
    publishedHoursAgo: 120,
    updatedHoursAgo: 100,
    lead: {
      motif: 'city',
      hue: 160,
      alt: 'Illustration of a city skyline silhouette in green and teal tones',
      caption: 'Many migrants now send money home through apps rather than over the counter.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'On Friday evenings, the queue used to stretch out of the money transfer office on a busy street in the south of Bogotá. Venezuelan construction workers, domestic staff and delivery riders waited to send part of their week’s wages home. The office is still there, but the queue is shorter. Many of its former customers now send money from their phones in under a minute.',
      'Remittances are a lifeline across Latin America and the Caribbean, where they make up a sizeable share of household income in several countries. For years, the fees charged on small transfers were stubbornly high. Digital services, from specialist apps to bank transfers and platforms built on dollar-linked tokens, have helped push costs down.',
      { h: 'Cheaper, faster, not always simpler' },
      'Users describe the change in practical terms. Money arrives within minutes rather than days, and fees on small amounts have fallen. But the receiving end has not always kept pace.',
      {
        quote:
          '“My mother lives in a town where the shops want cash. The money reaches her phone, and then she has to take a bus to find someone who will change it.”',
        by: 'Yohana Parra, a care assistant in Bogotá who sends money to Barquisimeto',
      },
      'In rural areas with weak connectivity and few agents, families still depend on intermediaries who take their own cut. Exchange-rate margins, which are less visible than fees, can also erode the value of a transfer.',
      { h: 'Regulators catch up' },
      'Central banks and financial regulators across the region have been trying to balance innovation with oversight. Instant payment systems built by public authorities have made domestic transfers faster and cheaper, and some countries are exploring links between their systems to ease cross-border payments.',
      {
        quote:
          '“The technology is the easy part. The hard part is making sure a grandmother in a small town can turn that balance into groceries without losing a tenth of it.”',
        by: 'Andrés Villamizar, a payments researcher in Medellín',
      },
      'For now, the shift is uneven but clear. The money still travels the same emotional route, from a wage earned abroad to a family waiting at home. It just travels a little faster, and a little more cheaply, than it did before.',
      { related: 'v-migration-summits-opinion' },
    ],
  },
  {
    key: 'v-peru-coffee-prices-business',
    headline: 'Peru’s coffee growers weigh a price windfall against rising costs',
    standfirst:
      'High international prices have lifted incomes in Peru’s highland coffee regions, but fertiliser, labour and climate pressures are eating into the gains.',
    label: 'news',
    section: 'business',
    authors: ['tomas-quispe'],
    tags: ['Agriculture', 'Trade', 'Climate'],
    publishedHoursAgo: 8,
    lead: {
      motif: 'hills',
      hue: 100,
      alt: 'Illustration of layered green hills under a soft sky',
      caption: 'Coffee is grown on steep slopes across Peru’s central and northern highlands.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'In the hills around Jaén in northern Peru, coffee farmers are enjoying something rare: prices that cover their costs with money to spare. International prices for arabica beans have stayed high after poor harvests in major producing countries, and buyers have been paying premiums for quality lots. Export volumes from the region have risen as well, helped by a good flowering season.',
      'For smallholders who farm a few hectares on steep slopes, the extra income has paid for school fees, roof repairs and, in some cases, debts carried over from leaner years.',
      {
        quote:
          '“Two years ago I was thinking of leaving the farm. This year I bought new drying tables and paid my pickers on time.”',
        by: 'Eusebio Chuquimango, a grower and cooperative member near Jaén',
      },
      { h: 'Costs climb too' },
      'But farmers and cooperative managers say the windfall is smaller than it looks. Fertiliser prices remain elevated, and labour has become scarce and more expensive as young people leave for the cities or for mining work. Many farms now struggle to find enough pickers at harvest time.',
      'Climate is another worry. Warmer temperatures and irregular rains favour the spread of coffee leaf rust, a fungus that devastated plantations in the region a decade ago. Growers are moving plots to higher altitudes where they can, and some are replanting with more resistant varieties.',
      { h: 'Cooperatives in the middle' },
      'Cooperatives, which buy from members and sell to exporters, face a squeeze of their own. High prices mean they need more working capital to pay farmers upfront, and some have struggled to secure credit.',
      {
        quote:
          '“When prices are high, everyone thinks we are rich. In fact we need twice as much money in the bank just to buy the same harvest.”',
        by: 'Rosa Huamán, general manager of a coffee cooperative in Cajamarca',
      },
      'Economists warn that commodity cycles turn. Farmers who use the current boom to pay down debt and invest in resilience will be better placed when prices fall. For now, in the hills around Jaén, the mood is cautiously upbeat, and the drying tables are full.',
    ],
  },
  {
    key: 'v-chip-packaging-interview-business',
    headline: '“We are not the cheap option any more”: a Penang chip packager on the region’s new bargain',
    seoHeadline: 'Interview: a Penang chip packaging chief on skills, power and new customers',
    standfirst:
      'The head of a mid-sized semiconductor packaging firm explains why customers are moving work to Malaysia, and what could make them leave again.',
    label: 'interview',
    section: 'business',
    authors: ['mei-lin-zhou'],
    tags: ['Manufacturing', 'Technology', 'Trade'],
    publishedHoursAgo: 180,
    lead: {
      motif: 'city',
      hue: 250,
      alt: 'Illustration of a city skyline silhouette in indigo and blue against a dusk sky',
      caption: 'Penang’s industrial zones have expanded as chipmakers diversify where they produce.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Penang has been assembling and testing semiconductors for about half a century, long before the phrase *supply chain resilience* entered every boardroom presentation. Lim Wei Sheng runs a packaging and testing company on the island that employs around 1,800 people. We spoke about new customers, power bills and the skills gap. The conversation has been edited for length and clarity.',
      { h: 'On the new customers' },
      '**Why are customers coming to you now?** “Some of it is geopolitics, and I won’t pretend otherwise. Clients want a second location that is not exposed to the same risks as their main one. But they also come because we have been doing this for decades. The whole ecosystem is here: suppliers, engineers, machine repair shops, people who have done this their entire careers.”',
      '**Are you competing on cost?** “Less than before. We are not the cheap option any more, and we should not try to be. We compete on yield, on reliability, on the fact that an order placed here arrives on time and works. When a customer loses a batch somewhere else, they remember who never lost one.”',
      { pull: 'We are not the cheap option any more, and we should not try to be.', by: 'Lim Wei Sheng' },
      { h: 'On the constraints' },
      '**What keeps you awake at night?** “Engineers. We can hire operators. Finding enough experienced process engineers is much harder, and when we do train them, competitors and overseas companies try to hire them away. Second is electricity. Customers increasingly ask how much of our power is renewable, and the grid needs to keep up with that question.”',
      '**Could the customers leave again?** “Of course. Nobody owes us anything. If trade tensions calm down, some companies may decide that one location is enough. That is why I tell the government to invest in the things that are useful whatever happens: schools, power, roads. Not only tax breaks. Incentives bring a company for five years. Skills keep it for twenty.”',
      '**And your own plans?** “We are adding a second floor of test equipment next year and opening a training centre with the local polytechnic. If we want engineers, we have to help make them.”',
      { related: 'v-asia-factories-analysis' },
    ],
  },

  // ---------------------------------------------------------------- climate
  {
    key: 'v-andes-glacier-water-climate',
    headline: 'As Andean glaciers shrink, a highland valley learns to share less water',
    standfirst:
      'In a Peruvian valley fed by retreating ice, farmers, a town and a small hydropower plant are renegotiating who gets water, and when.',
    label: 'feature',
    section: 'climate',
    authors: ['tomas-quispe'],
    tags: ['Climate', 'Water', 'Peru'],
    publishedHoursAgo: 260,
    lead: {
      motif: 'hills',
      hue: 180,
      alt: 'Illustration of layered hills in pale cyan and blue tones',
      caption: 'Glaciers above highland valleys in Peru have shrunk markedly in recent decades.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Every morning at six, Alejandrina Cóndor opens a small wooden sluice gate above her potato fields and counts to a number agreed at the last community meeting. When she reaches it, she closes the gate and walks to the next one. The water that flows through began as ice on the peaks above the valley, ice that is disappearing.',
      'Tropical glaciers in the Andes have lost a substantial share of their area over recent decades, and the scientific assessments gathered by the [Intergovernmental Panel on Climate Change](https://www.ipcc.ch/) point to further losses. For communities downstream, the change is not abstract. Melting ice first swells the rivers; then, once a glacier shrinks past a certain point, dry-season flows begin to decline.',
      { h: 'Rewriting the rules' },
      'In one valley in Peru’s Áncash region, irrigation committees, the town water utility and a small hydropower operator have spent two years negotiating a new water-sharing agreement. The old one, drawn up when flows were more generous, assumed there would always be enough in the dry months. That assumption no longer holds.',
      {
        figure: {
          motif: 'hills',
          hue: 200,
          alt: 'Illustration of blue-grey hills receding into the distance',
          caption: 'Dry-season flows in glacier-fed valleys are expected to fall as the ice retreats.',
          credit: 'Illustration: Newsdesk Graphics',
        },
      },
      {
        quote: '“For my grandparents, the mountain was a bank that never closed. Now we have to budget.”',
        by: 'Alejandrina Cóndor, a farmer and irrigation committee member',
      },
      'The new arrangement gives priority to **drinking water**, then to small farms, then to the hydropower plant, which has agreed to cut generation during the driest weeks in exchange for a guaranteed share in the wet season. Farmers have committed to lining their canals to reduce leaks.',
      { h: 'Old techniques, new urgency' },
      'Some communities are reviving pre-Hispanic practices known as *amunas*: channels that divert rainwater into the hillside during the wet season so that it seeps out into springs months later. Researchers working with the communities say the technique can stretch water availability into the dry season, though it cannot replace a glacier.',
      {
        quote: '“Nature-based storage buys time. It does not buy back the ice.”',
        by: 'Julio Mendívil, a hydrologist who works with highland communities',
      },
      'At the end of her round, Cóndor checks the last gate and looks up at the peak. “When I was a child it was white down to there,” she says, pointing at a band of grey rock. “Now we share what is left.”',
      { related: 'v-lithium-bargaining-analysis' },
    ],
  },
  {
    key: 'v-mangrove-restoration-climate',
    headline: 'Mangrove replanting on Senegal’s coast survives its first hard test',
    standfirst:
      'A community restoration scheme in the Saloum delta reports most of its seedlings alive after a harsh dry season, a result scientists call encouraging but early.',
    label: 'news',
    section: 'climate',
    authors: ['amara-diallo'],
    tags: ['Climate', 'Biodiversity', 'Oceans'],
    publishedHoursAgo: 2,
    lead: {
      motif: 'forest',
      hue: 120,
      alt: 'Illustration of a dense forest of green trees in layered rows',
      caption: 'Mangrove forests protect coastlines and store large amounts of carbon.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'A community-led project replanting mangroves in Senegal’s Saloum delta says roughly three quarters of the seedlings it planted last year survived the dry season, a higher rate than many earlier efforts in the region.',
      'The project, run by a network of village associations with technical support from a university research team, planted several hundred thousand propagules on mudflats where mangroves had died back because of rising salinity and past cutting.',
      {
        quote:
          '“Many projects plant and leave. We came back every month, we counted, and we replanted where the seedlings failed.”',
        by: 'Awa Sarr, coordinator of the women’s association leading the planting',
      },
      { h: 'Why survival rates matter' },
      'Mangrove restoration has a mixed record worldwide. Large planting campaigns have sometimes placed seedlings in the wrong spots, on mudflats flooded for too long or not long enough, where most of them died. Scientists increasingly argue that restoring the conditions mangroves need, especially natural tidal flow, matters more than the number of trees planted.',
      {
        figure: {
          motif: 'sea',
          hue: 170,
          alt: 'Illustration of green-blue waves meeting a low horizon',
          caption: 'Tidal flow is a key factor in whether mangrove seedlings survive.',
          credit: 'Illustration: Newsdesk Graphics',
        },
      },
      'The Saloum team says it chose sites by studying where mangroves had grown before and where silted tidal channels could be reopened. Villagers cleared several of those channels by hand before planting began.',
      {
        quote:
          '“Survival after one dry season is a good sign, not a conclusion. The real test is whether these trees are still standing in five years and start to regenerate on their own.”',
        by: 'Ibrahima Faye, a coastal ecologist in Dakar',
      },
      { h: 'Carbon and livelihoods' },
      'Mangroves store large amounts of carbon in their soils and shelter nurseries for fish and shellfish, which matter to the oyster and fish catches that many families in the delta depend on. Supporters hope to fund an expansion partly through carbon credits, though they say the first income should go to the villages doing the work.',
      'The [UN Environment Programme](https://www.unep.org/) counts mangrove restoration among the more cost-effective nature-based climate measures. For the planters in the Saloum, the benefits are more immediate: more oysters, and a buffer against the storms that have been eating away at the shoreline.',
    ],
  },
  {
    key: 'v-heat-building-codes-climate',
    headline: 'Europe’s cities are rewriting their building codes for hotter summers',
    standfirst:
      'From shaded streets to cool roofs and night ventilation rules, municipal planners are adapting to heat that older buildings were never designed to handle.',
    label: 'analysis',
    section: 'climate',
    authors: ['sofia-marchetti'],
    tags: ['Climate', 'Europe', 'Cities'],
    publishedHoursAgo: 340,
    lead: {
      motif: 'city',
      hue: 25,
      alt: 'Illustration of a city skyline silhouette in orange and ochre under a hazy sky',
      caption: 'Dense urban areas trap heat, making nights during summer heatwaves especially dangerous.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Much of Europe’s housing was built to keep heat in, not out. Thick walls, large south-facing windows and little or no cooling made sense on a continent where winter was the main threat to health. As summers grow hotter, that logic is being turned around, and cities are rewriting the rules for how buildings and streets are designed.',
      { h: 'Why heat is a planning problem' },
      'Heatwaves are among the deadliest weather events in Europe, and their toll is concentrated in cities, where concrete and asphalt absorb heat by day and release it at night. Older people, those with chronic illness and residents of small top-floor flats are most at risk. Public health studies have linked high night-time temperatures in particular to excess deaths.',
      'Municipal responses vary, but several measures are becoming common:',
      {
        list: [
          'External shading, such as shutters and awnings, required on new and renovated buildings.',
          'Reflective or planted roofs to reduce surface temperatures.',
          'Minimum tree-canopy targets for streets and school playgrounds.',
          'Ventilation standards that allow cross-breezes at night.',
          'Public cooling centres with extended hours during heat alerts.',
        ],
      },
      {
        quote:
          '“We used to judge a building by how little heating it needed. Now we also ask how hot the bedroom gets at three in the morning in August.”',
        by: 'Chiara Bellandi, an urban planner in Bologna',
      },
      { h: 'The air-conditioning dilemma' },
      'Air conditioning is spreading fast, and it saves lives during extreme heat. But it also raises electricity demand at peak times and pumps hot air into the street. Planners generally see it as a last line of defence rather than a substitute for better design. Cost is the other obstacle: retrofitting older buildings is expensive, and the people most at risk are often tenants with little say over renovations. Some cities now tie renovation subsidies to heat protection as well as energy savings.',
      { h: 'Evidence still building' },
      'There is good evidence that trees, shade and reflective surfaces lower local temperatures. Evidence on which combination of measures most reduces deaths is thinner, partly because heatwaves vary so much from year to year. What planners broadly agree on is that *waiting for certainty is not an option*. Buildings going up now will still be standing in the 2080s, in a climate that the [European Environment Agency](https://www.eea.europa.eu/) and others expect to be considerably hotter.',
      { related: 'v-eu-defence-climate-opinion' },
    ],
  },

  // ------------------------------------------------------------------ sport
  {
    key: 'v-womens-league-crowds-sport',
    headline: 'Record crowds push Nigeria’s top women’s football clubs to think bigger',
    standfirst:
      'Clubs in Nigeria’s top women’s division report their biggest attendances yet this season, and organisers are considering moving marquee matches to larger grounds.',
    label: 'news',
    section: 'sport',
    authors: ['amara-diallo'],
    tags: ['Football', 'Sport', 'Women’s Sport'],
    publishedHoursAgo: 26,
    lead: {
      motif: 'stadium',
      hue: 300,
      alt: 'Illustration of an oval stadium in magenta and purple tones around a green pitch',
      caption: 'Attendances at women’s club matches have climbed sharply this season.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Clubs in Nigeria’s top women’s football division say attendances have reached record levels this season, with several weekend matches in Lagos and Port Harcourt played in front of grounds filled close to capacity.',
      'League organisers are now discussing whether to move the most anticipated fixtures to larger stadiums, a step that would have been hard to imagine a few years ago, when many games were watched by a few hundred spectators.',
      {
        quote: '“We used to beg people to come. Last month we had to close the gates an hour before kick-off.”',
        by: 'Chiamaka Eze-Bello, commercial manager at a Lagos club',
      },
      { h: 'What changed' },
      'Club officials point to several factors. Matches have been broadcast more regularly on free-to-air television and streamed online, and the national team’s strong showings at international tournaments have created fans who follow individual players to their clubs. Ticket prices have been kept low, and some clubs organise free buses from schools and universities.',
      'Social media has played its part too. Several players now have large online followings, and clubs have learned to promote matchdays with short videos from training rather than posters on lamp posts. Officials say the crowds are noticeably younger than those at many men’s fixtures, with families and groups of students making up a large share.',
      { h: 'Growing pains' },
      'The growth has also exposed old weaknesses. Players at several clubs say salaries are still paid late, and some training grounds lack basic medical support. Officials acknowledge that bigger crowds must translate into **better conditions** for the athletes on the pitch.',
      {
        quote:
          '“The fans have arrived. Now the clubs need to treat the players as professionals, with contracts that are honoured every month.”',
        by: 'Blessing Adeyemi-Okon, a midfielder and players’ representative',
      },
      'Sponsors have begun to take notice. A telecoms company and a regional bank have signed agreements for the coming season, according to league officials, though the sums have not been disclosed.',
      'Governing bodies across the continent, including the [Confederation of African Football](https://www.cafonline.com/), have pledged to invest in the women’s game. Club officials say the next test is consistency: keeping fans coming back once the novelty fades.',
      { related: 'v-mega-events-opinion' },
    ],
  },
  {
    key: 'v-altitude-marathon-interview-sport',
    headline: '“The mountain taught me patience”: a Bolivian marathoner on training at 4,000 metres',
    seoHeadline: 'Interview: a Bolivian marathon runner on altitude, money and speed',
    standfirst:
      'A long-distance runner from El Alto explains how thin air, scarce funding and a borrowed stopwatch shaped her path to the international marathon circuit.',
    label: 'interview',
    section: 'sport',
    authors: ['tomas-quispe'],
    tags: ['Athletics', 'Sport', 'Bolivia'],
    publishedHoursAgo: 390,
    lead: {
      motif: 'hills',
      hue: 270,
      alt: 'Illustration of layered violet hills under a pale lavender sky',
      caption: 'Runners on the Bolivian altiplano train at altitudes above 4,000 metres.',
      credit: 'Illustration: Newsdesk Graphics',
    },
    body: [
      'Justina Quenta Ayala grew up in El Alto, the sprawling city on the altiplano above La Paz, where each breath carries roughly a third less oxygen than at sea level. She started running to get to school faster. Now in her late twenties, she races marathons abroad and is chasing a qualifying time for the next major championships. We spoke after a morning session; the interview has been condensed and edited.',
      { h: 'Starting out' },
      '**How did you begin running seriously?** “A teacher saw me racing the bus. He had a stopwatch borrowed from the sports club, and he timed me around the football pitch. He said, ‘You are not normal,’ and I thought he was scolding me.”',
      '**Does altitude give you an advantage?** “It helps the blood, the lungs. But people think we are born with everything, and it is not true. At altitude you cannot train fast, so when you come down you must learn speed. The mountain taught me patience. Sea level teaches you pain.”',
      { pull: 'The mountain taught me patience. Sea level teaches you pain.', by: 'Justina Quenta Ayala' },
      { h: 'Money and recognition' },
      '**How do you fund your career?** “Prize money, when I win. A small grant from the federation some years, not others. My family sells clothes in the market and they help. I share a coach with six other athletes. Shoes are expensive, so I make them last.”',
      {
        quote:
          '“She trains with a discipline I rarely see, and with a fraction of the resources her rivals have.”',
        by: 'Ramiro Choquehuanca, her coach in El Alto',
      },
      '**What would change things for runners like you?** “A proper track in El Alto, with lights, so we are not running between cars in the dark. And races at home that pay enough to keep athletes here. Many good runners stop at twenty-two because they need a job.”',
      { h: 'Looking ahead' },
      '**What are you aiming for next?** “The qualifying time. I am close, maybe two minutes. I will run a race in Europe in the spring, on a flat course. If the weather is kind, I think I can do it. And if not, I go back up the mountain and start again.”',
    ],
  },
];
