/* Language identification from scripts and stop words, and normalisation of
 * declared language names and tags to ISO 639-1. */
#include "lang.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

/* Hand-written: none of the allowed libraries identifies languages, and news
 * text needs only a cheap, predictable guess. Script decides for non-Latin
 * text; Latin text is scored by its most frequent function words. */

enum latin {
	L_EN, L_DE, L_FR, L_ES, L_IT, L_PT, L_NL, L_SV, L_TR, L_PL, L_ID,
	L_NLATIN
};

static const char *const latin_code[L_NLATIN] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "sv", "tr", "pl", "id",
};

/* Frequent function words per language, space separated, lower case. */
static const char *const stopwords[L_NLATIN] = {
	[L_EN] = "the of and to in is that for it was on with he as his by at "
		 "from this have are be has had were not which but they said an "
		 "will their who been would its after we or she her there than "
		 "also more a",
	[L_DE] = "der die und in den von zu das mit sich des auf für ist im dem "
		 "nicht ein eine als auch es an werden aus er hat dass sie nach "
		 "wird bei einer um am sind noch wie einem über einen so zum war "
		 "haben nur oder aber vor zur bis mehr durch man sein wurde sei",
	[L_FR] = "le la les de des et un une du en est que qui dans pour pas au "
		 "sur par ne il elle se ce plus sont avec son sa ses aux été mais "
		 "ont cette nous vous comme ou leur était a",
	[L_ES] = "el la de que y en los se del las un por con no una su para es "
		 "al lo como más pero sus le ya o este sí porque esta entre cuando "
		 "muy sin sobre también me hasta hay donde quien desde todo nos "
		 "durante fue ha han dijo ser son era está a",
	[L_IT] = "il di che e la per un in del è una non con si da le dei al "
		 "della nel alla gli ha sono come anche più ma lo delle questo ed "
		 "nella degli alle sul tra essere stato dopo ci perché suo sua "
		 "hanno era quando già a",
	[L_PT] = "o de a que e do da em um para é com não uma os no se na por "
		 "mais as dos como mas foi ao ele das tem à seu sua ou ser quando "
		 "muito há nos já está também só pelo pela até isso ela entre era "
		 "depois sem mesmo aos ter seus quem nas me esse eles estão você "
		 "foram disse são após",
	[L_NL] = "de van het een en in is dat op te zijn voor met die niet aan er "
		 "om ook als dan maar bij of nog uit door naar heeft hij zij "
		 "worden wordt werd over ze wel meer geen kan zo deze tot was moet "
		 "al nu hun",
	[L_SV] = "och i att det som en på är av för med till den har de inte om "
		 "ett var jag men så han vid från kan hon sig under efter också "
		 "eller när vi skulle detta då nu mot sina sin hade blev ska "
		 "enligt många än",
	[L_TR] = "ve bir bu da de için ile olarak çok daha en gibi olan kadar "
		 "sonra ama ne o ki mi her değil var yok diye ise göre ancak şey "
		 "veya üzere tarafından olduğu etti oldu dedi ediyor bin yeni ilk "
		 "büyük",
	[L_PL] = "i w z na się nie do to że jest o jak a po ale od co za jego tak "
		 "przez dla czy już tylko są jej może być by ich tym go który "
		 "która które były został była było także oraz przy jako ze we "
		 "roku pod lub",
	/* Indonesian/Malay: not asked for, but without it their "dan", "di"
	 * and "van" read as Dutch. */
	[L_ID] = "yang dan di ini itu dengan untuk dari dalam tidak akan pada "
		 "juga ke ada adalah oleh atau kita mereka sudah bisa karena "
		 "telah saya kami para tersebut lebih hanya seperti jadi",
};

/* Open-addressing table word -> bit set of languages, built once. */
#define WT_SIZE 2048 /* power of two, well above the ~480 words */
#define WT_MAXW 24

struct wslot {
	char w[WT_MAXW];  /* NUL-terminated; "" marks an empty slot */
	uint16_t langs;   /* bit per enum latin */
};

static struct wslot wtable[WT_SIZE];
static pthread_once_t wtable_once = PTHREAD_ONCE_INIT;

static size_t wslot_find(const char *w, size_t n)
{
	size_t h = (size_t)dyad_hash64(w, n, 0) & (WT_SIZE - 1);
	while (wtable[h].w[0] &&
	       (strncmp(wtable[h].w, w, n) != 0 || wtable[h].w[n] != '\0'))
		h = (h + 1) & (WT_SIZE - 1);
	return h;
}

static void wtable_build(void)
{
	for (int l = 0; l < L_NLATIN; l++) {
		const char *p = stopwords[l];
		while (*p) {
			size_t n = strcspn(p, " ");
			if (n > 0 && n < WT_MAXW) {
				size_t h = wslot_find(p, n);
				memcpy(wtable[h].w, p, n);
				wtable[h].w[n] = '\0';
				wtable[h].langs |= (uint16_t)(1u << l);
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

/* Scripts counted over the sample. */
enum script {
	S_LATIN, S_CYRILLIC, S_GREEK, S_ARABIC, S_HEBREW, S_DEVANAGARI,
	S_BENGALI, S_TAMIL, S_THAI, S_HAN, S_KANA, S_HANGUL, S_NSCRIPT
};

/* Script ranges, sorted by first code point. */
static const struct {
	int32_t lo, hi;   /* inclusive */
	enum script s;
} script_ranges[] = {
	{0x0041, 0x024F, S_LATIN},      {0x0370, 0x03FF, S_GREEK},
	{0x0400, 0x052F, S_CYRILLIC},   {0x0590, 0x05FF, S_HEBREW},
	{0x0600, 0x06FF, S_ARABIC},     {0x0900, 0x097F, S_DEVANAGARI},
	{0x0980, 0x09FF, S_BENGALI},    {0x0B80, 0x0BFF, S_TAMIL},
	{0x0E00, 0x0E7F, S_THAI},       {0x1100, 0x11FF, S_HANGUL},
	{0x1E00, 0x1EFF, S_LATIN},      {0x3040, 0x30FF, S_KANA},
	{0x3400, 0x9FFF, S_HAN},        {0xAC00, 0xD7AF, S_HANGUL},
	{0xF900, 0xFAFF, S_HAN},        {0xFB50, 0xFEFF, S_ARABIC},
};

struct counts {
	size_t script[S_NSCRIPT];   /* letters per script */
	size_t ukr;                 /* Ukrainian-only Cyrillic letters */
	size_t ur, fa, ar;          /* characteristic Arabic-script letters */
	size_t words;               /* Latin words */
	size_t score[L_NLATIN];     /* stop-word hits per language */
	size_t mark[L_NLATIN];      /* characteristic letters per language */
};

static void count_script(struct counts *c, int32_t cp)
{
	size_t i = 0;
	while (i < DYAD_ARRAY_LEN(script_ranges) && script_ranges[i].hi < cp)
		i++;
	if (i == DYAD_ARRAY_LEN(script_ranges) || script_ranges[i].lo > cp)
		return;
	enum script s = script_ranges[i].s;
	c->script[s]++;
	if (s == S_CYRILLIC && (cp == 0x454 || cp == 0x456 || cp == 0x457 ||
				cp == 0x491))
		c->ukr++; /* є і ї ґ */
	if (s != S_ARABIC)
		return;
	switch (cp) {
	case 0x679: case 0x688: case 0x691: case 0x6BA: case 0x6BE:
	case 0x6C1: case 0x6D2: case 0x6C3:
		c->ur++; /* ٹ ڈ ڑ ں ھ ہ ے ۃ */
		break;
	case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6CC:
	case 0x6A9:
		c->fa++; /* پ چ ژ گ ی ک */
		break;
	case 0x64A: case 0x643: case 0x629: case 0x649:
		c->ar++; /* ي ك ة ى */
		break;
	default:
		break;
	}
}

/* Letters that mark one Latin-script language (lower case). */
static void count_mark(struct counts *c, int32_t cp)
{
	switch (cp) {
	case 0xDF: case 0xE4: case 0xFC:
		c->mark[L_DE]++; /* ß ä ü */
		break;
	case 0xF6:
		c->mark[L_DE]++; c->mark[L_SV]++; c->mark[L_TR]++; /* ö */
		break;
	case 0xE5:
		c->mark[L_SV]++; /* å */
		break;
	case 0xF1:
		c->mark[L_ES]++; /* ñ */
		break;
	case 0xE3: case 0xF5:
		c->mark[L_PT]++; /* ã õ */
		break;
	case 0xE8: case 0xEA: case 0xEB: case 0xEE: case 0xEF: case 0x153:
		c->mark[L_FR]++; /* è ê ë î ï œ */
		break;
	case 0xF2: case 0xEC:
		c->mark[L_IT]++; /* ò ì */
		break;
	case 0x11F: case 0x131: case 0x15F:
		c->mark[L_TR]++; /* ğ ı ş */
		break;
	case 0x142: case 0x105: case 0x119: case 0x15B: case 0x17A: case 0x17C:
	case 0x144:
		c->mark[L_PL]++; /* ł ą ę ś ź ż ń */
		break;
	default:
		break;
	}
}

static void score_word(struct counts *c, const char *w, size_t n)
{
	c->words++;
	if (n >= WT_MAXW)
		return;
	size_t h = wslot_find(w, n);
	uint16_t langs = wtable[h].langs;
	for (int l = 0; l < L_NLATIN; l++)
		if (langs & (1u << l))
			c->score[l]++;
}

static bool is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	utf8proc_category_t k = utf8proc_category(cp);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
	       (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME);
}

#define SAMPLE 4096

static const char *latin_guess(const struct counts *c)
{
	size_t best = 0, second = 0;
	int bl = -1;
	for (int l = 0; l < L_NLATIN; l++) {
		/* A characteristic letter weighs half a stop word, capped so a
		 * name with an umlaut cannot outvote the function words. */
		size_t m = c->mark[l] < c->words / 4 ? c->mark[l] : c->words / 4;
		size_t s = 2 * c->score[l] + m;
		if (s > best) {
			second = best;
			best = s;
			bl = l;
		} else if (s > second) {
			second = s;
		}
	}
	if (bl < 0 || best < 6)
		return NULL;
	if (c->words < 20) /* short: demand a clear and dense signal */
		return best * 4 >= c->words * 3 && best >= 2 * second + 2 ?
			       latin_code[bl] : NULL;
	return best * 10 >= second * 13 ? latin_code[bl] : NULL;
}

const char *dyad_lang_detect(const char *s, size_t n)
{
	struct counts c = {0};
	char word[WT_MAXW];
	size_t wl = 0;
	bool inword = false, long_word = false;

	pthread_once(&wtable_once, wtable_build);
	if (n > SAMPLE)
		n = SAMPLE;
	for (size_t i = 0; i <= n;) {
		size_t len = 1;
		int32_t cp = i < n ? dyad_utf8_decode(s + i, n - i, &len) : ' ';
		if (cp >= 0 && is_letter(cp)) {
			count_script(&c, cp);
			int32_t lc = cp < 0x80 ? (cp | 32) : utf8proc_tolower(cp);
			if (lc >= 0x80)
				count_mark(&c, lc);
			if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) {
				char tmp[4];
				utf8proc_ssize_t k =
					utf8proc_encode_char(lc, (utf8proc_uint8_t *)tmp);
				if (wl + (size_t)k < sizeof(word)) {
					memcpy(word + wl, tmp, (size_t)k);
					wl += (size_t)k;
				} else {
					long_word = true;
				}
				inword = true;
			}
		} else if (inword && (cp == '\'' || cp == 0x2019) && wl > 0) {
			/* "l'État", "don't": the part before the apostrophe */
			if (!long_word)
				score_word(&c, word, wl);
			wl = 0;
			inword = false;
			long_word = false;
		} else if (inword) {
			if (!long_word)
				score_word(&c, word, wl);
			else
				c.words++;
			wl = 0;
			inword = false;
			long_word = false;
		}
		i += len;
	}

	/* Scripts that name one language here; at least 10 letters. */
	static const struct {
		enum script s;
		const char *code;
	} single[] = {
		{S_DEVANAGARI, "hi"}, {S_GREEK, "el"}, {S_HEBREW, "he"},
		{S_THAI, "th"},       {S_BENGALI, "bn"}, {S_TAMIL, "ta"},
	};
	size_t total = 0;
	for (int k = 0; k < S_NSCRIPT; k++)
		total += c.script[k];
	if (total == 0)
		return NULL;
	size_t cjk = c.script[S_HAN] + c.script[S_KANA];
	if (c.script[S_HANGUL] * 2 > total)
		return c.script[S_HANGUL] >= 4 ? "ko" : NULL;
	if (cjk * 2 > total) {
		if (cjk < 4)
			return NULL;
		return c.script[S_KANA] * 20 > cjk ? "ja" : "zh";
	}
	size_t arabic = c.script[S_ARABIC], cyr = c.script[S_CYRILLIC];
	if (arabic * 2 > total) {
		if (arabic < 10)
			return NULL;
		if (c.ur * 100 >= arabic || c.ur >= 3)
			return "ur";
		return c.fa > c.ar ? "fa" : "ar";
	}
	if (cyr * 2 > total) {
		if (cyr < 10)
			return NULL;
		return c.ukr * 50 > cyr ? "uk" : "ru";
	}
	for (size_t k = 0; k < DYAD_ARRAY_LEN(single); k++)
		if (c.script[single[k].s] * 2 > total)
			return c.script[single[k].s] >= 10 ? single[k].code : NULL;
	if (c.script[S_LATIN] * 2 > total)
		return latin_guess(&c);
	return NULL;
}

/* ---- normalisation -------------------------------------------------- */

struct lname {
	const char *name; /* lower-case code or name */
	const char *code; /* ISO 639-1 */
};

/* ISO 639-1 codes of languages news is commonly published in, with their
 * ISO 639-2/3 codes, deprecated codes, and English and native names. */
static const struct lname lnames[] = {
	{"af", "af"}, {"am", "am"}, {"ar", "ar"}, {"az", "az"}, {"be", "be"},
	{"bg", "bg"}, {"bn", "bn"}, {"bs", "bs"}, {"ca", "ca"}, {"cs", "cs"},
	{"cy", "cy"}, {"da", "da"}, {"de", "de"}, {"el", "el"}, {"en", "en"},
	{"eo", "eo"}, {"es", "es"}, {"et", "et"}, {"eu", "eu"}, {"fa", "fa"},
	{"fi", "fi"}, {"fr", "fr"}, {"ga", "ga"}, {"gl", "gl"}, {"gu", "gu"},
	{"ha", "ha"}, {"he", "he"}, {"hi", "hi"}, {"hr", "hr"}, {"hu", "hu"},
	{"hy", "hy"}, {"id", "id"}, {"is", "is"}, {"it", "it"}, {"ja", "ja"},
	{"ka", "ka"}, {"kk", "kk"}, {"km", "km"}, {"kn", "kn"}, {"ko", "ko"},
	{"ku", "ku"}, {"ky", "ky"}, {"lt", "lt"}, {"lv", "lv"}, {"mk", "mk"},
	{"ml", "ml"}, {"mn", "mn"}, {"mr", "mr"}, {"ms", "ms"}, {"my", "my"},
	{"nb", "nb"}, {"ne", "ne"}, {"nl", "nl"}, {"nn", "nn"}, {"no", "no"},
	{"pa", "pa"}, {"pl", "pl"}, {"ps", "ps"}, {"pt", "pt"}, {"ro", "ro"},
	{"ru", "ru"}, {"sd", "sd"}, {"si", "si"}, {"sk", "sk"}, {"sl", "sl"},
	{"so", "so"}, {"sq", "sq"}, {"sr", "sr"}, {"sv", "sv"}, {"sw", "sw"},
	{"ta", "ta"}, {"te", "te"}, {"th", "th"}, {"tl", "tl"}, {"tr", "tr"},
	{"uk", "uk"}, {"ur", "ur"}, {"uz", "uz"}, {"vi", "vi"}, {"yi", "yi"},
	{"zh", "zh"},
	{"iw", "he"}, {"in", "id"}, {"ji", "yi"},
	{"ara", "ar"}, {"ben", "bn"}, {"chi", "zh"}, {"deu", "de"}, {"dut", "nl"},
	{"ell", "el"}, {"eng", "en"}, {"fas", "fa"}, {"fra", "fr"}, {"fre", "fr"},
	{"ger", "de"}, {"gre", "el"}, {"heb", "he"}, {"hin", "hi"}, {"ind", "id"},
	{"ita", "it"}, {"jpn", "ja"}, {"kor", "ko"}, {"nld", "nl"}, {"per", "fa"},
	{"pol", "pl"}, {"por", "pt"}, {"pus", "ps"}, {"rus", "ru"}, {"spa", "es"},
	{"swe", "sv"}, {"tur", "tr"}, {"ukr", "uk"}, {"urd", "ur"}, {"zho", "zh"},
	{"arabic", "ar"}, {"bengali", "bn"}, {"chinese", "zh"}, {"dutch", "nl"},
	{"english", "en"}, {"farsi", "fa"}, {"french", "fr"}, {"german", "de"},
	{"greek", "el"}, {"hebrew", "he"}, {"hindi", "hi"}, {"indonesian", "id"},
	{"italian", "it"}, {"japanese", "ja"}, {"korean", "ko"},
	{"mandarin", "zh"}, {"pashto", "ps"}, {"persian", "fa"}, {"polish", "pl"},
	{"portuguese", "pt"}, {"russian", "ru"}, {"spanish", "es"},
	{"swedish", "sv"}, {"turkish", "tr"}, {"ukrainian", "uk"}, {"urdu", "ur"},
	{"deutsch", "de"}, {"español", "es"}, {"espanol", "es"},
	{"français", "fr"}, {"francais", "fr"}, {"italiano", "it"},
	{"nederlands", "nl"}, {"polski", "pl"}, {"português", "pt"},
	{"portugues", "pt"}, {"svenska", "sv"}, {"türkçe", "tr"},
	{"turkce", "tr"}, {"русский", "ru"}, {"العربية", "ar"}, {"اردو", "ur"},
	{"فارسی", "fa"}, {"हिन्दी", "hi"}, {"हिंदी", "hi"}, {"中文", "zh"},
	{"日本語", "ja"}, {"한국어", "ko"},
};

const char *dyad_lang_normalise(const char *declared)
{
	char key[32];
	size_t n = 0;
	if (!declared)
		return NULL;
	while (*declared == ' ' || *declared == '\t')
		declared++;
	/* The language subtag ends at '-', '_', '.', ';', ',' or space
	 * ("en-US", "en_GB.UTF-8", "en;q=0.9"). */
	for (const char *p = declared; *p && !strchr("-_.;, \t", *p); p++) {
		if (n + 1 >= sizeof(key))
			return NULL;
		unsigned char c = (unsigned char)*p;
		key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	key[n] = '\0';
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < DYAD_ARRAY_LEN(lnames); i++)
		if (strcmp(lnames[i].name, key) == 0)
			return lnames[i].code;
	return NULL;
}
