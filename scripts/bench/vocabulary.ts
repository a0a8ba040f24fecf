// Word lists for the synthetic benchmark corpus. Written for this benchmark (no prose
// from the seeds): news-clipping vocabulary, so that tokenisers, stemming-free indexes
// and ripgrep see text shaped like the real thing — common function words, a long tail
// of content words, names, numbers and punctuation.

export const SUBJECTS = [
  'The city council', 'A regional court', 'The health ministry', 'Researchers at the institute', 'The company',
  'Local farmers', 'The central bank', 'A coalition of unions', 'The harbour authority', 'Investigators',
  'The school board', 'Several hospitals', 'A group of engineers', 'The transport agency', 'Climate scientists',
  'The football club', 'Shareholders', 'The museum', 'Election officials', 'The water utility',
  'A startup founder', 'The opposition party', 'Volunteers', 'The statistics office', 'Fishermen',
  'The railway operator', 'A panel of judges', 'The university', 'Tenant groups', 'The port workers'
]

export const VERBS = [
  'announced', 'rejected', 'postponed', 'approved', 'questioned', 'published', 'reviewed', 'defended',
  'criticised', 'expanded', 'suspended', 'proposed', 'confirmed', 'denied', 'negotiated', 'estimated',
  'measured', 'launched', 'abandoned', 'financed', 'investigated', 'doubled', 'halved', 'audited'
]

export const OBJECTS = [
  'a plan to rebuild the northern bridge', 'the budget for next year', 'new rules on short-term rentals',
  'a study of groundwater levels', 'the merger with its largest rival', 'a pilot for night buses',
  'the results of the spring survey', 'a ban on single-use packaging', 'plans for a solar farm',
  'the contract for hospital cleaning', 'an inquiry into delayed trains', 'the report on river pollution',
  'a scheme to insulate older homes', 'the schedule for the harbour dredging', 'a wage agreement for nurses',
  'the closure of two rural post offices', 'a proposal to widen the ring road', 'the archive of local newspapers',
  'a fund for small bookshops', 'the forecast for wheat harvests', 'a review of police body cameras',
  'the timetable for the tram extension', 'a subsidy for electric ferries', 'the data on hospital waiting lists'
]

export const CLAUSES = [
  'after months of public hearings', 'despite objections from residents', 'according to documents seen by reporters',
  'in a statement released on Tuesday', 'following a close vote', 'while critics called the figures misleading',
  'as costs continued to rise', 'ahead of the winter season', 'in response to a petition signed by thousands',
  'although the details remain unclear', 'citing a shortage of qualified staff', 'under pressure from regulators',
  'before the summer recess', 'with support from neighbouring towns', 'amid concerns about safety',
  'after an independent audit', 'in the wake of last year\'s floods', 'to the surprise of many observers'
]

export const QUOTES = [
  'We have to be honest about what this will cost', 'Nobody expected the numbers to move this quickly',
  'This is a first step, not the final answer', 'People deserve a clear explanation', 'The evidence points in one direction',
  'We will keep listening to everyone affected', 'It is too early to draw conclusions', 'The old system simply stopped working',
  'Our members are tired of waiting', 'There is no shortcut here'
]

export const SPEAKERS = [
  'Maren Holt', 'Idris Okafor', 'Lucia Ferrante', 'Tomasz Wierzba', 'Aiko Tanabe', 'Rafael Quintero', 'Sofia Lindqvist',
  'Declan Moyle', 'Priya Raman', 'Jonas Achterberg', 'Helena Costa', 'Yusuf Demir', 'Ingrid Solberg', 'Mateo Arriaga'
]

export const ROLES = [
  'a spokesperson', 'the director', 'a senior analyst', 'the mayor', 'a union representative', 'the chief engineer',
  'an economist', 'a local resident', 'the committee chair', 'a professor of hydrology'
]

/** Content words for variety, incl. rarer ones that make good search queries. */
export const CONTENT_WORDS = [
  'aquifer', 'tariff', 'ferry', 'granary', 'turbine', 'ledger', 'estuary', 'levee', 'pylon', 'orchard', 'quarry',
  'viaduct', 'tenancy', 'pension', 'subsidy', 'sediment', 'algorithm', 'telescope', 'vaccine', 'mortgage', 'dividend',
  'kiln', 'lighthouse', 'marshland', 'reservoir', 'shipyard', 'smelter', 'tramline', 'vineyard', 'windbreak',
  'archive', 'ballot', 'census', 'drought', 'embargo', 'forecast', 'glacier', 'harvest', 'inflation', 'juror',
  'landslide', 'monsoon', 'nitrate', 'ombudsman', 'plankton', 'quarantine', 'referendum', 'salinity', 'thermostat',
  'upland', 'voltage', 'warehouse', 'zoning', 'bauxite', 'cobalt', 'dredger', 'epidemic', 'fjord', 'geyser',
  'heatwave', 'icebreaker', 'jetty', 'kelp', 'lithium', 'meadow', 'nursery', 'oyster', 'peatland', 'rainfall',
  'sawmill', 'tundra', 'uranium', 'vaccination', 'wetland', 'yield', 'broadband', 'curriculum', 'dialysis',
  'earthquake', 'fertiliser', 'groundwater', 'hydrogen', 'irrigation', 'journalism', 'kilowatt', 'logistics',
  'microchip', 'nuclear', 'offshore', 'pipeline', 'recycling', 'semiconductor', 'tourism', 'unemployment',
  'ventilation', 'wildfire', 'broker', 'cathedral', 'derelict', 'excavation', 'flotilla', 'gondola', 'hinterland'
]

export const TOPICS = [
  'Climate', 'Energy', 'Transport', 'Housing', 'Health', 'Education', 'Economy', 'Agriculture', 'Courts', 'Science',
  'Technology', 'Culture', 'Sport', 'Local Politics', 'Labour', 'Water', 'Media', 'Oceans'
]

export const PROVIDERS = [
  { name: 'Harbour Gazette', domain: 'harbourgazette.example' },
  { name: 'Northern Ledger', domain: 'northernledger.example' },
  { name: 'Valley Courier', domain: 'valleycourier.example' },
  { name: 'Metro Observer', domain: 'metroobserver.example' },
  { name: 'Coastal Times', domain: 'coastaltimes.example' },
  { name: 'Plains Herald', domain: 'plainsherald.example' },
  { name: 'Riverside Post', domain: 'riversidepost.example' },
  { name: 'Highland Review', domain: 'highlandreview.example' }
]

export const PLACES = [
  'Ashford', 'Bramwell', 'Carrick', 'Dunmore', 'Elsworth', 'Fennick', 'Garrow', 'Holloway', 'Inverlee', 'Jarrowby',
  'Kestwick', 'Lornby', 'Marlow Sands', 'Northwold', 'Oakhurst', 'Pellston', 'Quarrington', 'Rushmere', 'Stanwick',
  'Tidemouth', 'Upperby', 'Valemont', 'Westerholt', 'Yarrowdale'
]
