/* Word lists of people and quotation finding, written for dyad (not taken
 * from any other extractor): reporting verbs, titles, institution words,
 * looked up through one hash table of the lower-cased words. */
#include <pthread.h>
#include <string.h>

#include "people.h"

static const char *const verbs[] = {
	"acknowledged", "acknowledges", "added", "adding", "adds", "admits", "admitted",
	"advised", "advises", "affirmed", "affirms", "agreed", "agrees", "alleged", "alleges",
	"announced", "announces", "announcing", "argued", "argues", "arguing", "asked", "asks",
	"asserted", "asserts", "assured", "assures", "blurted", "cautioned", "cautions",
	"chanted", "claimed", "claiming", "claims", "commented", "comments", "complained",
	"complains", "conceded", "concedes", "concluded", "concludes", "confirmed", "confirms",
	"contended", "contends", "continued", "continues", "countered", "counters", "declared",
	"declares", "denied", "denies", "emphasised", "emphasises", "emphasized", "emphasizes",
	"estimated", "estimates", "explained", "explaining", "explains", "insisted", "insisting",
	"insists", "joked", "lamented", "laments", "maintained", "maintains", "noted", "notes",
	"noting", "observed", "observes", "pointed", "points", "predicted", "predicts",
	"promised", "promises", "quipped", "recalled", "recalls", "reiterated", "reiterates",
	"remarked", "remarks", "reminded", "reminds", "replied", "replies", "reported", "reports",
	"responded", "responds", "revealed", "reveals", "said", "say", "saying", "says",
	"shouted", "stated", "states", "stating", "stressed", "stresses", "suggested", "suggests",
	"tell", "telling", "tells", "testified", "testifies", "told", "tweeted", "tweets",
	"urged", "urges", "warned", "warning", "warns", "wondered", "wonders", "writes",
	"writing", "wrote",
};

static const char *const pronouns[] = {
	"he", "i", "it", "she", "they", "we", "you",
};

static const char *const titles[] = {
	"acting", "admiral", "adviser", "advisor", "affairs", "air", "ambassador", "analyst",
	"army", "assistant", "associate", "attorney", "auditor", "author", "bishop", "board",
	"brig", "brig.", "brigadier", "brother", "capt", "capt.", "captain", "cardinal", "ceo",
	"chair", "chairman", "chairwoman", "chancellor", "chief", "city", "co-founder", "coach",
	"col", "col.", "colonel", "commander", "commissioner", "communications", "constable",
	"council", "councillor", "councilor", "county", "dame", "defence", "defense", "deputy",
	"director", "district", "dr", "dr.", "economist", "education", "environment", "envoy",
	"executive", "external", "father", "federal", "finance", "force", "foreign", "former",
	"founder", "gen", "gen.", "general", "gov", "gov.", "governor", "head", "health",
	"historian", "home", "inspector", "interim", "interior", "judge", "junior", "justice",
	"king", "labor", "labour", "lady", "lawmaker", "lawyer", "leader", "legislator",
	"lieutenant", "lord", "lt", "lt.", "madam", "maj", "maj.", "major", "manager", "managing",
	"marshal", "mayor", "military", "minister", "minister-in-charge", "ministers", "ministry",
	"miss", "mla", "mp", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "national", "navy",
	"officer", "opposition", "owner", "party", "police", "pope", "premier", "president",
	"president-elect", "prime", "prince", "princess", "prof", "prof.", "professor",
	"provincial", "public", "queen", "regional", "relations", "rep", "rep.", "representative",
	"researcher", "rev", "rev.", "reverend", "scientist", "secretary", "security", "sen",
	"sen.", "senator", "senior", "sergeant", "sgt", "sgt.", "sheikh", "sir", "sister",
	"speaker", "spokesman", "spokesperson", "spokeswoman", "state", "superintendent", "trade",
	"transport", "treasurer", "union", "vice",
};

static const char *const honorifics[] = {
	"dame", "dr", "dr.", "lady", "lord", "madam", "miss", "mr", "mr.", "mrs", "mrs.", "ms",
	"ms.", "rev", "rev.", "reverend", "sir",
};

static const char *const orgwords[] = {
	"accord", "act", "administration", "affairs", "agency", "agreement", "airlines",
	"airport", "airways", "alliance", "arena", "army", "assembly", "association", "authority",
	"avalanche", "avenue", "awards", "bank", "bill", "blackhawks", "blue", "blues", "board",
	"bridge", "bruins", "bureau", "cabinet", "camp", "canada", "canadiens", "canucks",
	"capitals", "center", "centre", "championship", "church", "city", "club", "coalition",
	"coast", "college", "commission", "committee", "company", "conference", "congress",
	"corp", "corp.", "corps", "council", "county", "court", "coyotes", "creek", "cup", "day",
	"department", "devils", "district", "ducks", "electronics", "energy", "federation",
	"festival", "first", "fish", "flames", "force", "forces", "forum", "foundation", "front",
	"fund", "games", "global", "golden", "government", "group", "hall", "health", "hospital",
	"hotel", "house", "hurricanes", "inc", "inc.", "initiative", "inquiry", "institute",
	"international", "island", "islanders", "jackets", "jets", "kings", "knights", "lake",
	"leafs", "league", "legislature", "lightning", "ltd", "mall", "maple", "media",
	"ministry", "mobile", "mosque", "motors", "mountain", "museum", "nation", "nations",
	"navy", "network", "news", "office", "oilers", "olympics", "organisation", "organization",
	"panthers", "park", "parliament", "party", "penguins", "pipeline", "plan", "police",
	"post", "predators", "press", "prize", "program", "programme", "project", "province",
	"radio", "rangers", "raptors", "red", "region", "relations", "report", "restaurant",
	"review", "river", "road", "sabres", "school", "security", "senate", "senators", "series",
	"service", "services", "sharks", "society", "square", "stadium", "stars", "state",
	"station", "street", "studies", "summit", "systems", "team", "technologies", "television",
	"temple", "times", "treaty", "tribunal", "trust", "tv", "union", "unit", "university",
	"valley", "wild", "wildlife", "wings", "world",
};

static const char *const stopwords[] = {
	"a", "about", "according", "across", "advertisement", "afp", "after", "all", "also",
	"although", "among", "an", "and", "ap", "april", "around", "as", "asked", "at", "august",
	"because", "before", "besides", "between", "both", "but", "by", "cbc", "click",
	"comments", "continues", "cp", "dear", "december", "despite", "during", "each", "even",
	"every", "february", "few", "file", "five", "for", "four", "friday", "from", "getty",
	"he", "her", "here", "hey", "his", "how", "however", "i", "if", "image", "in",
	"including", "instead", "it", "its", "january", "july", "june", "last", "like", "listen",
	"many", "march", "may", "maybe", "meanwhile", "monday", "more", "most", "much", "my",
	"next", "no", "nor", "not", "november", "now", "october", "of", "oh", "on", "one", "only",
	"or", "other", "our", "over", "perhaps", "photo", "please", "read", "related", "reuters",
	"saturday", "september", "share", "she", "since", "so", "some", "still", "story",
	"subscribe", "such", "sunday", "thanks", "that", "the", "their", "then", "there", "these",
	"they", "this", "those", "though", "three", "thursday", "to", "today", "tomorrow",
	"tuesday", "two", "under", "unless", "unlike", "until", "video", "watch", "we",
	"wednesday", "what", "when", "where", "whether", "which", "while", "who", "whom", "why",
	"with", "within", "without", "yes", "yesterday", "yet", "you", "your",
};

struct list {
	const char *const *w;
	size_t n;
};

static const struct list lists[] = {
	[DYAD_PW_VERB] = {verbs, DYAD_ARRAY_LEN(verbs)},
	[DYAD_PW_PRONOUN] = {pronouns, DYAD_ARRAY_LEN(pronouns)},
	[DYAD_PW_TITLE] = {titles, DYAD_ARRAY_LEN(titles)},
	[DYAD_PW_HONORIFIC] = {honorifics, DYAD_ARRAY_LEN(honorifics)},
	[DYAD_PW_ORG] = {orgwords, DYAD_ARRAY_LEN(orgwords)},
	[DYAD_PW_STOP] = {stopwords, DYAD_ARRAY_LEN(stopwords)},
};

/* One hash table of every listed word with the lists holding it, built
 * once (pthread_once: finders run on several threads): a token costs one
 * probe for all lists. */
#define SLOTS 4096 /* power of two, over twice the words */

struct slot {
	const char *w;
	uint8_t len, mask;
};

static struct slot table[SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void build_table(void)
{
	for (size_t l = 0; l < DYAD_ARRAY_LEN(lists); l++)
		for (size_t k = 0; k < lists[l].n; k++) {
			const char *w = lists[l].w[k];
			size_t n = strlen(w);
			uint32_t h = hash_word(w, n) & (SLOTS - 1);
			while (table[h].w && (table[h].len != n || memcmp(table[h].w, w, n) != 0))
				h = (h + 1) & (SLOTS - 1);
			table[h].w = w;
			table[h].len = (uint8_t)n;
			table[h].mask |= (uint8_t)(1u << l);
		}
}

uint8_t dyad_people_word_mask(const char *s, size_t n)
{
	char low[32];
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			return 0; /* every listed word is ASCII */
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	pthread_once(&table_once, build_table);
	uint32_t h = hash_word(low, n) & (SLOTS - 1);
	while (table[h].w) {
		if (table[h].len == n && memcmp(table[h].w, low, n) == 0)
			return table[h].mask;
		h = (h + 1) & (SLOTS - 1);
	}
	return 0;
}

bool dyad_people_word_in(enum dyad_people_list list, const char *s, size_t n)
{
	return (unsigned)list < DYAD_ARRAY_LEN(lists) &&
	       (dyad_people_word_mask(s, n) >> list & 1);
}
