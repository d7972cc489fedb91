/* CAMEO coding dictionaries in memory: actors, agents, verbs and their
 * patterns, synsets, discards, issues, read from TABARI or PETRARCH files and
 * indexed for a fast coder (hash on the first word, then longest match). */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include "buf.h"
#include "dyad_int.h"

/*
 * Model
 * -----
 * Every word is stored folded to upper case (ASCII, and UTF-8 through
 * utf8proc), as the dictionaries write them; the coder folds sentence words
 * with dyad_dict_fold() before looking them up. A phrase is an array of
 * tokens (struct dyad_dict_tok). Words carry two flags: STEM (TABARI: a word
 * not ended by '_' matches any word it begins) and JOINED (the next token
 * was connected by '_' and must follow immediately). Patterns use the same
 * tokens plus markers ('*' verb, '$' source, '+' target, '%' compound, '^'
 * skip, '&NAME' synset, TABARI '{ a | b }' alternatives, PETRARCH-2
 * '{noun phrase}' and '(prepositional phrase)'), in the order written, so a
 * matcher can walk them left to right.
 *
 * Phrases are kept in tables by kind (actors, agents, verb forms, discards,
 * issues, time phrases, TABARI nouns and adjectives). A table is sorted by
 * its key word and indexed by a hash table from that word to the run of
 * entries starting with it, longest first.
 *
 * All strings and token arrays live in one arena owned by the dictionary:
 * pointers stay valid until dyad_dict_release().
 */

/* Token kinds of phrases and patterns. */
enum dyad_dict_tk {
	DYAD_TK_WORD = 0,  /* a word: str/len */
	DYAD_TK_VERB,      /* '*': where the verb stands */
	DYAD_TK_SOURCE,    /* '$': the source actor */
	DYAD_TK_TARGET,    /* '+': the target actor */
	DYAD_TK_COMPOUND,  /* '%': a compound actor (source and target) */
	DYAD_TK_SKIP,      /* '^': skip one noun phrase */
	DYAD_TK_SYNSET,    /* '&NAME': any phrase of synset syn (str is NAME) */
	DYAD_TK_ALT_OPEN,  /* TABARI '{': one of the '|'-separated alternatives */
	DYAD_TK_ALT_SEP,   /* TABARI '|' */
	DYAD_TK_ALT_CLOSE, /* TABARI '}' */
	DYAD_TK_NP_OPEN,   /* PETRARCH-2 '{': noun phrase, its last word the head */
	DYAD_TK_NP_CLOSE,
	DYAD_TK_PP_OPEN,   /* PETRARCH-2 '(': prepositional phrase, first word the preposition */
	DYAD_TK_PP_CLOSE,
};

enum dyad_dict_tf {
	DYAD_TF_STEM = 1,    /* the word matches any word it begins (TABARI stems) */
	DYAD_TF_JOINED = 2,  /* the next token must follow with no word between */
	/* dyad format only: the word was written in capitals in the dictionary
	 * ("US", "UN", "IS", "TTP") and must be written in capitals in the
	 * sentence too, so that the pronoun "us" is not the USA. Folding loses
	 * case: the coder checks the sentence's own words with
	 * dyad_dict_case_ok() (dict_builtin.h) after a match. */
	DYAD_TF_CAPS = 4,
};

struct dyad_dict_tok {
	const char *str;     /* upper-case word, or synset name; NULL for markers */
	uint32_t len;        /* bytes of str */
	uint8_t kind;        /* enum dyad_dict_tk */
	uint8_t flags;       /* enum dyad_dict_tf */
	int32_t syn;         /* DYAD_TK_SYNSET: index in d->synsets, -1 if undefined */
};

struct dyad_dict_phrase {
	const struct dyad_dict_tok *tok;  /* in the arena */
	uint32_t n;
};

/* Phrase tables. */
enum dyad_dict_kind {
	DYAD_DK_ACTOR = 0,   /* id: index in d->actors */
	DYAD_DK_AGENT,       /* id: index in d->agents */
	DYAD_DK_VERB,        /* id: index in d->verbs (one per inflected form) */
	DYAD_DK_DISCARD,     /* id: 1 when the whole story is discarded ('+'), else 0 */
	DYAD_DK_ISSUE,       /* id: index in d->issues */
	DYAD_DK_TIME,        /* id: index in d->times (TABARI <TIME>) */
	DYAD_DK_NOUN,        /* TABARI <NOUN>: id 0 */
	DYAD_DK_ADJ,         /* TABARI <ADJECTIVE>: id 0 */
	DYAD_DK_PLACE,       /* dyad places and capitals: id: index in d->places */
	DYAD_DK_COUNT
};

struct dyad_dict_entry {
	const struct dyad_dict_tok *tok; /* the phrase (words only) */
	uint16_t n;          /* tokens */
	uint16_t key;        /* index of the key word (the verb of "RE_+ARREST": 1) */
	uint32_t id;         /* meaning per table, see enum dyad_dict_kind */
	uint32_t line;       /* source line, for reports */
	uint16_t file;       /* index in d->files */
	uint16_t pad;
};

/* A code with its validity: dates are yyyymmdd integers, both ends included. */
struct dyad_dict_code {
	const char *code;    /* "USAGOV", "---" (no code), "###" (discard) */
	int32_t from, to;    /* 0 and 99999999 when open */
	uint8_t restricted;  /* 0: the default code, used when no restricted one applies */
};

struct dyad_dict_actor {
	const char *name;    /* primary phrase as written, for reports */
	uint32_t code0, ncodes; /* d->codes[code0 .. code0+ncodes) */
};

struct dyad_dict_agent {
	const char *code;    /* "GOV" of "[~GOV]" */
	uint8_t before;      /* "[NGO~]": the code goes before the actor's code */
};

/* A verb block: TABARI root with its patterns, or PETRARCH-2 "--- NAME [code] ---". */
struct dyad_dict_block {
	const char *name;
	const char *code, *code2;  /* default event code; code2 after ':' or NULL */
	uint32_t pat0, npat;       /* d->patterns[pat0 .. pat0+npat) */
};

struct dyad_dict_pattern {
	struct dyad_dict_phrase ph; /* with exactly one DYAD_TK_VERB */
	const char *code, *code2;   /* "013:012" gives "013" and "012"; code2 NULL when absent */
	uint32_t block, line;
	uint16_t file;
};

/* One inflected verb form ("ABANDONED"): entry phrase in DYAD_DK_VERB. */
struct dyad_dict_verb {
	uint32_t block;
	const char *code, *code2;   /* this verb's own code, or the block's */
	uint8_t exact;              /* TABARI "BAN=": no regular endings */
};

struct dyad_dict_synset {
	const char *name;           /* without '&' and without a trailing '_' */
	uint32_t ph0, nph;          /* d->synphr[ph0 .. ph0+nph) */
};

struct dyad_dict_issue {
	const char *code;           /* "EDUCATION_REFORM", or "~" / "~~" for exclusions */
	const char *category;       /* <ISSUE CATEGORY="..."> or NULL */
	uint8_t exclude;            /* 1: '~' sentence, 2: '~~' story exclusion */
};

/* An option of a TABARI .options file or a PETR_config.ini line. */
struct dyad_dict_option {
	const char *key;            /* "COMPLEX", "SET", "LABEL", "Options.comma_min" */
	const char *value;
};

enum dyad_dict_sev { DYAD_DIAG_WARN = 0, DYAD_DIAG_ERROR = 1 };

/* A problem found while reading: the line was fixed (WARN) or skipped (ERROR). */
struct dyad_dict_diag {
	const char *file;           /* path as opened */
	uint32_t line;              /* 1-based, 0 for the whole file */
	uint8_t sev;                /* enum dyad_dict_sev */
	const char *msg;
};

/* Growable array of fixed-size items (internal). */
struct dyad_vec {
	void *a;
	size_t n, cap;
};

struct dyad_dict_arena_chunk;

/* Hash table from a word to a run of entries (internal; open addressing). */
struct dyad_dict_map {
	struct dyad_dict_slot *slot;
	size_t cap, n;              /* cap is a power of two, or 0 */
};

struct dyad_dict_table {
	struct dyad_vec ent;        /* struct dyad_dict_entry */
	struct dyad_dict_map map;
	uint32_t min_stem;          /* shortest STEM key word (0: none) */
	int dirty;                  /* entries added since the last index */
};

#define DYAD_DICT_MAX_DIAGS 20000

struct dyad_dict {
	struct dyad_dict_table tab[DYAD_DK_COUNT];
	struct dyad_vec actors;     /* struct dyad_dict_actor */
	struct dyad_vec codes;      /* struct dyad_dict_code */
	struct dyad_vec agents;     /* struct dyad_dict_agent */
	struct dyad_vec blocks;     /* struct dyad_dict_block */
	struct dyad_vec patterns;   /* struct dyad_dict_pattern */
	struct dyad_vec verbs;      /* struct dyad_dict_verb */
	struct dyad_vec synsets;    /* struct dyad_dict_synset */
	struct dyad_vec synphr;     /* struct dyad_dict_phrase */
	struct dyad_vec issues;     /* struct dyad_dict_issue */
	struct dyad_vec times;      /* const char * codes of <TIME> phrases */
	struct dyad_vec places;     /* const char *: country code of each place ("AFG") */
	struct dyad_vec options;    /* struct dyad_dict_option */
	struct dyad_vec transforms; /* const char *: PETRARCH-2 "~ a (b . X) SAY = a b 112" lines, raw */
	struct dyad_vec files;      /* const char *: paths read */
	struct dyad_vec diags;      /* struct dyad_dict_diag */
	size_t ndiag_dropped;       /* diagnostics beyond DYAD_DICT_MAX_DIAGS */
	struct dyad_dict_map synmap;/* synset name -> index */
	struct dyad_dict_arena_chunk *arena;
	size_t arena_bytes;         /* bytes of arena chunks */
	int oom;                    /* an allocation failed while reading */
};

/* ---- Loading and release ------------------------------------------------ */

/* The kinds of file dyad reads. */
enum dyad_dict_file {
	DYAD_DF_AUTO = 0,       /* from the name, else the content */
	DYAD_DF_TABARI_PROJECT, /* .project: names the other files */
	DYAD_DF_TABARI_OPTIONS,
	DYAD_DF_TABARI_VERBS,
	DYAD_DF_TABARI_ACTORS,
	DYAD_DF_TABARI_AGENTS,
	DYAD_DF_PETR_CONFIG,    /* PETR_config.ini: names the other files */
	DYAD_DF_PETR_VERBS,
	DYAD_DF_PETR_ACTORS,
	DYAD_DF_PETR_AGENTS,
	DYAD_DF_PETR_DISCARDS,
	DYAD_DF_PETR_ISSUES,
	DYAD_DF_DYAD,           /* dyad's own format (docs/dyad-dictionaries.md): a file or a folder of *.txt */
	DYAD_DF_DYAD_BUILTIN,   /* the dyad dictionaries compiled into the binary (path unused) */
};

/* Make d empty (no allocation). */
void dyad_dict_init(struct dyad_dict *d);

/* Load path into d (which was initialised): a TABARI .project file, a
 * PETR_config.ini, or one dictionary file of a kind told by its name or
 * content; several calls add up. A folder is read as dyad's own format
 * (DYAD_EINVAL when it holds no dyad *.txt file). Bad lines never stop the
 * load: they are
 * recorded in d->diags and skipped. Returns DYAD_OK, DYAD_EIO (the file
 * named cannot be read; files named by a project or config that cannot be
 * read are diagnostics), DYAD_EINVAL (kind unknown) or DYAD_ENOMEM, with
 * detail on err. The indexes are rebuilt before it returns, so lookups can
 * follow. Free with dyad_dict_release(). */
int dyad_dict_load(struct dyad_dict *d, const char *path, struct dyad_err *err);

/* As dyad_dict_load() with the kind of file given (DYAD_DF_AUTO to guess). */
int dyad_dict_load_file(struct dyad_dict *d, const char *path, enum dyad_dict_file kind,
			struct dyad_err *err);

/* Free everything d holds and leave it as after dyad_dict_init(). */
void dyad_dict_release(struct dyad_dict *d);

/* ---- Lookup for the coder ----------------------------------------------- */

/* Fold s[0..n) to the dictionaries' upper case into out (cap bytes, at least
 * 4*n+1 to never truncate); returns the length written (NUL-terminated). */
size_t dyad_dict_fold(const char *s, size_t n, char *out, size_t cap);

/* yyyymmdd of y-m-d, the form of every date in the model. */
static inline int32_t dyad_dict_ymd(int y, int m, int dd) { return y * 10000 + m * 100 + dd; }

/* A match of a phrase in a sentence. */
struct dyad_dict_match {
	const struct dyad_dict_entry *entry;
	size_t start, len;          /* sentence tokens covered */
	const char *code;           /* actor: code valid at the date; agent: its code; else NULL */
};

/* Longest phrase of table kind found with its key word at sentence token
 * pos. tokens are folded words (dyad_dict_fold), NUL-terminated; phrase
 * words must be consecutive in the sentence. Returns 1 and fills *m, or 0. */
int dyad_dict_match(const struct dyad_dict *d, enum dyad_dict_kind kind,
		    const char *const *tokens, size_t ntokens, size_t pos,
		    struct dyad_dict_match *m);

/* Longest actor phrase starting at tokens[pos]; m->code is its code valid at
 * date (yyyymmdd; 0 when unknown, which takes the default code). Returns 1
 * when a phrase matched (m->code may still be NULL if no code applies). */
int dyad_dict_actor_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			  size_t pos, int32_t date, struct dyad_dict_match *m);

/* The code of actor a valid at date: a restricted code whose range holds it,
 * else the default code, else NULL. */
const char *dyad_dict_actor_code(const struct dyad_dict *d, uint32_t a, int32_t date);

/* Longest agent phrase at tokens[pos]; m->code is the agent code. */
int dyad_dict_agent_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			  size_t pos, struct dyad_dict_match *m);

/* Verb form at tokens[pos] (with the words of a multi-word verb around it).
 * On 1, *vb is the verb (its block in d->blocks holds the patterns). */
int dyad_dict_verb_match(const struct dyad_dict *d, const char *const *tokens, size_t ntokens,
			 size_t pos, struct dyad_dict_match *m, const struct dyad_dict_verb **vb);

/* Entries of kind whose key word is exactly word (len bytes, folded), longest
 * first: returns their number and sets *out, or 0. */
size_t dyad_dict_lookup(const struct dyad_dict *d, enum dyad_dict_kind kind, const char *word,
			size_t len, const struct dyad_dict_entry **out);

/* Count of entries in table kind. */
size_t dyad_dict_count(const struct dyad_dict *d, enum dyad_dict_kind kind);

/* ---- For the readers (dict_tabari.c, dict_petrarch.c) ------------------- */

/* Flavour of phrase and pattern syntax. */
enum dyad_dict_syntax {
	DYAD_SYN_TABARI = 1,    /* words are stems unless ended by '_'; '{ | }' alternatives */
	DYAD_SYN_PETRARCH = 2,  /* whole words; '{ }' noun and '( )' prepositional phrases */
};

/* One input line after the comment and byte quirks are handled. */
struct dyad_dict_line {
	char *s;                /* NUL-terminated, comments removed, trimmed */
	size_t len;
	uint32_t no;            /* 1-based line number */
	int raw_hash;           /* the raw line began with '#' (TABARI: a commented entry) */
};

/* A file being read line by line. */
struct dyad_dict_reader {
	struct dyad_dict *d;
	const char *path;       /* in the arena */
	uint16_t file;
	char *data;             /* whole file, from malloc() */
	size_t size, off;
	uint32_t no;
	struct dyad_buf line;   /* current line */
	int in_xml_comment;     /* inside a multi-line <!-- --> */
	int hash_comments;      /* '#' starts a comment anywhere outside [...] */
	int semi_comments;      /* ';' starts a comment outside [...] */
	int slash_comments;     /* "//" at the start of a line */
};

/* Read path whole; returns DYAD_OK (close with dyad_dict_reader_close), or
 * DYAD_EIO (with a diagnostic), DYAD_ETOOBIG or DYAD_ENOMEM with nothing to close. */
int dyad_dict_reader_open(struct dyad_dict_reader *r, struct dyad_dict *d, const char *path);
/* Next non-blank line; 0 at the end of the file. */
int dyad_dict_reader_next(struct dyad_dict_reader *r, struct dyad_dict_line *ln);
void dyad_dict_reader_close(struct dyad_dict_reader *r);

void dyad_dict_diag(struct dyad_dict *d, uint16_t file, uint32_t line, int sev,
		    const char *fmt, ...) DYAD_PRINTF(5, 6);
/* Arena copies (upper-cased for dyad_dict_strup); NULL only when memory is out. */
/* Register path in d->files (copied into the arena); returns its index, 0
 * with d->oom set when memory is out. */
uint16_t dyad_dict_add_file(struct dyad_dict *d, const char *path);
char *dyad_dict_strdup(struct dyad_dict *d, const char *s, size_t n);
char *dyad_dict_strup(struct dyad_dict *d, const char *s, size_t n);
void *dyad_dict_alloc(struct dyad_dict *d, size_t n);
/* Append one item of size sz to v; returns its address, NULL when memory is out. */
void *dyad_vec_push(struct dyad_vec *v, size_t sz);

/* Parse phrase text s[0..n) into an arena token array. PETRARCH-2 patterns
 * and TABARI patterns may hold markers; phrases (actors...) only words.
 * Returns 0, or -1 with *why set to a reason (unbalanced brackets...). */
int dyad_dict_parse_phrase(struct dyad_dict *d, const char *s, size_t n, int syntax,
			   int pattern, struct dyad_dict_phrase *out, const char **why);
/* Add an entry for phrase ph (key word index key) to table kind. */
int dyad_dict_add_entry(struct dyad_dict *d, enum dyad_dict_kind kind,
			const struct dyad_dict_phrase *ph, uint32_t key, uint32_t id,
			uint16_t file, uint32_t line);
/* Split "013:012" into arena strings; code2 NULL when no ':'. */
void dyad_dict_split_code(struct dyad_dict *d, const char *s, size_t n, const char **code,
			  const char **code2);
/* Read the actors file of either flavour (Phoenix files are TABARI-formatted). */
int dyad_dict_read_actors(struct dyad_dict *d, const char *path, int syntax);
/* Read a TABARI or PETRARCH agents file. */
int dyad_dict_read_agents(struct dyad_dict *d, const char *path, int syntax);
/* Synset index of name (no '&'), creating it when create; -1 when absent. */
int32_t dyad_dict_synset(struct dyad_dict *d, const char *name, size_t n, int create);
/* Add one phrase to synset s (must be the last synset created). */
int dyad_dict_synset_add(struct dyad_dict *d, int32_t s, const struct dyad_dict_phrase *ph);
/* Regular English plural of an upper-case noun into out (cap >= n+3). */
size_t dyad_dict_plural(const char *w, size_t n, char *out);
/* Start a verb block; returns its index or -1 when memory is out. */
int32_t dyad_dict_block_new(struct dyad_dict *d, const char *name, size_t nlen, const char *code,
			    size_t clen);
/* TABARI's "BAN= [191]", "MOUSE= [MUS]": the word itself, no stem and no
 * regular ending ("baning" is no BAN). Returns s[0..n) with its final '='
 * made TABARI's exact-word '_' in buf (cap bytes), or s when it has none. */
const char *dyad_dict_tabari_exact(const char *s, size_t n, char *buf, size_t cap);
/* Add one verb form ph (key: index of the verb word) of block; code NULL
 * takes the block's code. */
int dyad_dict_add_verb(struct dyad_dict *d, uint32_t block, const char *code, size_t clen,
		       const struct dyad_dict_phrase *ph, uint32_t key, uint16_t file, uint32_t line);
/* Parse and add pattern line s[0..n) (after its '-') with its "[code]" to block. */
void dyad_dict_add_pattern(struct dyad_dict *d, int32_t block, const char *s, size_t n,
			   int syntax, uint16_t file, uint32_t line);
/* Split s[0..n) around its last "[code]": returns the code span, or 0 when absent. */
int dyad_dict_find_code(const char *s, size_t n, size_t *open, size_t *cb, size_t *ce);

/* Readers by format: return DYAD_OK, DYAD_EIO or DYAD_ENOMEM. */
int dyad_dict_tabari_project(struct dyad_dict *d, const char *path);
int dyad_dict_tabari_options(struct dyad_dict *d, const char *path);
int dyad_dict_tabari_verbs(struct dyad_dict *d, const char *path);
int dyad_dict_petr_config(struct dyad_dict *d, const char *path);
int dyad_dict_petr_verbs(struct dyad_dict *d, const char *path);
int dyad_dict_petr_discards(struct dyad_dict *d, const char *path);
int dyad_dict_petr_issues(struct dyad_dict *d, const char *path);

/* dyad's own format (dict_dyad.c): path is a file, or a folder whose *.txt
 * files opening with a dyad block are read in name order. Returns DYAD_OK,
 * DYAD_EIO, DYAD_ENOMEM, or DYAD_EINVAL for a folder holding no such file. */
int dyad_dict_dyad_read(struct dyad_dict *d, const char *path);
/* The same from memory: data[0..n) named name in diagnostics. */
int dyad_dict_dyad_mem(struct dyad_dict *d, const char *name, const char *data, size_t n);
/* Every dictionary compiled into the binary (dict_builtin.c). */
int dyad_dict_dyad_builtin(struct dyad_dict *d);

/* Path of name relative to the folder of base, malloc()ed (caller frees). */
char *dyad_dict_relpath(const char *base, const char *name, size_t n);

#endif
