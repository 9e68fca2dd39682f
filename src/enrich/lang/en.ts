// Everything English-specific that enrichment needs, in one place, so another language can be
// added as a sibling module with the same shape (titles, verbs, lexicons, date words).

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s*\|\s*|\s*\n\s*/).filter(Boolean).map((w) => w.toLowerCase()));

/** Words that open a sentence but are not names (checked lower-cased). */
export const FUNCTION_WORDS = set(`
a|an|the|this|that|these|those|there|here|it|its|he|she|they|we|i|you|his|her|their|our|my|your|him|them|us
and|or|but|nor|so|yet|if|when|while|as|after|before|since|until|because|although|though|despite|during|with|without
in|on|at|by|for|from|of|to|into|onto|over|under|about|against|between|among|across|through|per|via|amid|near|like|unlike
according|also|already|still|even|just|only|then|now|later|earlier|meanwhile|however|moreover|instead|thus|yes|no|not
what|who|whom|whose|which|where|why|how|all|any|some|many|much|more|most|few|several|both|each|every|other|another
one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|last|next|former|late|early|chief|senior|old
is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must|shall
said|says|say|told|added|asked|noted|wrote|called|read|watch|see|share|follow|subscribe|click|photo|video|image|file|update|updated|breaking|opinion|latest|related|advertisement|sponsored|trending|ai|tv
mr|mrs|ms|dr|sir|dame|lord|lady|st
monday|tuesday|wednesday|thursday|friday|saturday|sunday
january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec
today|tonight|tomorrow|yesterday|morning|afternoon|evening|night|week|month|year|day
god|jesus|allah
`);

/** Capitalised abbreviations that are not names of anything. */
export const NON_NAME_ACRONYMS = set('ai|tv|ceo|cfo|coo|cto|gdp|ipo|etf|ev|evs|nft|pc|ok|am|pm|mvp|dj|hq|id|faq|pdf|usb|gps|vip|diy|fyi|rip|lgbtq|covid|sars|hiv|aids|ai-powered|q1|q2|q3|q4|mph|kph|gmt|utc|est|pst|bst|edt|pdt');

/** Role words before a name: stripped from a mention and evidence that a person follows. */
export const TITLE_WORDS = set(`
president|vice|prime|minister|foreign|defence|defense|interior|finance|home|deputy|secretary|general|attorney|chief|executive
chairman|chairwoman|chair|ceo|cfo|cto|founder|director|spokesman|spokeswoman|spokesperson|ambassador|envoy|governor|gov|gov.
senator|sen|sen.|rep|rep.|representative|congressman|congresswoman|mayor|judge|justice|magistrate|prosecutor|commissioner
king|queen|prince|princess|sheikh|emir|sultan|crown|chancellor|premier|leader|speaker|lawmaker|mp|pm|mr|mrs|ms|miss|dr|prof
professor|cardinal|archbishop|bishop|father|rev|reverend|sister|brother|imam|rabbi|coach|captain|capt|gen|gen.|lt|col|sgt|maj
officer|inspector|superintendent|commander|admiral|marshal|head|acting|interim|former|ex|then|supreme|state|federal|national
economist|analyst|strategist|researcher|scientist|official|spokesperson|star|singer|rapper|actor|actress|player|tennis|no
director-general|secretary-general|tanaiste|tánaiste|taoiseach|comptroller|democrat|republican|democratic|assemblyman|assemblywoman|councilman|councilwoman
councillor|councilor|candidate|nominee|incumbent|challenger|quarterback|pitcher|striker|midfielder|goalkeeper|manager|boss|president-elect|mayor-elect
vice-president|vice-chairman|vice-chair|co-founder|superstar|pop|legend|veteran|activist|lawyer|attorney|defendant|plaintiff|witness|reporter|correspondent|editor
`);

/** Role words that describe an organisation's person: "Kremlin spokesman Dmitry Peskov". */
export const HONORIFICS = set('mr|mrs|ms|miss|dr|prof|sir|dame|mx|mr.|mrs.|ms.|dr.|prof.');

/** Name particles that stay lower-case inside a person's or place's name. */
export const NAME_PARTICLES = set('al|el|bin|ibn|bint|abu|de|da|di|du|del|della|der|den|van|von|la|le|dos|das|ter|y|ul|ud');

/** Connectors allowed inside an organisation or place name ("Bank of England"). */
export const NAME_CONNECTORS = set('of|for|and|the|&|on|de|du|des|del|la');

/** Tokens that make a capitalised sequence an organisation. */
export const ORG_WORDS = set(`
ministry|department|agency|office|bureau|service|services|commission|committee|council|assembly|parliament|congress|senate|cabinet|government
court|tribunal|police|army|navy|force|forces|guard|military|command|brigade|regiment|corps|militia|front|movement|party|coalition|alliance|union|league
federation|association|organisation|organization|institute|institution|foundation|fund|trust|society|club|academy|university|college|school|hospital|centre|center
bank|reserve|fed|exchange|authority|board|administration|directorate|secretariat|mission|delegation|embassy|consulate|network|broadcasting|broadcaster|press|news|newspaper|times|post|herald|tribune|journal|gazette|telegraph|guardian|daily|weekly|magazine|radio|television|tv|media|group|holdings|company|co|corp|corporation|inc|ltd|llc|plc|ag|sa|gmbh|partners|capital|securities|investments|systems|technologies|technology|labs|laboratories|motors|airlines|airways|energy|oil|petroleum|records|studios|pictures|entertainment|foods|pharmaceuticals|insurance|communications|telecom|survey|observatory|programme|program|initiative|council|chamber|synod|church|diocese|vatican|caucus|statistics|research|data|markets|bloc|cooperation|organisation
`);

/** Organisations that are well known by one or two words (general list, not tuned to any article). */
export const KNOWN_ORGS: ReadonlyArray<[string, ...string[]]> = [
  ['Reuters'], ['Associated Press', 'AP'], ['Agence France-Presse', 'AFP'], ['Bloomberg'], ['CNN'], ['BBC'], ['Al Jazeera'], ['TASS'], ['RIA Novosti'],
  ['Xinhua'], ['Kyodo'], ['Yonhap'], ['ANI'], ['PTI'], ['IANS'], ['NHK'], ['SANA'], ['IRNA'], ['Anadolu Agency', 'Anadolu'], ['NDTV'], ['CBS'], ['NBC'], ['ABC'], ['Fox News'], ['NPR'], ['RT'],
  ['The New York Times', 'New York Times', 'NYT'], ['The Washington Post', 'Washington Post'], ['The Guardian'], ['Financial Times', 'FT'], ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'], ['The Hill'], ['Politico'], ['Axios'],
  ['Kremlin'], ['Pentagon'], ['White House'], ['Downing Street'], ['Elysee', 'Élysée'], ['Vatican'], ['Holy See'], ['Taliban'], ['Hamas'], ['Hezbollah'], ['Houthis'], ['Islamic State', 'ISIS', 'ISIL'], ['al-Qaeda', 'Al Qaeda'],
  ['United Nations', 'UN', 'U.N.'], ['NATO'], ['European Union', 'EU'], ['World Health Organization', 'World Health Organisation', 'WHO'], ['International Monetary Fund', 'IMF'], ['World Bank'], ['World Trade Organization', 'WTO'],
  ['OPEC'], ['ASEAN'], ['BRICS'], ['G7'], ['G20'], ['Red Cross'], ['Red Crescent'], ['UNICEF'], ['UNESCO'], ['UNHCR'], ['Interpol'], ['Europol'], ['African Union'],
  ['Federal Reserve', 'Fed'], ['European Central Bank', 'ECB'], ['Bank of England'], ['Bank of Japan'], ['FBI'], ['CIA'], ['NASA'], ['SEC'], ['FDA'], ['CDC'], ['NSA'], ['IRS'], ['ICE'], ['FEMA'], ['NOAA'],
  ['Apple'], ['Wells Fargo'], ["Barron's"], ['xAI'], ['Microsoft'], ['Google'], ['Alphabet'], ['Amazon'], ['Meta'], ['Nvidia'], ['Tesla'], ['OpenAI'], ['Anthropic'], ['Intel'], ['AMD'], ['IBM'], ['Samsung'], ['Huawei'], ['TSMC'], ['Boeing'], ['Airbus'],
  ['SpaceX'], ['Blue Origin'], ['Netflix'], ['Disney'], ['Sony'], ['Toyota'], ['Volkswagen'], ['Goldman Sachs'], ['JPMorgan', 'JPMorgan Chase'], ['Citigroup', 'Citi'], ['Morgan Stanley'], ['BlackRock'], ['Gazprom'], ['Rosneft'],
  ['Aramco', 'Saudi Aramco'], ['Walmart'], ['Oracle'], ['Qualcomm'], ['Broadcom'], ['Uber'], ['Coca-Cola'], ['PepsiCo'], ['Pfizer'], ['Moderna'], ['Nike'], ['Shell'], ['BP'], ['ExxonMobil', 'Exxon'], ['Chevron'],
  ['NFL'], ['NBA'], ['MLB'], ['NHL'], ['FIFA'], ['UEFA'], ['IOC'], ['ATP'], ['WTA'], ['ICC'], ['Catholic Church', 'Roman Catholic Church'],
];

/** Last words that make a capitalised run a geographic feature or area (a place even when no gazetteer knows it). */
export const PLACE_FEATURE_WORDS = set(`
street|valley|county|river|peninsula|mountain|mountains|lake|sea|ocean|bay|island|islands|desert|coast|strait|straits|gulf|canyon|hills|country|province
district|region|prefecture|governorate|oblast|square|avenue|road|marg|bridge|city|plateau|basin|delta|forest|falls|creek|beach|harbour|harbor|village|town|valley|quarter|meadows|heights|park|border|corridor|highlands|lowlands
`);

/** Last words of things that are neither organisations nor places in the gold standard's sense: facilities, events, products, documents, storms. */
export const NON_ENTITY_WORDS = set(`
stadium|airport|arena|hospital|polyclinic|clinic|palace|basilica|cathedral|mosque|temple|shrine|market|hotel|camp|trophy|cup|award|awards|prize|summit|charter|act|bill
cyclone|hurricane|storm|typhoon|prison|jail|tower|building|museum|theatre|theater|station|terminal|dam|plaza|mall|tournament|championship|championships|open|games|olympics
conference|forum|festival|expo|era|war|operation|plan|index|average|bills|bonds|day|meeting|way|time|superdome|dome|drama|timeline|partnership|agreement|deal|accord|treaty|doctrine|strategy|report
`);

/** Direction words that qualify a place name ("West Texas", "South-Central Texas", "Northern Ireland"). */
export const DIRECTION_WORDS = set('north|south|east|west|central|northern|southern|eastern|western|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|south-central|north-central|upper|lower|greater|far|middle|inner|outer');

/** News organisations: sources of a report, not actors of its event. */
export const MEDIA_ORGS = set(`
reuters|associated press|ap|afp|agence france-presse|bloomberg|cnn|bbc|al jazeera|tass|ria novosti|xinhua|kyodo|yonhap|ani|pti|ians|nhk|sana|irna|anadolu|ndtv|cbs|nbc|abc|fox news|npr|rt
the new york times|new york times|the washington post|washington post|the guardian|financial times|wall street journal|the hill|politico|axios|barron's|news.az|newsaz
`);

/** Verbs that attribute speech or writing (lower-case surface forms). */
export const SPEECH_VERBS = set(`
said|says|say|saying|told|tells|tell|added|adds|wrote|writes|write|stated|states|declared|declares|announced|announces|explained|explains|noted|notes
asked|asks|replied|replies|insisted|insists|argued|argues|warned|warns|claimed|claims|stressed|stresses|emphasised|emphasized|underscored|underlined
urged|urges|continued|continues|recalled|recalls|acknowledged|acknowledges|admitted|admits|posted|posts|tweeted|commented|remarked|observed|conceded
confirmed|confirms|reported|reports|according|praised|praises|described|describes|called|calls|hailed|hails|vowed|vows|promised|promises|pledged
predicted|suggested|suggests|concluded|cautioned|lamented|mused|quipped|joked|shouted|told|highlighted|highlights|welcomed|reiterated|reiterates|assured|said:
`);

/** Words after a quotation that make it a name, not speech ("known as 'Puff Daddy'"). */
export const NAMING_CUES = /\b(?:known as|dubbed|nicknamed|so-called|called it|called the|titled|entitled|named|the term|the word|the phrase|branded|labelled|labeled|operation|hashtag|film|song|album|book|show|series|slogan|motto)\s*$/i;

export const PERSON_PRONOUNS = set('he|she|him|her');
export const GROUP_SPEAKERS = set('officials|they|authorities|experts|analysts|residents|witnesses|sources|observers|people|critics|one|someone|another|many|some|others|users|commenters');

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Fixed-date holidays: name → MM-DD. */
export const HOLIDAYS: Readonly<Record<string, string>> = {
  "new year's day": '01-01', "new year's eve": '12-31', 'christmas day': '12-25', 'christmas eve': '12-24', 'christmas': '12-25',
  'independence day': '07-04', 'halloween': '10-31', "valentine's day": '02-14', 'boxing day': '12-26', "st patrick's day": '03-17',
  'bastille day': '07-14', 'canada day': '07-01', 'australia day': '01-26', 'juneteenth': '06-19', 'veterans day': '11-11', 'may day': '05-01',
};

/** Cues that a sentence narrates the future (weekday → the next such day). */
export const FUTURE_CUES = /\b(?:will|won't|shall|is|are) (?:to|set to|expected to|scheduled to|due to|going to)\b|\b(?:will|won't|shall|plans? to|is set to|are set to|is due to|are due to|is expected|are expected|is scheduled|are scheduled|upcoming|next)\b/i;

/** Demonyms and adjectives → ISO country code: context for geocoding and title stripping. */
export const DEMONYMS: Readonly<Record<string, string>> = {
  american: 'US', 'u.s.': 'US', us: 'US', british: 'GB', english: 'GB', scottish: 'GB', welsh: 'GB', irish: 'IE', french: 'FR', german: 'DE', italian: 'IT', spanish: 'ES',
  portuguese: 'PT', dutch: 'NL', belgian: 'BE', swiss: 'CH', austrian: 'AT', swedish: 'SE', norwegian: 'NO', danish: 'DK', finnish: 'FI', polish: 'PL', czech: 'CZ',
  hungarian: 'HU', romanian: 'RO', bulgarian: 'BG', greek: 'GR', turkish: 'TR', russian: 'RU', ukrainian: 'UA', belarusian: 'BY', georgian: 'GE', armenian: 'AM',
  chinese: 'CN', japanese: 'JP', korean: 'KR', 'south korean': 'KR', 'north korean': 'KP', taiwanese: 'TW', vietnamese: 'VN', thai: 'TH', burmese: 'MM', myanmar: 'MM',
  cambodian: 'KH', malaysian: 'MY', indonesian: 'ID', filipino: 'PH', philippine: 'PH', singaporean: 'SG', indian: 'IN', pakistani: 'PK', bangladeshi: 'BD',
  nepali: 'NP', nepalese: 'NP', 'sri lankan': 'LK', afghan: 'AF', iranian: 'IR', iraqi: 'IQ', syrian: 'SY', lebanese: 'LB', israeli: 'IL', palestinian: 'PS',
  jordanian: 'JO', saudi: 'SA', emirati: 'AE', qatari: 'QA', yemeni: 'YE', egyptian: 'EG', libyan: 'LY', tunisian: 'TN', algerian: 'DZ', moroccan: 'MA',
  sudanese: 'SD', ethiopian: 'ET', kenyan: 'KE', nigerian: 'NG', ghanaian: 'GH', 'south african': 'ZA', canadian: 'CA', mexican: 'MX', brazilian: 'BR',
  argentine: 'AR', argentinian: 'AR', chilean: 'CL', colombian: 'CO', peruvian: 'PE', venezuelan: 'VE', cuban: 'CU', australian: 'AU', 'new zealand': 'NZ',
  kazakh: 'KZ', uzbek: 'UZ', azerbaijani: 'AZ', serbian: 'RS', croatian: 'HR', texan: 'US', californian: 'US',
};

/** Multi-country regions and historical entities: places without an ISO code. */
export const SUPRANATIONAL: readonly string[] = [
  'Middle East', 'Europe', 'Asia', 'Africa', 'North America', 'South America', 'Latin America', 'Central America', 'Southeast Asia', 'South Asia', 'Central Asia',
  'East Asia', 'Western Europe', 'Eastern Europe', 'Central Europe', 'Northern Europe', 'Southern Europe', 'Balkans', 'Caucasus', 'Gulf', 'Persian Gulf',
  'Sahel', 'Scandinavia', 'Caribbean', 'Pacific', 'Atlantic', 'Arctic', 'Antarctic', 'Mediterranean', 'Indian Ocean', 'Pacific Ocean', 'Atlantic Ocean',
  'Soviet Union', 'USSR', 'Hindu Kush', 'Himalayas', 'Alps', 'Andes', 'Horn of Africa', 'West Africa', 'East Africa', 'North Africa', 'Indo-Pacific', 'Asia-Pacific',
  'Black Sea', 'Red Sea', 'Baltic', 'Baltic Sea', 'South China Sea', 'Levant', 'Eurasia', 'Oceania', 'Kashmir',
];

/** Extra country names the country package lacks. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', 'the united states': 'US', 'u.k.': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'northern ireland': 'GB', 'turkey': 'TR', 'czech republic': 'CZ', 'holland': 'NL', 'burma': 'MM', 'gaza': 'PS', 'gaza strip': 'PS', 'west bank': 'PS',
  'korea': 'KR', 'congo': 'CD', 'dr congo': 'CD', 'ivory coast': 'CI', 'vatican': 'VA', 'vatican city': 'VA', 'macedonia': 'MK', 'the netherlands': 'NL',
  'the philippines': 'PH', 'uae': 'AE', 'russian federation': 'RU', 'crimea': 'RU', 'taiwan': 'TW', 'tibet': 'CN', 'hong kong': 'HK', 'bosnia': 'BA',
};

/** Event actions and the words that signal them (lower-case stems matched at word starts). */
export const EVENT_CUES: ReadonlyArray<[string, RegExp]> = [
  ['other', /\b(?:died|dies|dead at|death of|passed away|funeral|resigns?|resigned|resignation|steps? down|stepped down|arrested|detained|wins? (?:the )?(?:title|final|championship|cup|super bowl|grand slam|wimbledon|open)|won (?:the )?(?:title|final|championship|cup|super bowl)|champions?|beats?|defeats?|crowned|trillion|record high|market value|market cap|milestone|hospitali[sz]ed)\b/i],
  ['disaster', /\b(?:earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash flood|tsunami|hurricane|typhoon|cyclone|tornado|wildfires?|landslides?|avalanche|eruption|volcano|drought|heatwave|storm|magnitude|death toll|rescuers|collapsed)\b/i],
  ['court_ruling', /\b(?:sentenced|sentencing|sentence|convicted|acquitted|verdict|jury|judge|ruled|ruling|court|trial|guilty|prison|appeal|bail|lawsuit)\b/i],
  ['election_result', /\b(?:wins? (?:the )?(?:election|race|primary|vote|presidency|mayoral)|won (?:the )?(?:election|race|primary|vote|mayoral)|elected|election|elects|mayor-elect|president-elect|victory|defeated|conclave|new pope|primary|ballot|votes? counted|landslide)\b/i],
  ['economic_decision', /\b(?:interest rates?|rate cut|cuts? rates|raises? rates|hikes? rates|holds? rates|basis points?|benchmark rate|monetary policy|central bank|federal reserve|the fed|fomc|tariffs?|stimulus|budget|inflation)\b/i],
  ['meet', /\b(?:meets?|met|meeting|talks with|held talks|summit|bilateral|hosted|hosts|welcomed|shook hands|sat down with)\b/i],
  ['visit', /\b(?:visits?|visited|visiting|arrives? in|arrived in|trip to|tour of|state visit|landed in|lands in)\b/i],
  ['agreement', /\b(?:agreement|agreed|agree|deal|accord|treaty|pact|signed|signs|adopted|adopts|ceasefire|truce)\b/i],
  ['accuse', /\b(?:accuses?|accused|blames?|blamed|alleges?|alleged|condemns?|condemned)\b/i],
  ['protest', /\b(?:protests?|protesters|protestors|demonstrat\w*|rally|rallies|marched|unrest|riots?|clashes)\b/i],
  ['attack', /\b(?:attacks?|attacked|strikes?|struck|airstrikes?|bombed|bombing|shelling|missiles?|drones?|invaded|invasion|offensive|shot|shooting|killed|raid)\b/i],
  ['announcement', /\b(?:announced?|announces|unveil\w*|launch\w*|discover\w*|introduc\w*|reveal\w*|released?|plans? to)\b/i],
  ['statement', /\b(?:said|says|statement|warns?|warned|urged|urges|calls? for|called for|speech|addressed|told)\b/i],
];
