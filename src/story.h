/* Stories: articles reporting the same event, in different words or as
 * copies, grouped by date window, shared actors and similar text. */
#ifndef DYAD_STORY_H
#define DYAD_STORY_H

#include <stdbool.h>

#include "dups.h"

/* Days either side of an article within which another can share its story. */
#define DYAD_STORY_WINDOW_DAYS 3

/* Assign every article without a story (all of them when rebuild) to a
 * story: a copy goes into its original's story; a dated article joins the
 * story of the most similar article published within DYAD_STORY_WINDOW_DAYS
 * that shares actors with it (the events' source/target codes) and whose
 * topic signature is close; otherwise it starts a story. Undated articles
 * join stories only as copies. Recounts the stories touched (dates, title
 * of the lead article, article and outlet counts). Call after
 * dyad_dups_update. Runs its own transactions. Returns DYAD_OK with
 * st->stories set (st may be NULL), or DYAD_EDB / DYAD_ENOMEM on err. */
int dyad_stories_update(struct dyad_db *db, bool rebuild, struct dyad_dups_stats *st,
			struct dyad_err *err);

/* Whether two articles' topic signatures are close enough for one story. */
bool dyad_story_similar(const struct dyad_sig *a, const struct dyad_sig *b);

#endif
