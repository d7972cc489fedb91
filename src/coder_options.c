/* Coder settings from option text: TABARI .options commands and OPTION
 * records ("SET: CODE ALL", "SET: TIME SHIFT = FALSE", "COMMA: MIN = 2 MAX
 * = 8", "DEFAULT: SOURCE [X] PRIOR"), PETR_config.ini [Options] (comma_*,
 * require_dyad). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coder_int.h"

void dyad_coder_settings_init(struct dyad_coder_settings *s, unsigned min_words)
{
	memset(s, 0, sizeof *s);
	s->cm = (struct dyad_coder_commas){2, 10, 2, 10, 0, 0};
	s->min_words = min_words;
}

/* "MIN = 4 MAX = 6 EMIN = 3 ..." or "OFF" of a TABARI COMMA: option. */
static void comma_option(struct dyad_coder_commas *cm, const char *s)
{
	static const char *const keys[] = {"BMIN", "BMAX", "EMIN", "EMAX", "MIN", "MAX"};
	if (strstr(s, "OFF")) {
		memset(cm, 0, sizeof *cm);
		return;
	}
	int *field[] = {&cm->bmin, &cm->bmax, &cm->emin, &cm->emax, &cm->min, &cm->max};
	for (const char *p = s; *p; p++) {
		if (p > s && isalpha((unsigned char)p[-1]))
			continue;
		for (size_t k = 0; k < 6; k++) {
			size_t l = strlen(keys[k]);
			if (strncmp(p, keys[k], l) || isalpha((unsigned char)p[l]))
				continue;
			const char *q = p + l;
			while (*q == ' ' || *q == '=')
				q++;
			*field[k] = atoi(q);
			break;
		}
	}
}

/* "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER" or "OFF". */
static void default_option(struct dyad_coder_settings *st, const char *s)
{
	st->defsrc[0] = st->deftgt[0] = '\0';
	st->prior = st->after = 0;
	if (strstr(s, "OFF"))
		return;
	const char *src = strstr(s, "SOURCE"), *tgt = strstr(s, "TARGET");
	const char *b;
	if (src && (b = strchr(src, '[')))
		sscanf(b + 1, "%23[^] ]", st->defsrc);
	if (tgt && (b = strchr(tgt, '[')))
		sscanf(b + 1, "%23[^] ]", st->deftgt);
	st->prior = strstr(s, "PRIOR") != NULL;
	st->after = strstr(s, "AFTER") != NULL;
}

void dyad_coder_tabari_option(struct dyad_coder_settings *s, const char *text)
{
	const char *df = strstr(text, "DEFAULT:");
	if (df)
		default_option(s, df + 8);
	const char *cmo = strstr(text, "COMMA:");
	if (cmo)
		comma_option(&s->cm, cmo + 6);
	const char *mw = strstr(text, "MINIMUM WORDS");
	if (mw && strchr(mw, '='))
		s->min_words = (unsigned)atoi(strchr(mw, '=') + 1);
	if (strstr(text, "CODE BY SENTENCE"))
		s->opts = (s->opts & ~(unsigned)DYAD_CODER_ALL) | DYAD_CODER_BY_SENTENCE;
	if (strstr(text, "CODE ALL"))
		s->opts = (s->opts & ~(unsigned)DYAD_CODER_BY_SENTENCE) | DYAD_CODER_ALL;
	if (strstr(text, "CODE BY CLAUSE"))
		s->opts &= ~(unsigned)(DYAD_CODER_ALL | DYAD_CODER_BY_SENTENCE);
	const char *ts = strstr(text, "TIME SHIFT");
	if (ts) {
		/* on by default when the .verbs file holds <TIME> records */
		if (strstr(ts, "FALSE"))
			s->opts |= DYAD_CODER_NO_TIME_SHIFT;
		else if (strstr(ts, "TRUE"))
			s->opts &= ~(unsigned)DYAD_CODER_NO_TIME_SHIFT;
	}
	if (strstr(text, "CONVERT AGENT"))
		s->opts = strstr(text, "TRUE") ? s->opts | DYAD_CODER_CONVERT_AGENT
					       : s->opts & ~(unsigned)DYAD_CODER_CONVERT_AGENT;
}

void dyad_coder_petr_option(struct dyad_coder_settings *s, const char *key, const char *value)
{
	static const char *const keys[] = {"comma_min", "comma_max", "comma_emin",
					   "comma_emax", "comma_bmin", "comma_bmax"};
	int *field[] = {&s->cm.min, &s->cm.max, &s->cm.emin, &s->cm.emax, &s->cm.bmin, &s->cm.bmax};
	if (!strncmp(key, "Options.", 8))
		key += 8;
	while (isspace((unsigned char)*value))
		value++;
	for (size_t k = 0; k < 6; k++)
		if (!strcmp(key, keys[k]))
			*field[k] = atoi(value);
	if (!strcmp(key, "require_dyad")) {
		if (value[0] == 'f' || value[0] == 'F')
			s->opts |= DYAD_CODER_NO_DYAD;
		else
			s->opts &= ~(unsigned)DYAD_CODER_NO_DYAD;
	}
}

int dyad_coder_dict_settings(const struct dyad_dict *d, struct dyad_coder_settings *s)
{
	static const char *const tabari[] = {"SET", "COMMA", "DEFAULT"};
	const struct dyad_dict_option *o = d->options.a;
	int n = 0;
	for (size_t i = 0; i < d->options.n; i++) {
		if (!o[i].key || !o[i].value)
			continue;
		if (!strncmp(o[i].key, "Options.", 8)) {
			dyad_coder_petr_option(s, o[i].key, o[i].value);
			n++;
			continue;
		}
		for (size_t k = 0; k < DYAD_ARRAY_LEN(tabari); k++)
			if (!strcmp(o[i].key, tabari[k])) {
				/* the parser reads "KEY: value" as an OPTION record holds it */
				char text[512];
				snprintf(text, sizeof text, "%s: %s", o[i].key, o[i].value);
				for (char *p = text; *p; p++)
					*p = (char)toupper((unsigned char)*p);
				dyad_coder_tabari_option(s, text);
				n++;
			}
	}
	return n;
}

void dyad_coder_settings_apply(struct dyad_coder *c, const struct dyad_coder_settings *s)
{
	dyad_coder_options(c, s->opts);
	dyad_coder_commas(c, &s->cm);
	dyad_coder_min_words(c, s->min_words);
	dyad_coder_defaults(c, s->defsrc, s->prior, s->deftgt, s->after);
}
