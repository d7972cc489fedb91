/* Release of extractor results. */
#include "extract.h"

#include <stdlib.h>

void dyad_extract_release(struct dyad_extract *x)
{
	free(x->url);
	free(x->title);
	free(x->published);
	free(x->date_source);
	free(x->outlet);
	free(x->byline);
	free(x->dateline);
	free(x->lang);
	free(x->text);
	*x = (struct dyad_extract){0};
}
