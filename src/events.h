/* Event coding around the coder: loading the dictionary an ingest or a
 * recode uses, coding an article's sentences, events as JSON. */
#ifndef DYAD_EVENTS_H
#define DYAD_EVENTS_H

#include <jansson.h>

#include "coder.h"
#include "people.h"
#include "segment.h"

/* Initialise d and load the dictionary at path (a folder of dyad files, a
 * TABARI .project, a PETR_config.ini: see dyad_dict_load), or the built-in
 * one when path is NULL. Returns DYAD_OK, or DYAD_EIO / DYAD_EINVAL /
 * DYAD_ENOMEM with detail on err (d is then released). Release d with
 * dyad_dict_release(). Bad dictionary lines are in d->diags. */
int dyad_events_dict(struct dyad_dict *d, const char *path, struct dyad_err *err);

/* Call fn(ud, DYAD_OK, "FILE:LINE: message") for each diagnostic of d (and
 * one line for those dropped beyond the limit). */
void dyad_events_diags(const struct dyad_dict *d, dyad_diag_fn *fn, void *ud);

/* yyyymmdd of "YYYY-MM-DD..." (NULL or malformed: 0, "unknown"). */
int32_t dyad_events_ymd(const char *iso);

/* Code one article: text with its sentences sent[0..n), dated date
 * (yyyymmdd or 0), every sentence in order; the people found in it (may be
 * NULL; dyad_people_find_at) are actors of this article, so that "Mendez"
 * and "she" code with Mendez's actor code. Events are appended to out.
 * Returns DYAD_OK or DYAD_ENOMEM. */
int dyad_events_code(struct dyad_coder *c, const char *text, const struct dyad_sentence *sent,
		     size_t n, int32_t date, const struct dyad_people *people,
		     struct dyad_events *out, struct dyad_err *err);

/* Event e, from sentence s[0..slen), as a new JSON object with the fields
 * of the events export (sentence_index, sentence, date, source,
 * source_text, target, target_text, code, root, quad, goldstein, negated,
 * verb_text, issues, location). NULL when memory is out. */
json_t *dyad_event_json(const struct dyad_event *e, const char *s, size_t slen);

#endif
